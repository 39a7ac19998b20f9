import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isAppError } from "../domain/errors.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import { safeRedirect } from "../lib/redirect.ts";
import { fieldHelpers } from "../lib/form-fields.tsx";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "verify.title")];

/** The development provider (a simulation); a real city plugs in its own. */
const PROVIDER = "dev";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  const [districts, city, profile] = await Promise.all([
    context.domain.catalog.districts(),
    context.domain.catalog.city(),
    viewer.verified ? context.domain.accounts.profile(viewer) : null,
  ]);
  return json({
    lng: requestLanguage(request),
    verified: viewer.verified,
    verifiedAt: profile?.identity?.verifiedAt ?? null,
    districts,
    city,
  });
}

type CodeStep = { attemptId: string; expiresAt: string; devCode: string | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");

  if (form.get("intent") === "complete") {
    // The code step's own facts travel with its form, so a wrong code can be retried.
    const step: CodeStep = { attemptId: text("attemptId"), expiresAt: text("expiresAt"), devCode: text("devCode") || null };
    try {
      await context.domain.identity.complete(viewer, step.attemptId, { code: text("code") });
      return redirect(safeRedirect(form.get("redirectTo"), "/account?notice=verified"));
    } catch (error) {
      // A wrong code stays on the code step; an expired or unknown attempt starts over.
      if (isAppError(error) && error.issues.some((i) => i.path === "code"))
        return actionFailure(error, lng, { step: "code" as const, ...step });
      return actionFailure(error, lng, { step: "person" as const, values: null });
    }
  }

  // "19900501" is how many people type a birth date; the provider wants 1990-05-01.
  const birthDate = text("birthDate")
    .trim()
    .replace(/^(\d{4})[.\s/]?(\d{2})[.\s/]?(\d{2})\.?$/, "$1-$2-$3");
  const residentSince = text("residentSince")
    .trim()
    .replace(/^(\d{4})[.\s/]?(\d{2})[.\s/]?(\d{2})\.?$/, "$1-$2-$3");
  const values = { name: text("name"), phone: text("phone"), birthDate, districtCode: text("districtCode"), residentSince };
  try {
    const started = await context.domain.identity.start(viewer, PROVIDER, values);
    return json({
      step: "code" as const,
      attemptId: started.attemptId,
      expiresAt: new Date(started.expiresAt).toISOString(),
      devCode: started.devCode,
      error: null,
    });
  } catch (error) {
    return actionFailure(error, lng, { step: "person" as const, values });
  }
}

function Steps({ current }: { current: 1 | 2 }) {
  const { t } = useTranslation();
  const steps = [t("verify.stepPerson"), t("verify.stepCode")];
  return (
    <ol className="mt-6 grid grid-cols-2 gap-2 text-sm font-semibold">
      {steps.map((label, i) => (
        <li
          key={label}
          aria-current={current === i + 1 ? "step" : undefined}
          className={`rounded-xl px-3 py-2 ${current === i + 1 ? "bg-brand-600 text-white" : current > i + 1 ? "bg-brand-50 text-brand-800" : "bg-stone-100 text-stone-600"}`}
        >
          {label}
        </li>
      ))}
    </ol>
  );
}

