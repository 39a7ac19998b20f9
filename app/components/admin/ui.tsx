// Small building blocks shared by the /admin screens.
import { isRouteErrorResponse, Link, useRouteError, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LocalizedError } from "../../i18n/errors.ts";

export type ActionResult = { ok: true; message?: string } | { ok: false; error: LocalizedError };

export function PageHeader({ title, intro, children }: { title: string; intro?: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-extrabold tracking-tight text-stone-900 sm:text-3xl">{title}</h1>
        {intro ? <p className="mt-2 max-w-3xl text-stone-600">{intro}</p> : null}
      </div>
      {children}
    </div>
  );
}

/** Always rendered, so screen readers announce a confirmation when it appears. */
export function StatusMessage({ message, className = "" }: { message?: string | null; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={message ? className : "sr-only"}>
      {message ? (
        <p className="flex items-start gap-2 rounded-xl bg-brand-50 px-4 py-3 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-brand-200">
          <span aria-hidden="true">✓</span>
          <span>{message}</span>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorAlert({ error, className = "" }: { error?: LocalizedError | null; className?: string }) {
  if (!error) return null;
  return (
    <div
      role="alert"
      className={`rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200 ${className}`}
    >
      <span aria-hidden="true">⚠ </span>
      {error.message}
    </div>
  );
}

/** The message of the field issue at `path`, if any. */
export function issueAt(error: LocalizedError | null | undefined, path: string): string | undefined {
  return error?.issues?.find((i) => i.path === path)?.message;
}

/** The first issue at `path` or below it (`pots` finds `pots.0.amountKrw`). */
export function issueUnder(error: LocalizedError | null | undefined, path: string): string | undefined {
  return error?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
}

/** One card of a long form: a titled group of fields. */
export function FormSection({
  id,
  title,
  intro,
  children,
  testId,
}: {
  id: string;
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section aria-labelledby={id} className="card p-5 sm:p-6" data-testid={testId}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {intro ? <div className="mt-1 text-sm text-stone-600">{intro}</div> : null}
      <div className="mt-4 space-y-5">{children}</div>
    </section>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** Props that tie a control to its hint and error for assistive technology. */
export function describedBy(id: string, { hint = false, error }: { hint?: boolean; error?: string }) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** Builds links that change one query parameter and keep the others. */
export function useQueryLink() {
  const [params] = useSearchParams();
  return (changes: Record<string, string | null>, { keepPage = false } = {}) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!keepPage && !("page" in changes)) next.delete("page");
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
}

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const link = useQueryLink();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("admin.common.page")} className="mt-6 flex items-center justify-center gap-3">
      {page > 1 ? (
        <Link to={link({ page: String(page - 1) })} className="btn-secondary" rel="prev">
          ← {t("admin.common.previous")}
        </Link>
      ) : null}
      <span className="text-sm text-stone-600" aria-current="page">
        {t("admin.common.pageOf", { page, pages })}
      </span>
      {page < pages ? (
        <Link to={link({ page: String(page + 1) })} className="btn-secondary" rel="next">
          {t("admin.common.next")} →
        </Link>
      ) : null}
    </nav>
  );
}

const ROLE_STYLES: Record<string, string> = {
  ADMIN: "bg-stone-900 text-white",
  MODERATOR: "bg-brand-50 text-brand-800 ring-1 ring-inset ring-brand-200",
  OFFICER: "bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200",
  COMMITTEE: "bg-indigo-50 text-indigo-800 ring-1 ring-inset ring-indigo-200",
  CITIZEN: "bg-stone-100 text-stone-700",
};

export function RoleChip({ role, department }: { role: string; department?: string | null }) {
  const { t } = useTranslation();
  return (
    <span className={`chip ${ROLE_STYLES[role] ?? ROLE_STYLES.CITIZEN}`}>
      {t(`admin.roles.${role}`, { defaultValue: role })}
      {department ? ` · ${department}` : ""}
    </span>
  );
}

const STATUS_STYLES: Record<string, string> = {
  ACTIVE: "bg-white text-stone-700 ring-1 ring-inset ring-stone-300",
  SUSPENDED: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-200",
  DELETED: "bg-stone-200 text-stone-600",
};

export function UserStatusChip({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`chip ${STATUS_STYLES[status] ?? STATUS_STYLES.ACTIVE}`}>
      {t(`admin.userStatus.${status}`, { defaultValue: status })}
    </span>
  );
}

/** Rendered in place of a sub-page whose loader failed (e.g. a moderator opening settings). */
export function AdminError() {
  const error = useRouteError();
  const { t } = useTranslation();
  let status = 500;
  let message = t("errors.internal");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = error.data as { error?: { message?: string } } | string | null;
    message =
      typeof data === "object" && data?.error?.message
        ? data.error.message
        : status === 404
          ? t("errors.pageNotFound")
          : t("errors.badRequest");
  }
  return (
    <div className="card p-8 text-center">
      <p className="text-4xl font-black text-brand-600">{status}</p>
      <h1 className="mt-3 text-xl font-bold">{t("admin.common.errorTitle")}</h1>
      <p role="alert" className="mt-2 text-stone-600">
        {message}
      </p>
      <Link to="/admin" className="btn-secondary mt-6">
        {t("admin.nav.overview")}
      </Link>
    </div>
  );
}

export const localName = (item: { name: string; nameEn: string }, lng: string) => (lng === "en" ? item.nameEn : item.name);

export const dangerButton = "btn bg-red-700 text-white hover:bg-red-800 focus-visible:ring-red-600";
