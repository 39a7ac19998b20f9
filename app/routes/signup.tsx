import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NAME_MAX, NAME_MIN, PASSWORD_MIN } from "../domain/accounts/account.schema.ts";
import { CONSENT_NOTICES, RETENTION } from "../domain/accounts/consent.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import { safeRedirect } from "../lib/redirect.ts";
import { fieldHelpers } from "../lib/form-fields.tsx";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "signup.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (viewer) throw redirect("/account");
  return json({ lng: requestLanguage(request), districts: await context.domain.catalog.districts() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");
  // Typed values come back on error, except the passwords.
  const values = {
    email: text("email"),
    displayName: text("displayName"),
    districtId: text("districtId"),
    consentPrivacy: form.get("consentPrivacy") === "on",
    consentEmail: form.get("consentEmail") === "on",
  };
  try {
    const { sessionId, expiresAt } = await context.domain.accounts.signUp(
      {
        email: values.email,
        displayName: values.displayName,
        password: text("password"),
        passwordConfirm: text("passwordConfirm"),
        consentPrivacy: values.consentPrivacy,
        consentEmail: values.consentEmail,
        districtId: values.districtId,
      },
      { ip: context.clientIp, userAgent: request.headers.get("user-agent") },
    );
    const redirectTo = safeRedirect(form.get("redirectTo"), "");
    return redirect(redirectTo ? `/verify?redirectTo=${encodeURIComponent(redirectTo)}` : "/verify", {
      headers: { "Set-Cookie": await context.auth.commit(sessionId, expiresAt) },
    });
  } catch (error) {
    return actionFailure(error, lng, { values, at: Date.now() });
  }
}

export default function SignUp() {
  const { lng, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const values = actionData?.values;
  const redirectTo = params.get("redirectTo") ?? "";
  const name = (item: { name: string; nameEn: string }) => (lng === "en" ? item.nameEn : item.name);
  const issue = (path: string) => actionData?.error.issues?.find((i) => i.path === path)?.message;
  const { field, errorOf } = fieldHelpers(issue);
  const notice = CONSENT_NOTICES.privacySignup;

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pb-16 pt-8">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("signup.title")}</h1>
      <p className="mt-2 text-stone-600">{t("signup.intro")}</p>
      <p className="mt-2 text-sm text-stone-600">
        {t("signup.haveAccount")}{" "}
        <Link
          to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}
          className="font-semibold text-brand-700 hover:underline"
        >
          {t("signup.login")}
        </Link>
      </p>

      {actionData?.error ? (
        <div role="alert" className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200">
          {actionData.error.message}
        </div>
      ) : null}

      <Form method="post" className="mt-6 space-y-6" noValidate>
        <section className="card p-5 sm:p-6" aria-labelledby="consent-heading">
          <h2 id="consent-heading" className="text-lg font-bold">
            {t("signup.stepConsent")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("signup.agreeAll")}</p>

          <div
            className="mt-4 rounded-xl bg-stone-50 p-4 ring-1 ring-inset ring-stone-200"
            aria-labelledby="privacy-notice-title"
            role="group"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <h3 id="privacy-notice-title" className="font-bold">
                {t("consent.privacySignup.title")}
              </h3>
              <span className="text-xs text-stone-500">{t("signup.noticeVersion", { version: notice.version })}</span>
            </div>
            <dl className="mt-3 space-y-3 text-sm leading-relaxed">
              {(["purpose", "items", "retention", "refusal"] as const).map((part) => (
                <div key={part}>
                  <dt className="font-semibold text-stone-800">{t(`consent.${part}`)}</dt>
                  <dd className="mt-0.5 text-stone-700">{t(`consent.privacySignup.${part}`, { years: RETENTION.inactiveYears })}</dd>
                </div>
              ))}
            </dl>
          </div>
          <div className="mt-3">
            <label className="flex min-h-[44px] cursor-pointer items-start gap-3 rounded-xl px-1 py-2">
              <input
                type="checkbox"
                name="consentPrivacy"
                defaultChecked={values?.consentPrivacy}
                className="mt-0.5 h-5 w-5 shrink-0 rounded border-stone-400 accent-brand-600"
                aria-invalid={issue("consentPrivacy") ? true : undefined}
                aria-describedby={issue("consentPrivacy") ? "consentPrivacy-error" : undefined}
                required
              />
              <span className="font-semibold">{t("signup.consentPrivacy")}</span>
            </label>
            {errorOf("consentPrivacy")}
          </div>

          <div className="mt-4 rounded-xl bg-stone-50 p-4 ring-1 ring-inset ring-stone-200">
            <h3 className="font-bold">{t("consent.emailNotifications.title")}</h3>
            <p className="mt-2 text-sm leading-relaxed text-stone-700">{t("consent.emailNotifications.body")}</p>
          </div>
          <label className="mt-3 flex min-h-[44px] cursor-pointer items-start gap-3 rounded-xl px-1 py-2">
            <input
              type="checkbox"
              name="consentEmail"
              defaultChecked={values?.consentEmail}
              className="mt-0.5 h-5 w-5 shrink-0 rounded border-stone-400 accent-brand-600"
            />
            <span className="font-semibold">{t("signup.consentEmail")}</span>
          </label>
        </section>

        <section className="card space-y-5 p-5 sm:p-6" aria-labelledby="account-heading">
          <h2 id="account-heading" className="text-lg font-bold">
            {t("signup.stepAccount")}
          </h2>
          <div>
            <label htmlFor="email" className="field-label">
              {t("signup.email")}
            </label>
            <input
              {...field("email")}
              type="email"
              inputMode="email"
              autoComplete="email"
              defaultValue={values?.email}
              className="field-input"
              required
            />
            <p id="email-hint" className="field-hint">
              {t("signup.emailHint")}
            </p>
            {errorOf("email")}
          </div>
          <div>
            <label htmlFor="displayName" className="field-label">
              {t("signup.displayName")}
            </label>
            <input
              {...field("displayName")}
              type="text"
              autoComplete="nickname"
              maxLength={NAME_MAX + 10}
              defaultValue={values?.displayName}
              className="field-input"
              required
            />
            <p id="displayName-hint" className="field-hint">
              {t("signup.displayNameHint", { min: NAME_MIN, max: NAME_MAX })}
            </p>
            {errorOf("displayName")}
          </div>
          {/* Passwords never come back: their keys change with each failed attempt, emptying them. */}
          <div className="grid gap-5 sm:grid-cols-2">
            <div>
              <label htmlFor="password" className="field-label">
                {t("signup.password")}
              </label>
              <input
                {...field("password")}
                key={actionData?.at}
                type="password"
                autoComplete="new-password"
                className="field-input"
                required
              />
              <p id="password-hint" className="field-hint">
                {t("signup.passwordHint", { min: PASSWORD_MIN })}
              </p>
              {errorOf("password")}
            </div>
            <div>
              <label htmlFor="passwordConfirm" className="field-label">
                {t("signup.passwordConfirm")}
              </label>
              <input
                {...field("passwordConfirm")}
                key={actionData?.at}
                type="password"
                autoComplete="new-password"
                className="field-input"
                required
              />
              <p id="passwordConfirm-hint" className="field-hint">
                {t("signup.passwordConfirmHint")}
              </p>
              {errorOf("passwordConfirm")}
            </div>
          </div>
          <div>
            <label htmlFor="districtId" className="field-label">
              {t("signup.district")}
            </label>
            <select {...field("districtId")} defaultValue={values?.districtId ?? ""} className="field-input">
              <option value="">{t("signup.districtNone")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {name(d)}
                </option>
              ))}
            </select>
            <p id="districtId-hint" className="field-hint">
              {t("signup.districtHint")}
            </p>
            {errorOf("districtId")}
          </div>
          <div className="border-t border-stone-200 pt-5">
            <button type="submit" className="btn-primary w-full sm:w-auto" disabled={submitting}>
              {submitting ? t("signup.submitting") : t("signup.submit")}
            </button>
            <p className="mt-2 text-sm text-stone-500">{t("signup.next")}</p>
          </div>
        </section>
        <input type="hidden" name="redirectTo" value={redirectTo} />
      </Form>
    </main>
  );
}