export default function Verify() {
  const { lng, verified, verifiedAt, districts, city } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const redirectTo = params.get("redirectTo") ?? "";
  const error = actionData?.error ?? null;
  const issue = (path: string) => error?.issues?.find((i) => i.path === path)?.message;
  const { field, errorOf } = fieldHelpers(issue);
  const name = (item: { name: string; nameEn: string }) => (lng === "en" ? item.nameEn : item.name);

  if (verified) {
    return (
      <main id="main" className="mx-auto max-w-lg px-4 pb-16 pt-10">
        <h1 className="text-3xl font-extrabold tracking-tight">{t("verify.title")}</h1>
        <section className="card mt-6 p-5 sm:p-6" aria-labelledby="done-heading">
          <h2 id="done-heading" className="flex items-center gap-2 text-lg font-bold text-brand-800">
            <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-brand-700">
              ✓
            </span>
            {t("verify.alreadyTitle")}
          </h2>
          <p className="mt-2 text-stone-700">{t("verify.already", { date: verifiedAt ? formatDate(verifiedAt, lng) : "—" })}</p>
          <div className="mt-5 flex flex-col gap-2 sm:flex-row">
            <Link to="/account" className="btn-primary">
              {t("verify.toAccount")}
            </Link>
            <Link to="/proposals" className="btn-secondary">
              {t("verify.toProposals")}
            </Link>
          </div>
        </section>
      </main>
    );
  }

  const codeStep = actionData?.step === "code" ? actionData : null;
  const personValues = actionData?.step === "person" ? actionData.values : null;

  return (
    <main id="main" className="mx-auto max-w-lg px-4 pb-16 pt-10">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("verify.title")}</h1>
      <p className="mt-2 text-stone-600">{t("verify.intro")}</p>
      <p className="mt-4 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
        {t("verify.devNotice")}
      </p>

      <Steps current={codeStep ? 2 : 1} />

      {error ? (
        <div role="alert" className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200">
          {error.message}
        </div>
      ) : null}

      {codeStep ? (
        <>
          {codeStep.devCode ? (
            <section
              aria-labelledby="dev-code-label"
              className="mt-6 rounded-2xl border-2 border-dashed border-amber-400 bg-amber-50 p-4 text-amber-950 sm:p-5"
            >
              <h2 id="dev-code-label" className="text-sm font-bold">
                {t("verify.devCodeLabel")}
              </h2>
              <p className="mt-2 font-mono text-3xl font-bold tracking-[0.3em]" data-testid="dev-code">
                {codeStep.devCode}
              </p>
              <p className="mt-1 text-xs text-amber-900/80">{t("verify.devCodeNote")}</p>
            </section>
          ) : null}
          <Form method="post" className="card mt-6 space-y-5 p-5 sm:p-6" noValidate>
            <p className="text-sm text-stone-700">
              {t("verify.sentTo")}{" "}
              <strong className="font-semibold">{t("verify.expiresAt", { time: formatDateTime(codeStep.expiresAt, lng) })}</strong>
            </p>
            <div>
              <label htmlFor="code" className="field-label">
                {t("verify.code")}
              </label>
              <input
                {...field("code")}
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                className="field-input max-w-[12rem] font-mono text-lg tracking-[0.3em]"
                // The previous step's button is gone: continue where the person types next.
                autoFocus
                required
              />
              <p id="code-hint" className="field-hint">
                {t("verify.codeHint")}
              </p>
              {errorOf("code")}
            </div>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
              <button type="submit" className="btn-primary" disabled={submitting}>
                {submitting ? t("verify.confirming") : t("verify.confirm")}
              </button>
              <Link
                to={redirectTo ? `/verify?redirectTo=${encodeURIComponent(redirectTo)}` : "/verify"}
                reloadDocument
                className="btn-secondary"
              >
                {t("verify.restart")}
              </Link>
            </div>
            <input type="hidden" name="intent" value="complete" />
            <input type="hidden" name="attemptId" value={codeStep.attemptId} />
            <input type="hidden" name="expiresAt" value={codeStep.expiresAt} />
            {codeStep.devCode ? <input type="hidden" name="devCode" value={codeStep.devCode} /> : null}
            <input type="hidden" name="redirectTo" value={redirectTo} />
          </Form>
        </>
      ) : (
        <Form method="post" className="card mt-6 space-y-5 p-5 sm:p-6" noValidate>
          <div>
            <label htmlFor="name" className="field-label">
              {t("verify.name")}
            </label>
            <input {...field("name")} type="text" autoComplete="name" defaultValue={personValues?.name} className="field-input" required />
            <p id="name-hint" className="field-hint">
              {t("verify.nameHint")}
            </p>
            {errorOf("name")}
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <div>
              <label htmlFor="phone" className="field-label">
                {t("verify.phone")}
              </label>
              <input
                {...field("phone")}
                type="tel"
                inputMode="tel"
                autoComplete="tel-national"
                defaultValue={personValues?.phone}
                className="field-input"
                required
              />
              <p id="phone-hint" className="field-hint">
                {t("verify.phoneHint")}
              </p>
              {errorOf("phone")}
            </div>
            <div>
              <label htmlFor="birthDate" className="field-label">
                {t("verify.birthDate")}
              </label>
              <input
                {...field("birthDate")}
                type="text"
                inputMode="numeric"
                autoComplete="bday"
                maxLength={10}
                defaultValue={personValues?.birthDate}
                className="field-input"
                required
              />
              <p id="birthDate-hint" className="field-hint">
                {t("verify.birthDateHint")}
              </p>
              {errorOf("birthDate")}
            </div>
          </div>
          <div>
            <label htmlFor="districtCode" className="field-label">
              {t("verify.district")}
            </label>
            <select {...field("districtCode")} defaultValue={personValues?.districtCode ?? ""} className="field-input">
              <option value="">{t("verify.outsideCity", { city: lng === "en" ? city.cityNameEn : city.cityName })}</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {name(d)}
                </option>
              ))}
            </select>
            <p id="districtCode-hint" className="field-hint">
              {t("verify.districtHint")}
            </p>
            {errorOf("districtCode")}
          </div>
          <div>
            <label htmlFor="residentSince" className="field-label">
              {t("verify.residentSince")}
            </label>
            <input
              {...field("residentSince")}
              type="text"
              inputMode="numeric"
              maxLength={10}
              defaultValue={personValues?.residentSince}
              className="field-input max-w-[12rem]"
            />
            <p id="residentSince-hint" className="field-hint">
              {t("verify.residentSinceHint")}
            </p>
            {errorOf("residentSince")}
          </div>
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={submitting}>
            {submitting ? t("verify.sending") : t("verify.sendCode")}
          </button>
          <input type="hidden" name="intent" value="start" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
        </Form>
      )}

      <p className="mt-6 text-sm leading-relaxed text-stone-600">{t("verify.privacy")}</p>
    </main>
  );
}
