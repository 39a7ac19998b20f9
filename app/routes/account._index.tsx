// Account overview: who I am, verification, whether I may take part and why, affiliations.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localizeParams } from "../i18n/errors.ts";
import { translate } from "../i18n/i18n.ts";
import { formatDate } from "../lib/format.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";
import { fieldHelpers } from "../lib/form-fields.tsx";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "account.title")];

const DECLARABLE_KINDS = ["WORKER", "STUDENT", "BUSINESS", "RESIDENT"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent("/account")}`);
  const [profile, eligibility, districts] = await Promise.all([
    context.domain.accounts.profile(viewer),
    context.domain.eligibility.explain(viewer),
    context.domain.catalog.districts(),
  ]);
  return json({
    lng,
    verified: viewer.verified,
    suspended: viewer.suspended,
    profile,
    eligible: eligibility.eligible,
    reasons: eligibility.reasons.map((r) => ({ key: r.key, message: translate(lng, r.key, localizeParams(r.params, lng)) })),
    districts,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const values = {
    kind: String(form.get("kind") ?? ""),
    districtId: String(form.get("districtId") ?? ""),
    note: String(form.get("note") ?? ""),
    since: String(form.get("since") ?? "").trim(),
  };
  try {
    await context.domain.identity.declareAffiliation(viewer, values);
    return json({ ok: true as const, at: Date.now(), error: null, values: null });
  } catch (error) {
    return actionFailure(error, lng, { ok: false as const, at: Date.now(), values });
  }
}

const statusStyle = {
  PENDING: "bg-amber-50 text-amber-800 ring-amber-200",
  CONFIRMED: "bg-brand-50 text-brand-800 ring-brand-200",
  REJECTED: "bg-red-50 text-red-700 ring-red-200",
} as const;

export default function AccountOverview() {
  const { lng, verified, suspended, profile, eligible, reasons, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const name = (item: { name: string; nameEn: string }) => (lng === "en" ? item.nameEn : item.name);
  const error = actionData?.error ?? null;
  const values = actionData?.values ?? null;
  const issue = (path: string) => error?.issues?.find((i) => i.path === path)?.message;
  const { field, errorOf } = fieldHelpers(issue);
  const needsAffiliation = reasons.some((r) =>
    ["eligibility.noAffiliation", "eligibility.pendingConfirmation", "eligibility.residenceUnknown"].includes(r.key),
  );

  return (
    <div className="space-y-6">
      {params.get("notice") === "verified" && verified ? (
        <p role="status" className="rounded-xl bg-brand-50 px-4 py-3 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-brand-200">
          {t("account.notice.verified")}
        </p>
      ) : null}

      {suspended ? (
        <section aria-labelledby="suspended-heading" className="rounded-2xl bg-red-50 p-5 text-red-900 ring-1 ring-inset ring-red-200">
          <h2 id="suspended-heading" className="text-lg font-bold">
            {t("account.suspended.heading")}
          </h2>
          <p className="mt-1 text-sm">{t("account.suspended.body")}</p>
          <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="font-semibold">{t("account.suspended.reason")}</dt>
            <dd>{profile.suspensionReason || t("account.suspended.noReason")}</dd>
            <dt className="font-semibold">{t("account.suspended.until")}</dt>
            <dd>
              {profile.suspendedUntil
                ? t("account.suspended.untilDate", { date: formatDate(profile.suspendedUntil, lng) })
                : t("account.suspended.indefinite")}
            </dd>
          </dl>
        </section>
      ) : null}

      <section className="card p-5 sm:p-6" aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="text-lg font-bold">
          {t("account.profile.heading")}
        </h2>
        <dl className="mt-4 grid gap-x-4 gap-y-3 text-[15px] sm:grid-cols-[8rem_1fr]">
          <dt className="text-sm text-stone-500 sm:text-[15px]">{t("account.profile.name")}</dt>
          <dd className="-mt-2 font-semibold sm:mt-0">{profile.displayName}</dd>
          <dt className="text-sm text-stone-500 sm:text-[15px]">{t("account.profile.email")}</dt>
          <dd className="-mt-2 break-all font-semibold sm:mt-0">{profile.email}</dd>
          <dt className="text-sm text-stone-500 sm:text-[15px]">{t("account.profile.district")}</dt>
          <dd className="-mt-2 font-semibold sm:mt-0">{profile.district ? name(profile.district) : t("account.profile.noDistrict")}</dd>
          <dt className="text-sm text-stone-500 sm:text-[15px]">{t("account.profile.roles")}</dt>
          <dd className="-mt-2 flex flex-wrap gap-1.5 sm:mt-0">
            {profile.roles.map((role) => (
              <span key={role} className="chip bg-stone-100 text-stone-700">
                {t(`login.role.${role}`)}
              </span>
            ))}
          </dd>
          {profile.officerDepartment ? (
            <>
              <dt className="text-sm text-stone-500 sm:text-[15px]">{t("account.profile.department")}</dt>
              <dd className="-mt-2 font-semibold sm:mt-0">{name(profile.officerDepartment)}</dd>
            </>
          ) : null}
          <dt className="text-sm text-stone-500 sm:text-[15px]">{t("account.profile.joined")}</dt>
          <dd className="-mt-2 font-semibold sm:mt-0">{formatDate(profile.createdAt, lng)}</dd>
        </dl>
      </section>

      <section className="card p-5 sm:p-6" aria-labelledby="verification-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="verification-heading" className="text-lg font-bold">
            {t("account.verification.heading")}
          </h2>
          <span
            className={`chip ring-1 ring-inset ${profile.identity ? statusStyle.CONFIRMED : "bg-stone-100 text-stone-600 ring-stone-200"}`}
            data-testid="verification-status"
          >
            {profile.identity ? t("account.verification.done") : t("account.verification.notDone")}
          </span>
        </div>
        {profile.identity ? (
          <p className="mt-2 text-stone-700">{t("account.verification.doneAt", { date: formatDate(profile.identity.verifiedAt, lng) })}</p>
        ) : (
          <>
            <p className="mt-2 text-stone-700">{t("account.verification.notDoneBody")}</p>
            <Link to="/verify" className="btn-primary mt-4 w-full sm:w-auto">
              {t("account.verification.start")}
            </Link>
          </>
        )}
      </section>

      <section className="card p-5 sm:p-6" aria-labelledby="eligibility-heading">
        <h2 id="eligibility-heading" className="text-lg font-bold">
          {t("account.eligibility.heading")}
        </h2>
        {eligible ? (
          <p className="mt-2 flex items-start gap-2 font-semibold text-brand-800" data-testid="eligibility">
            <span aria-hidden="true">✓</span>
            {t("account.eligibility.eligible")}
          </p>
        ) : (
          <div data-testid="eligibility">
            <p className="mt-2 text-stone-700">{t("account.eligibility.notEligible")}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5 font-semibold text-stone-900">
              {reasons.map((r, i) => (
                <li key={i}>{r.message}</li>
              ))}
            </ul>
            {/* Not verified: the verification card above has the button. */}
            {verified && needsAffiliation ? <p className="mt-3 text-sm text-stone-600">{t("account.eligibility.fixAffiliation")}</p> : null}
          </div>
        )}
      </section>

      <section className="card p-5 sm:p-6" aria-labelledby="affiliations-heading">
        <h2 id="affiliations-heading" className="text-lg font-bold">
          {t("account.affiliations.heading")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("account.affiliations.intro")}</p>
        {profile.affiliations.length === 0 ? (
          <p className="mt-4 rounded-xl bg-stone-50 px-4 py-3 text-sm text-stone-500">{t("account.affiliations.empty")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-stone-200 rounded-xl ring-1 ring-inset ring-stone-200">
            {profile.affiliations.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-semibold">
                    {t(`account.affiliations.kindLabel.${a.kind}`)} · {a.district ? name(a.district) : t("account.affiliations.cityWide")}
                  </p>
                  <p className="text-sm text-stone-500">
                    {t(`account.affiliations.source.${a.source}`)} ·{" "}
                    {t("account.affiliations.declaredAt", { date: formatDate(a.createdAt, lng) })}
                    {a.since ? ` · ${t("account.affiliations.since", { date: formatDate(a.since, lng) })}` : null}
                  </p>
                </div>
                <span className={`chip ring-1 ring-inset ${statusStyle[a.status]}`}>{t(`account.affiliations.status.${a.status}`)}</span>
              </li>
            ))}
          </ul>
        )}

        <h3 className="mt-6 font-bold">{t("account.affiliations.declareHeading")}</h3>
        {!verified ? (
          <p className="mt-2 text-sm text-stone-600">
            {t("account.affiliations.verifyFirst")}{" "}
            <Link to="/verify" className="font-semibold text-brand-700 hover:underline">
              {t("account.verification.start")}
            </Link>
          </p>
        ) : (
          <>
            {actionData?.ok ? (
              <p
                role="status"
                className="mt-3 rounded-xl bg-brand-50 px-4 py-3 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-brand-200"
              >
                {t("account.affiliations.declared")}
              </p>
            ) : null}
            {error ? (
              <div
                role="alert"
                className="mt-3 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200"
              >
                {error.message}
              </div>
            ) : null}
            {/* A new key after each success empties the form. */}
            <Form method="post" className="mt-3 space-y-4" noValidate key={actionData?.ok ? actionData.at : "declare"}>
              <div className="grid gap-4 sm:grid-cols-2">
                <div>
                  <label htmlFor="kind" className="field-label">
                    {t("account.affiliations.kind")}
                  </label>
                  <select {...field("kind")} defaultValue={values?.kind ?? "WORKER"} className="field-input">
                    {DECLARABLE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`account.affiliations.kindOption.${k}`)}
                      </option>
                    ))}
                  </select>
                  <span id="kind-hint" />
                  {errorOf("kind")}
                </div>
                <div>
                  <label htmlFor="districtId" className="field-label">
                    {t("account.affiliations.district")}
                  </label>
                  <select {...field("districtId")} defaultValue={values?.districtId ?? ""} className="field-input">
                    <option value="">{t("account.affiliations.districtAny")}</option>
                    {districts.map((d) => (
                      <option key={d.id} value={d.id}>
                        {name(d)}
                      </option>
                    ))}
                  </select>
                  <span id="districtId-hint" />
                  {errorOf("districtId")}
                </div>
              </div>
              <div>
                <label htmlFor="note" className="field-label">
                  {t("account.affiliations.note")}
                </label>
                <textarea {...field("note")} rows={2} maxLength={200} defaultValue={values?.note} className="field-input" />
                <p id="note-hint" className="field-hint">
                  {t("account.affiliations.noteHint")}
                </p>
                {errorOf("note")}
              </div>
              <div>
                <label htmlFor="since" className="field-label">
                  {t("account.affiliations.sinceField")}
                </label>
                <input {...field("since")} type="date" defaultValue={values?.since} className="field-input max-w-[12rem]" />
                <p id="since-hint" className="field-hint">
                  {t("account.affiliations.sinceHint")}
                </p>
                {errorOf("since")}
              </div>
              <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={submitting}>
                {submitting ? t("account.affiliations.submitting") : t("account.affiliations.submit")}
              </button>
            </Form>
          </>
        )}
      </section>
    </div>
  );
}
