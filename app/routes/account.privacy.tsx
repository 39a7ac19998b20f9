// Privacy (PIPA): the consents given, a copy of my data, and deleting the account.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CONSENT_NOTICES } from "../domain/accounts/consent.ts";
import { formatDate } from "../lib/format.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "account.tabs.privacy")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent("/account/privacy")}`);
  const profile = await context.domain.accounts.profile(viewer);
  return json({ lng: requestLanguage(request), consents: profile.consents });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const confirm = form.get("confirm") === "on";
  try {
    await context.domain.accounts.deleteAccount(viewer, { password: String(form.get("password") ?? ""), confirm });
    return redirect("/", { headers: { "Set-Cookie": await context.auth.clear() } });
  } catch (error) {
    return actionFailure(error, lng, { confirm, at: Date.now() });
  }
}

const isKnownNotice = (notice: string): notice is keyof typeof CONSENT_NOTICES => notice in CONSENT_NOTICES;

export default function AccountPrivacy() {
  const { lng, consents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const issue = (path: string) => actionData?.error.issues?.find((i) => i.path === path)?.message;

  return (
    <div className="space-y-6">
      <section className="card p-5 sm:p-6" aria-labelledby="consents-heading">
        <h2 id="consents-heading" className="text-lg font-bold">
          {t("account.consents.heading")}
        </h2>
        {consents.length === 0 ? (
          <p className="mt-3 text-sm text-stone-500">{t("account.consents.empty")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-stone-200 rounded-xl ring-1 ring-inset ring-stone-200">
            {consents.map((c, i) => (
              <li key={i} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-semibold">
                    {isKnownNotice(c.notice) ? t(`consent.${c.notice}.short`) : t("account.consents.unknownNotice")}
                  </p>
                  <p className="text-sm text-stone-500">
                    {t("account.consents.version", { version: c.version })} ·{" "}
                    {t("account.consents.at", { date: formatDate(c.acceptedAt, lng) })}
                  </p>
                </div>
                <span
                  className={`chip ring-1 ring-inset ${c.accepted ? "bg-brand-50 text-brand-800 ring-brand-200" : "bg-stone-100 text-stone-600 ring-stone-200"}`}
                >
                  {c.accepted ? t("account.consents.accepted") : t("account.consents.declined")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card p-5 sm:p-6" aria-labelledby="export-heading">
        <h2 id="export-heading" className="text-lg font-bold">
          {t("account.export.heading")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("account.export.body")}</p>
        {/* A file download, not a page: a plain link the browser saves. */}
        <Link to="/account/export" reloadDocument download="madang-my-data.json" className="btn-secondary mt-4 w-full sm:w-auto">
          <span aria-hidden="true">⤓</span> {t("account.export.download")}
        </Link>
      </section>

      <section className="card border-red-200 p-5 sm:p-6" aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="text-lg font-bold text-red-800">
          {t("account.delete.heading")}
        </h2>
        <p className="mt-1 text-stone-700">{t("account.delete.intro")}</p>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-stone-700">
          <li>{t("account.delete.removed")}</li>
          <li>{t("account.delete.kept")}</li>
          <li>{t("account.delete.again")}</li>
        </ul>
        <p className="mt-3 text-sm font-semibold text-stone-700">{t("account.delete.exportFirst")}</p>

        {actionData?.error ? (
          <div
            role="alert"
            className="mt-4 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200"
          >
            {actionData.error.message}
          </div>
        ) : null}
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <div>
            <label htmlFor="delete-password" className="field-label">
              {t("account.delete.password")}
            </label>
            <input
              id="delete-password"
              key={actionData?.at}
              name="password"
              type="password"
              autoComplete="current-password"
              className="field-input sm:max-w-sm"
              aria-invalid={issue("password") ? true : undefined}
              aria-describedby={`password-hint${issue("password") ? " password-error" : ""}`}
              required
            />
            <p id="password-hint" className="field-hint">
              {t("account.delete.passwordHint")}
            </p>
            {issue("password") ? (
              <p id="password-error" className="field-error">
                {issue("password")}
              </p>
            ) : null}
          </div>
          <div>
            <label className="flex min-h-[44px] cursor-pointer items-start gap-3 py-2">
              <input
                type="checkbox"
                name="confirm"
                defaultChecked={actionData?.confirm}
                className="mt-0.5 h-5 w-5 shrink-0 rounded border-stone-400 accent-red-600"
                aria-invalid={issue("confirm") ? true : undefined}
                aria-describedby={issue("confirm") ? "confirm-error" : undefined}
                required
              />
              <span className="font-semibold">{t("account.delete.confirm")}</span>
            </label>
            {issue("confirm") ? (
              <p id="confirm-error" className="field-error">
                {issue("confirm")}
              </p>
            ) : null}
          </div>
          <button type="submit" className="btn w-full bg-red-600 text-white hover:bg-red-700 sm:w-auto" disabled={submitting}>
            {submitting ? t("account.delete.submitting") : t("account.delete.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
