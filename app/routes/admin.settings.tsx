// /admin/settings: the city's name, the 공감 rule (how many, in how many days) and who may
// take part (verification, age, affiliation, excluded groups), explained in plain words.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CheckboxField } from "../components/checkbox-field.tsx";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { field, requireStaff } from "../lib/server/admin.server.ts";
import { EligibilityFields, showsEligibilityIssue, type EligibilityFieldValues } from "../components/admin/eligibility-fields.tsx";
import {
  AdminError,
  describedBy,
  ErrorAlert,
  FieldError,
  FormSection,
  issueAt,
  localName,
  PageHeader,
  StatusMessage,
} from "../components/admin/ui.tsx";
import { AFFILIATION_KINDS } from "../domain/eligibility/eligibility.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

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
    maxAge: number | string | null;
    allowGuardianConsent: boolean;
    affiliation: { kinds: string[]; districtIds: number[]; requireConfirmation: boolean; minResidenceMonths: number | string } | null;
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
      maxAge: numberOrRaw(field(form, "maxAge")),
      allowGuardianConsent: on("allowGuardianConsent"),
      affiliation: on("anyone")
        ? null
        : {
            kinds: form.getAll("kinds").map(String),
            districtIds: form.getAll("districtIds").map((v) => Number(v)),
            requireConfirmation: on("requireConfirmation"),
            minResidenceMonths: numberOrRaw(field(form, "minResidenceMonths")) ?? 0,
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
    return actionFailure(error, lng, { ok: false as const, values });
  }
}

export function ErrorBoundary() {
  return <AdminError />;
}

/** The city's eligibility as the shared fields show it (no affiliation rule: every kind ticked, as a start). */
function eligibilityFieldValues(e: SettingsForm["eligibility"]): EligibilityFieldValues {
  const asText = (value: number | string | null | undefined) => (value == null ? "" : String(value));
  return {
    requireVerified: e.requireVerified,
    minAge: asText(e.minAge),
    maxAge: asText(e.maxAge),
    kinds: e.affiliation?.kinds ?? AFFILIATION_KINDS,
    districtIds: (e.affiliation?.districtIds ?? []).map(String),
    requireConfirmation: e.affiliation?.requireConfirmation ?? false,
    minResidenceMonths: asText(e.affiliation?.minResidenceMonths ?? 0),
    excludedGroups: e.excludedGroups,
  };
}

export default function AdminSettings() {
  const { lng, settings, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const error = actionData && !actionData.ok ? actionData.error : null;
  const values: SettingsForm = actionData && !actionData.ok ? actionData.values : settings;
  const saving = navigation.state === "submitting";
  const groupLabel = (g: string) => t(`groups.${g}`, { defaultValue: g });
  const issue = (path: string) => issueAt(error, path);
  const shownPaths = ["cityName", "cityNameEn", "supportThreshold", "supportWindowDays"];
  const otherIssues = error?.issues?.filter((i) => !shownPaths.includes(i.path) && !showsEligibilityIssue(i.path)) ?? [];

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
          saved.allowGuardianConsent
            ? t("admin.settings.summaryGuardian", { minAge: saved.minAge })
            : t("admin.settings.summaryNoGuardian", { minAge: saved.minAge }),
        ]
      : saved.maxAge == null
        ? [t("admin.settings.summaryNoAge")]
        : []),
    ...(saved.maxAge != null ? [t("admin.settings.summaryMaxAge", { maxAge: saved.maxAge })] : []),
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
    ...(Number(saved.affiliation?.minResidenceMonths) > 0
      ? [t("admin.settings.summaryResidence", { months: saved.affiliation!.minResidenceMonths })]
      : []),
    ...(saved.excludedGroups.length ? [t("admin.settings.summaryExcluded", { groups: list(saved.excludedGroups.map(groupLabel)) })] : []),
  ];

  const textField = (name: "cityName" | "cityNameEn", label: string, hint?: string) => (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <input
        {...describedBy(name, { hint: !!hint, error: issue(name) })}
        name={name}
        type="text"
        defaultValue={values[name]}
        className="field-input"
        required
        maxLength={60}
      />
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
        <FormSection id="basics" title={t("admin.settings.basics")}>
          <div className="grid gap-5 sm:grid-cols-2">
            {textField("cityName", t("admin.settings.cityName"), t("admin.settings.cityNameHint"))}
            {textField("cityNameEn", t("admin.settings.cityNameEn"))}
          </div>
        </FormSection>

        <FormSection id="support" title={t("admin.settings.support")} intro={t("admin.settings.supportIntro")}>
          <div className="grid gap-5 sm:grid-cols-2">
            {numberField(
              "supportThreshold",
              "supportThreshold",
              t("admin.settings.supportThreshold"),
              t("admin.settings.supportThresholdHint"),
              values.supportThreshold,
              t("admin.settings.unitSupports"),
            )}
            {numberField(
              "supportWindowDays",
              "supportWindowDays",
              t("admin.settings.supportWindowDays"),
              t("admin.settings.supportWindowDaysHint"),
              values.supportWindowDays,
              t("admin.settings.unitDays"),
            )}
            {numberField(
              "answerDeadlineDays",
              "answerDeadlineDays",
              t("lifecycle.settings.answerDeadlineDays"),
              t("lifecycle.settings.answerDeadlineDaysHint"),
              values.answerDeadlineDays,
              t("admin.settings.unitDays"),
            )}
          </div>
          <CheckboxField
            name="screeningRequired"
            label={t("lifecycle.settings.screeningRequired")}
            hint={t("lifecycle.settings.screeningRequiredHint")}
            defaultChecked={values.screeningRequired}
          />
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
                  <input
                    id={`tierThreshold-${i}`}
                    name="tierThreshold"
                    inputMode="numeric"
                    defaultValue={tier ? String(tier.threshold) : ""}
                    className="field-input max-w-[8rem] text-right tabular-nums"
                  />
                  <span className="text-stone-600">{t("admin.settings.unitSupports")} →</span>
                  <label className="sr-only" htmlFor={`tierConsequence-${i}`}>
                    {t("lifecycle.settings.tierConsequence", { n: i + 1 })}
                  </label>
                  <select
                    id={`tierConsequence-${i}`}
                    name="tierConsequence"
                    defaultValue={tier?.consequence ?? "FORUM"}
                    className="field-input max-w-[16rem]"
                  >
                    {(["DEPARTMENT_ANSWER", "FORUM", "MAYOR_ANSWER"] as const).map((c) => (
                      <option key={c} value={c}>
                        {t(`tiers.${c}`)}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
            <FieldError
              id="tiers-error"
              message={
                issue("supportTiers") ??
                issue("supportTiers.0.threshold") ??
                issue("supportTiers.1.threshold") ??
                issue("supportTiers.2.threshold")
              }
            />
          </fieldset>
        </FormSection>

        <EligibilityFields
          scope="city"
          values={eligibilityFieldValues(values.eligibility)}
          allowGuardianConsent={values.eligibility.allowGuardianConsent}
          anyone={values.eligibility.affiliation === null}
          districts={districts}
          lng={lng}
          error={error}
        />

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
