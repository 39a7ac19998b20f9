// /admin/affiliations: the queue of self-declared affiliations (work, study, business,
// residence) waiting for a moderator to confirm or reject them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { field, requireStaff } from "../lib/server/admin.server.ts";
import {
  AdminError,
  describedBy,
  ErrorAlert,
  FieldError,
  issueAt,
  localName,
  PageHeader,
  StatusMessage,
  dangerButton,
} from "../components/admin/ui.tsx";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.affiliations.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    return json({ lng, pending: await context.domain.identity.pendingAffiliations(viewer) });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const affiliationId = Number(field(form, "affiliationId"));
  const decision = field(form, "decision");
  // Only echoed back for the confirmation line; the queue item is gone after the review.
  const echo = { affiliationId, decision, name: field(form, "name").slice(0, 80), kind: field(form, "kind").slice(0, 20) };
  try {
    await context.domain.identity.reviewAffiliation(viewer, { affiliationId, decision, reason: field(form, "reason") || undefined });
    return json({ ok: true as const, ...echo });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, ...echo });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

export default function AdminAffiliations() {
  const { lng, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const kindLabel = (kind: string) => t(`admin.kinds.${kind}`, { defaultValue: kind });
  const done =
    actionData?.ok && (actionData.decision === "CONFIRMED" || actionData.decision === "REJECTED")
      ? t(`admin.affiliations.done.${actionData.decision}`, { name: actionData.name, kind: kindLabel(actionData.kind) })
      : null;

  return (
    <div>
      <PageHeader title={t("admin.affiliations.title")} intro={t("admin.affiliations.intro")} />
      <StatusMessage message={done} className="mt-4" />

      {pending.length === 0 ? (
        <div className="card mt-6 p-10 text-center">
          <p className="text-lg font-semibold">{t("admin.affiliations.empty")}</p>
          <p className="mt-2 text-stone-500">{t("admin.affiliations.emptyHint")}</p>
        </div>
      ) : (
        <>
          <p className="mt-6 text-sm font-semibold text-stone-700">{t("admin.affiliations.count", { count: pending.length })}</p>
          <ul className="mt-3 grid gap-4 md:grid-cols-2">
            {pending.map((a) => {
              const error = actionData && !actionData.ok && actionData.affiliationId === a.id ? actionData.error : null;
              const busy = navigation.state !== "idle" && navigation.formData?.get("affiliationId") === String(a.id);
              const reasonId = `reason-${a.id}`;
              return (
                <li key={a.id} className="card flex flex-col p-5">
                  <article aria-labelledby={`aff-${a.id}`} className="flex flex-1 flex-col">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h2 id={`aff-${a.id}`} className="text-lg font-bold">
                        {t("admin.affiliations.itemLabel", { name: a.user.displayName, kind: kindLabel(a.kind) })}
                      </h2>
                      <span className="chip bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200">
                        {t("admin.affiliations.pendingChip")}
                      </span>
                    </div>
                    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                      <dt className="text-stone-500">{t("admin.affiliations.kind")}</dt>
                      <dd className="font-semibold">{kindLabel(a.kind)}</dd>
                      <dt className="text-stone-500">{t("admin.affiliations.place")}</dt>
                      <dd>{a.district ? localName(a.district, lng) : t("admin.common.cityWide")}</dd>
                      <dt className="text-stone-500">{t("admin.affiliations.declared")}</dt>
                      <dd>
                        <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, lng)}</time>
                      </dd>
                      {a.since ? (
                        <>
                          <dt className="text-stone-500">{t("admin.affiliations.since")}</dt>
                          <dd>
                            <time dateTime={a.since.slice(0, 10)}>{formatDate(a.since, lng)}</time>
                          </dd>
                        </>
                      ) : null}
                      <dt className="text-stone-500">{t("admin.affiliations.note")}</dt>
                      <dd className={a.note ? "whitespace-pre-line" : "text-stone-500"}>{a.note || t("admin.affiliations.noNote")}</dd>
                    </dl>
                    <Form method="post" preventScrollReset className="mt-4 space-y-3 border-t border-stone-100 pt-4" noValidate>
                      <input type="hidden" name="affiliationId" value={a.id} />
                      <input type="hidden" name="name" value={a.user.displayName} />
                      <input type="hidden" name="kind" value={a.kind} />
                      <ErrorAlert error={error} />
                      <div>
                        <label htmlFor={reasonId} className="field-label">
                          {t("admin.affiliations.reason")} <span className="font-normal text-stone-500">{t("admin.common.optional")}</span>
                        </label>
                        <input
                          {...describedBy(reasonId, { hint: true, error: issueAt(error, "reason") })}
                          name="reason"
                          type="text"
                          maxLength={500}
                          className="field-input"
                        />
                        <p id={`${reasonId}-hint`} className="field-hint">
                          {t("admin.affiliations.reasonHint")}
                        </p>
                        <FieldError id={`${reasonId}-error`} message={issueAt(error, "reason")} />
                      </div>
                      <div className="flex flex-col gap-2 sm:flex-row">
                        <button
                          type="submit"
                          name="decision"
                          value="CONFIRMED"
                          className="btn-primary sm:flex-1"
                          disabled={busy}
                          aria-describedby={`aff-${a.id}`}
                        >
                          <span aria-hidden="true">✓</span> {t("admin.affiliations.confirm")}
                        </button>
                        <button
                          type="submit"
                          name="decision"
                          value="REJECTED"
                          className={`${dangerButton} sm:flex-1`}
                          disabled={busy}
                          aria-describedby={`aff-${a.id}`}
                        >
                          <span aria-hidden="true">✕</span> {t("admin.affiliations.reject")}
                        </button>
                      </div>
                    </Form>
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
