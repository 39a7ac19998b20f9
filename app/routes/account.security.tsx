// Login and security: change the password, see and end the sessions on other devices.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN } from "../domain/accounts/account.schema.ts";
import { formatDateTime } from "../lib/format.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import { fieldHelpers } from "../lib/form-fields.tsx";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "account.tabs.security")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent("/account/security")}`);
  return json({ lng: requestLanguage(request), sessions: await context.domain.sessions.listOwn(viewer) });
}

type Intent = "changePassword" | "revokeSession";

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const intent: Intent = form.get("intent") === "revokeSession" ? "revokeSession" : "changePassword";
  try {
    if (intent === "revokeSession") {
      await context.domain.sessions.revokeOwn(viewer, form.get("handle"));
    } else {
      await context.domain.accounts.changePassword(viewer, {
        currentPassword: String(form.get("currentPassword") ?? ""),
        newPassword: String(form.get("newPassword") ?? ""),
        newPasswordConfirm: String(form.get("newPasswordConfirm") ?? ""),
      });
    }
    return json({ intent, ok: true, at: Date.now(), error: null });
  } catch (error) {
    return actionFailure(error, lng, { intent, ok: false, at: Date.now() });
  }
}

/** "Chrome · Android" from a user agent, without a library; null when nothing is recognised. */
function describeDevice(userAgent: string | null): { browser: string | null; os: string | null } {
  const ua = userAgent ?? "";
  const browser = /Whale\//.test(ua)
    ? "Whale"
    : /SamsungBrowser\//.test(ua)
      ? "Samsung Internet"
      : /Edg(A|iOS)?\//.test(ua)
        ? "Edge"
        : /Firefox\/|FxiOS\//.test(ua)
          ? "Firefox"
          : /Chrome\/|CriOS\//.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua)
              ? "Safari"
              : null;
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad|iPod/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  return { browser, os };
}

export default function AccountSecurity() {
  const { lng, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const pending = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const passwordResult = actionData?.intent === "changePassword" ? actionData : null;
  const sessionResult = actionData?.intent === "revokeSession" ? actionData : null;
  const issue = (path: string) => passwordResult?.error?.issues?.find((i) => i.path === path)?.message;
  const { field, errorOf } = fieldHelpers(issue);
  const deviceName = (userAgent: string | null) => {
    const { browser, os } = describeDevice(userAgent);
    if (browser && os) return t("account.sessions.deviceOn", { browser, os });
    return browser ?? os ?? t("account.sessions.unknownDevice");
  };

  return (
    <div className="space-y-6">
      <section className="card p-5 sm:p-6" aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-lg font-bold">
          {t("account.password.heading")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("account.password.intro")}</p>
        {passwordResult?.ok ? (
          <p
            role="status"
            className="mt-4 rounded-xl bg-brand-50 px-4 py-3 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-brand-200"
          >
            {t("account.password.changed")}
          </p>
        ) : null}
        {passwordResult?.error ? (
          <div
            role="alert"
            className="mt-4 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200"
          >
            {passwordResult.error.message}
          </div>
        ) : null}
        {/* A new key after each attempt empties the password fields. */}
        <Form method="post" className="mt-4 space-y-4" noValidate key={passwordResult?.at ?? "password"}>
          <div>
            <label htmlFor="currentPassword" className="field-label">
              {t("account.password.current")}
            </label>
            <input {...field("currentPassword")} type="password" autoComplete="current-password" className="field-input" required />
            <span id="currentPassword-hint" />
            {errorOf("currentPassword")}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor="newPassword" className="field-label">
                {t("account.password.next")}
              </label>
              <input {...field("newPassword")} type="password" autoComplete="new-password" className="field-input" required />
              <p id="newPassword-hint" className="field-hint">
                {t("account.password.nextHint", { min: PASSWORD_MIN })}
              </p>
              {errorOf("newPassword")}
            </div>
            <div>
              <label htmlFor="newPasswordConfirm" className="field-label">
                {t("account.password.confirm")}
              </label>
              <input {...field("newPasswordConfirm")} type="password" autoComplete="new-password" className="field-input" required />
              <span id="newPasswordConfirm-hint" />
              {errorOf("newPasswordConfirm")}
            </div>
          </div>
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending === "changePassword"}>
            {pending === "changePassword" ? t("account.password.submitting") : t("account.password.submit")}
          </button>
          <input type="hidden" name="intent" value="changePassword" />
        </Form>
      </section>

      <section className="card p-5 sm:p-6" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-bold">
          {t("account.sessions.heading")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("account.sessions.intro")}</p>
        {sessionResult?.ok ? (
          <p
            role="status"
            className="mt-4 rounded-xl bg-brand-50 px-4 py-3 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-brand-200"
          >
            {t("account.sessions.revoked")}
          </p>
        ) : null}
        {sessionResult?.error ? (
          <div
            role="alert"
            className="mt-4 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200"
          >
            {sessionResult.error.message}
          </div>
        ) : null}
        <ul className="mt-4 divide-y divide-stone-200 rounded-xl ring-1 ring-inset ring-stone-200" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.handle} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  {deviceName(s.userAgent)}
                  {s.current ? (
                    <span className="chip bg-brand-50 text-brand-800 ring-1 ring-inset ring-brand-200">
                      {t("account.sessions.current")}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-stone-500">
                  {t("account.sessions.lastSeen", { date: formatDateTime(s.lastSeenAt, lng) })} ·{" "}
                  {t("account.sessions.started", { date: formatDateTime(s.createdAt, lng) })}
                </p>
              </div>
              {s.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="revokeSession" />
                  <input type="hidden" name="handle" value={s.handle} />
                  <button
                    type="submit"
                    className="btn-secondary min-h-[40px] text-sm"
                    aria-label={t("account.sessions.revokeLabel", { device: deviceName(s.userAgent) })}
                    disabled={pending === "revokeSession"}
                  >
                    {t("account.sessions.revoke")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
