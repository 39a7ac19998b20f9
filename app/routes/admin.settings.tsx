// /admin/settings: the city's name, the 공감 rule (how many, in how many days) and who may
// take part (verification, age, affiliation, excluded groups), explained in plain words.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CheckboxField } from "../components/checkbox-field.tsx";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { failure, field, requireStaff } from "../components/admin/admin.server.ts";
import { AdminError, describedBy, ErrorAlert, FieldError, issueAt, localName, PageHeader, StatusMessage } from "../components/admin/ui.tsx";
import { AFFILIATION_KINDS } from "../domain/eligibility/eligibility.ts";
import { requestLanguage, throwAsResponse } from "../lib/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

/** Groups a rule may leave out; labels live under `groups.*`. */
const KNOWN_GROUPS = ["CITY_STAFF"];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.settings.title")];

type SettingsForm = {
  cityName: string;
  cityNameEn: string;
  supportThreshold: number | string;
  supportWindowDays: number | string;
  screeningRequired: boolean;
  answerDeadlineDays: number | string;
  supportTiers: { threshold: number | string; consequence: string }[];
  eligibility: {
    requireVerified: boolean;
    minAge: number | string | null;
    allowGuardianConsent: boolean;
    affiliation: { kinds: string[]; districtIds: number[]; requireConfirmation: boolean } | null;
    excludedGroups: string[];
  };
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, lng } = await requireStaff(request, context);
  try {
    const [s, districts] = await Promise.all([context.domain.admin.citySettings(viewer), context.domain.catalog.districts()]);
    const settings: SettingsForm = {
      cityName: s.cityName,
      cityNameEn: s.cityNameEn,
      supportThreshold: s.supportThreshold,
      supportWindowDays: s.supportWindowDays,
      screeningRequired: s.screeningRequired,
      answerDeadlineDays: s.answerDeadlineDays,
      supportTiers: s.supportTiers,
      eligibility: s.eligibility,
    };
    return json({ lng, settings, districts });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

/** Whole numbers stay numbers; anything else goes to the domain as typed, to be refused there. */
function numberOrRaw(value: string): number | string | null {
  const cleaned = value.replace(/[,\s]/g, "");
  if (cleaned === "") return null;
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : value;
}

function parseSettings(form: FormData): SettingsForm {
  const on = (name: string) => form.get(name) === "on";
  return {
    cityName: field(form, "cityName"),
    cityNameEn: field(form, "cityNameEn"),
    supportThreshold: numberOrRaw(field(form, "supportThreshold")) ?? "",
    supportWindowDays: numberOrRaw(field(form, "supportWindowDays")) ?? "",
    screeningRequired: on("screeningRequired"),
    answerDeadlineDays: numberOrRaw(field(form, "answerDeadlineDays")) ?? "",
    // Tier rows left empty are dropped; anything else goes to the domain to be checked.
    supportTiers: form
      .getAll("tierThreshold")
      .map((v, i) => ({ threshold: numberOrRaw(String(v)) ?? "", consequence: String(form.getAll("tierConsequence")[i] ?? "") }))
      .filter((tier) => tier.threshold !== ""),
    eligibility: {
      requireVerified: on("requireVerified"),
      minAge: numberOrRaw(field(form, "minAge")),
      allowGuardianConsent: on("allowGuardianConsent"),
      affiliation: on("anyone")
        ? null
        : {
            kinds: form.getAll("kinds").map(String),
            districtIds: form.getAll("districtIds").map((v) => Number(v)),
            requireConfirmation: on("requireConfirmation"),
          },
      excludedGroups: form.getAll("excludedGroups").map(String),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  const form = await request.formData();
  const values = parseSettings(form);
  try {
    await context.domain.admin.updateCitySettings(viewer, values);
    return json({ ok: true as const, at: Date.now() });
  } catch (error) {
    return failure(error, lng, { values });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card p-5 sm:p-6">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-stone-600">{intro}</p> : null}
      <div className="mt-4 space-y-5">{children}</div>
    </section>
  );
}


export default function AdminSettings() {
  const { lng, settings, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const error = actionData && !actionData.ok ? actionData.error : null;
  const values: SettingsForm = actionData && !actionData.ok ? actionData.values : settings;
  const [anyone, setAnyone] = useState(values.eligibility.affiliation === null);
  const saving = navigation.state === "submitting";
  const affiliation = values.eligibility.affiliation ?? { kinds: [...AFFILIATION_KINDS], districtIds: [], requireConfirmation: false };
  const groups = [...new Set([...KNOWN_GROUPS, ...values.eligibility.excludedGroups])];
  const groupLabel = (g: string) => (KNOWN_GROUPS.includes(g) ? t(`groups.${g}`) : g);
  const issue = (path: string) => issueAt(error, path);
  const shownPaths = ["cityName", "cityNameEn", "supportThreshold", "supportWindowDays", "eligibility.minAge", "eligibility.affiliation.kinds"];
  const otherIssues = error?.issues?.filter((i) => !shownPaths.includes(i.path)) ?? [];

  // After a refused save, take the keyboard to the first field that needs fixing.
  useEffect(() => {
    if (error?.issues?.length) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [error]);

  // What the saved rules mean, in sentences.
  const saved = settings.eligibility;
  const list = (items: string[]) => items.join(lng === "ko" ? "·" : ", ");
  const summary = [
    t("admin.settings.summaryThreshold", { threshold: settings.supportThreshold, days: settings.supportWindowDays }),
    saved.requireVerified ? t("admin.settings.summaryVerified") : t("admin.settings.summaryNotVerified"),
    ...(Number(saved.minAge) > 0
      ? [
          t("admin.settings.summaryAge", { minAge: saved.minAge }),
          saved.allowGuardianConsent ? t("admin.settings.summaryGuardian", { minAge: saved.minAge }) : t("admin.settings.summaryNoGuardian", { minAge: saved.minAge }),
        ]
      : [t("admin.settings.summaryNoAge")]),
    saved.affiliation
      ? t("admin.settings.summaryAffiliation", {
          place: saved.affiliation.districtIds.length
            ? list(districts.filter((d) => saved.affiliation!.districtIds.includes(d.id)).map((d) => localName(d, lng)))
            : lng === "en"
              ? settings.cityNameEn
              : settings.cityName,
          kinds: list(saved.affiliation.kinds.map((k) => t(`admin.kinds.${k}`))),
        })
      : t("admin.settings.summaryAnyone"),
    ...(saved.affiliation?.requireConfirmation ? [t("admin.settings.summaryConfirmation")] : []),
    ...(saved.excludedGroups.length ? [t("admin.settings.summaryExcluded", { groups: list(saved.excludedGroups.map(groupLabel)) })] : []),
  ];

  const textField = (name: "cityName" | "cityNameEn", label: string, hint?: string) => (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <input {...describedBy(name, { hint: !!hint, error: issue(name) })} name={name} type="text" defaultValue={values[name]} className="field-input" required maxLength={60} />
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${name}-error`} message={issue(name)} />
    </div>
  );

  const numberField = (name: string, path: string, label: string, hint: string, value: unknown, unit: string) => (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          {...describedBy(name, { hint: true, error: issue(path) })}
          name={name}
          type="text"
          inputMode="numeric"
          defaultValue={value == null ? "" : String(value)}
          className="field-input max-w-[10rem] text-right tabular-nums"
          required
        />
        <span aria-hidden="true" className="text-stone-600">
          {unit}
        </span>
      </div>
      <p id={`${name}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={`${name}-error`} message={issue(path)} />
    </div>
  );

  return (
    <div>
      <PageHeader title={t("admin.settings.title")} intro={t("admin.settings.intro")} />

      <section aria-labelledby="summary-title" className="mt-6 rounded-2xl bg-brand-50 p-5 ring-1 ring-inset ring-brand-200">
        <h2 id="summary-title" className="font-bold text-brand-900">
          {t("admin.settings.summaryTitle")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-[15px] text-brand-900 marker:text-brand-500">
          {summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <Form method="post" ref={formRef} className="mt-6 space-y-5" noValidate preventScrollReset>
        <Section id="basics" title={t("admin.settings.basics")}>
          <div className="grid gap-5 sm:grid-cols-2">
            {textField("cityName", t("admin.settings.cityName"), t("admin.settings.cityNameHint"))}
            {textField("cityNameEn", t("admin.settings.cityNameEn"))}
          </div>
        </Section>

        <Section id="support" title={t("admin.settings.support")} intro={t("admin.settings.supportIntro")}>
          <div className="grid gap-5 sm:grid-cols-2">
            {numberField("supportThreshold", "supportThreshold", t("admin.settings.supportThreshold"), t("admin.settings.supportThresholdHint"), values.supportThreshold, t("admin.settings.unitSupports"))}
            {numberField("supportWindowDays", "supportWindowDays", t("admin.settings.supportWindowDays"), t("admin.settings.supportWindowDaysHint"), values.supportWindowDays, t("admin.settings.unitDays"))}
            {numberField("answerDeadlineDays", "answerDeadlineDays", t("lifecycle.settings.answerDeadlineDays"), t("lifecycle.settings.answerDeadlineDaysHint"), values.answerDeadlineDays, t("admin.settings.unitDays"))}
          </div>
          <CheckboxField name="screeningRequired" label={t("lifecycle.settings.screeningRequired")} hint={t("lifecycle.settings.screeningRequiredHint")} defaultChecked={values.screeningRequired} />
          <fieldset className="space-y-2">
            <legend className="field-label">{t("lifecycle.settings.tiers")}</legend>
            <p className="field-hint">{t("lifecycle.settings.tiersHint")}</p>
            {[0, 1, 2].map((i) => {
              const tier = values.supportTiers[i];
              return (
                <div key={i} className="flex flex-wrap items-center gap-2">
                  <label className="sr-only" htmlFor={`tierThreshold-${i}`}>
                    {t("lifecycle.settings.tierThreshold", { n: i + 1 })}
                  </label>
                  <input id={`tierThreshold-${i}`} name="tierThreshold" inputMode="numeric" defaultValue={tier ? String(tier.threshold) : ""} className="field-input max-w-[8rem] text-right tabular-nums" />
                  <span className="text-stone-600">{t("admin.settings.unitSupports")} →</span>
                  <label className="sr-only" htmlFor={`tierConsequence-${i}`}>
                    {t("lifecycle.settings.tierConsequence", { n: i + 1 })}
                  </label>
                  <select id={`tierConsequence-${i}`} name="tierConsequence" defaultValue={tier?.consequence ?? "FORUM"} className="field-input max-w-[16rem]">
                    {(["DEPARTMENT_ANSWER", "FORUM", "MAYOR_ANSWER"] as const).map((c) => (
                      <option key={c} value={c}>
                        {t(`tiers.${c}`)}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
            <FieldError id="tiers-error" message={issue("supportTiers") ?? issue("supportTiers.0.threshold") ?? issue("supportTiers.1.threshold") ?? issue("supportTiers.2.threshold")} />
          </fieldset>
        </Section>

        <Section id="eligibility" title={t("admin.settings.eligibility")} intro={t("admin.settings.eligibilityIntro")}>
          <CheckboxField name="requireVerified" label={t("admin.settings.requireVerified")} hint={t("admin.settings.requireVerifiedHint")} defaultChecked={values.eligibility.requireVerified} />
          {numberField("minAge", "eligibility.minAge", t("admin.settings.minAge"), t("admin.settings.minAgeHint"), values.eligibility.minAge, t("admin.settings.unitAge"))}
          <CheckboxField
            name="allowGuardianConsent"
            label={t("admin.settings.allowGuardianConsent")}
            hint={t("admin.settings.allowGuardianConsentHint")}
            defaultChecked={values.eligibility.allowGuardianConsent}
          />
        </Section>

        <Section id="affiliation" title={t("admin.settings.affiliation")} intro={t("admin.settings.affiliationIntro")}>
          <CheckboxField name="anyone" label={t("admin.settings.anyone")} hint={t("admin.settings.anyoneHint")} checked={anyone} onChange={setAnyone} />
          <fieldset disabled={anyone} className={`space-y-5 transition ${anyone ? "opacity-50" : ""}`} aria-describedby={anyone ? "anyone-hint" : undefined}>
            <fieldset aria-describedby={`kinds-hint${issue("eligibility.affiliation.kinds") ? " kinds-error" : ""}`}>
              <legend className="field-label">{t("admin.settings.kinds")}</legend>
              <p id="kinds-hint" className="-mt-1 mb-2 text-sm text-stone-500">
                {t("admin.settings.kindsHint")}
              </p>
              <div className="grid gap-3 sm:grid-cols-2">
                {AFFILIATION_KINDS.map((k) => (
                  <CheckboxField key={k} name="kinds" value={k} label={t(`admin.kinds.${k}`)} hint={t(`admin.kindHelp.${k}`)} defaultChecked={affiliation.kinds.includes(k)} />
                ))}
              </div>
              <FieldError id="kinds-error" message={issue("eligibility.affiliation.kinds") ? t("admin.settings.kindsRequired") : undefined} />
            </fieldset>
            <fieldset aria-describedby="districts-hint">
              <legend className="field-label">{t("admin.settings.districts")}</legend>
              <p id="districts-hint" className="-mt-1 mb-2 text-sm text-stone-500">
                {t("admin.settings.districtsHint")}
              </p>
              <div className="grid max-h-72 grid-cols-2 gap-x-4 gap-y-2 overflow-y-auto rounded-xl border border-stone-200 p-3 sm:grid-cols-3 lg:grid-cols-5">
                {districts.map((d) => (
                  <label key={d.id} className="flex items-center gap-2 text-[15px]">
                    <input type="checkbox" name="districtIds" value={d.id} defaultChecked={affiliation.districtIds.includes(d.id)} className="h-5 w-5 shrink-0 accent-brand-600" />
                    {localName(d, lng)}
                  </label>
                ))}
              </div>
            </fieldset>
            <CheckboxField
              name="requireConfirmation"
              label={t("admin.settings.requireConfirmation")}
              hint={t("admin.settings.requireConfirmationHint")}
              defaultChecked={affiliation.requireConfirmation}
            />
          </fieldset>
        </Section>

        <Section id="excluded" title={t("admin.settings.excluded")} intro={t("admin.settings.excludedHint")}>
          <div className="space-y-3">
            {groups.map((g) => (
              <CheckboxField key={g} name="excludedGroups" value={g} label={groupLabel(g)} defaultChecked={values.eligibility.excludedGroups.includes(g)} />
            ))}
          </div>
        </Section>

        <div className="card p-5 sm:p-6">
          <ErrorAlert error={error} className="mb-3" />
          {otherIssues.length ? (
            <ul className="mb-3 list-disc pl-5 text-sm text-red-700">
              {otherIssues.map((i) => (
                <li key={i.path}>{i.message}</li>
              ))}
            </ul>
          ) : null}
          <StatusMessage message={actionData?.ok ? t("admin.settings.saved") : null} className="mb-3" />
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={saving}>
            {saving ? t("admin.common.saving") : t("admin.common.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
