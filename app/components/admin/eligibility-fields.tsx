// Who may take part — the fields of an eligibility rule, for the city's own rules
// (/admin/settings) and for a round that sets its own (the round form). Both post the same
// facts: verification, an age band, the affiliations that count (kind, district, confirmation,
// residence period) and the groups left out. The city's form names them plainly ("minAge"); the
// round's under "eligibility." ("eligibility.minAge"). Issue paths are the domain's in both
// (eligibility.minAge, eligibility.affiliation.kinds).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AFFILIATION_KINDS } from "../../domain/eligibility/eligibility.ts";
import type { LocalizedError } from "../../i18n/errors.ts";
import { CheckboxField } from "../checkbox-field.tsx";
import { describedBy, FieldError, FormSection, issueAt, localName } from "./ui.tsx";

/** Groups a rule may leave out; labels live under `groups.*`. */
export const KNOWN_GROUPS = ["CITY_STAFF"] as const;

/** The values as the form shows them (numbers as typed, ids as strings). */
export type EligibilityFieldValues = {
  requireVerified: boolean;
  minAge: string;
  maxAge: string;
  kinds: readonly string[];
  districtIds: readonly string[];
  requireConfirmation: boolean;
  minResidenceMonths: string;
  excludedGroups: readonly string[];
};

type District = { id: number; name: string; nameEn: string };

type Props = {
  values: EligibilityFieldValues;
  districts: District[];
  lng: string;
  error?: LocalizedError | null;
} & (
  | { scope: "round" }
  | {
      /** The city's rules: with guardian consent, and an "anyone" switch that turns the affiliation rule off. */
      scope: "city";
      allowGuardianConsent: boolean;
      anyone: boolean;
    }
);

/** Where a round's blanks mean "as the city says", the hints say so. */
const TEXT = {
  city: {
    minAge: "admin.settings.minAge",
    minAgeHint: "admin.settings.minAgeHint",
    maxAge: "admin.settings.maxAge",
    maxAgeHint: "admin.settings.maxAgeHint",
    kinds: "admin.settings.kinds",
    kindsHint: "admin.settings.kindsHint",
    residence: "admin.settings.minResidenceMonths",
    residenceHint: "admin.settings.minResidenceMonthsHint",
    excluded: "admin.settings.excluded",
    verifiedHint: "admin.settings.requireVerifiedHint",
  },
  round: {
    minAge: "roundsAdmin.form.minAge",
    minAgeHint: "roundsAdmin.form.minAgeHint",
    maxAge: "roundsAdmin.form.maxAge",
    maxAgeHint: "roundsAdmin.form.maxAgeHint",
    kinds: "roundsAdmin.form.kinds",
    kindsHint: "roundsAdmin.form.kindsHint",
    residence: "roundsAdmin.form.minResidenceMonths",
    residenceHint: "roundsAdmin.form.minResidenceMonthsHint",
    excluded: "roundsAdmin.form.excluded",
    verifiedHint: null,
  },
} as const;

const RESIDENCE_PATH = "eligibility.affiliation.minResidenceMonths";

/** Whether these fields show the issue at `path` themselves (the page lists the others). */
export function showsEligibilityIssue(path: string): boolean {
  return (
    path === "eligibility.minAge" ||
    path === "eligibility.maxAge" ||
    path === "eligibility.affiliation" ||
    path.startsWith("eligibility.affiliation.")
  );
}

function NumberField({
  id,
  label,
  hint,
  value,
  unit,
  error,
  required,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  unit: string;
  error?: string;
  required?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          {...describedBy(id, { hint: true, error })}
          name={id}
          type="text"
          inputMode="numeric"
          defaultValue={value}
          className="field-input max-w-[6rem] text-right tabular-nums"
          required={required}
        />
        <span aria-hidden="true" className="text-stone-600">
          {unit}
        </span>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function EligibilityFields(props: Props) {
  const { values: v, districts, lng, error, scope } = props;
  const { t } = useTranslation();
  const [anyone, setAnyone] = useState(props.scope === "city" && props.anyone);
  const text = TEXT[scope];
  // The city's form names its fields plainly; a round's sit under "eligibility.".
  const name = (field: string) => (scope === "round" ? `eligibility.${field}` : field);
  const issue = (path: string) => issueAt(error, path);
  const kindsIssue = issue("eligibility.affiliation.kinds")
    ? t("admin.settings.kindsRequired")
    : error?.issues?.find(
        (i) => (i.path === "eligibility.affiliation" || i.path.startsWith("eligibility.affiliation.")) && i.path !== RESIDENCE_PATH,
      )?.message;
  const groups = [...new Set([...KNOWN_GROUPS, ...v.excludedGroups])];

  const who = (
    <>
      <CheckboxField
        name={name("requireVerified")}
        label={t("admin.settings.requireVerified")}
        hint={text.verifiedHint ? t(text.verifiedHint) : undefined}
        defaultChecked={v.requireVerified}
      />
      <NumberField
        id={name("minAge")}
        label={t(text.minAge)}
        hint={t(text.minAgeHint)}
        value={v.minAge}
        unit={t("admin.settings.unitAge")}
        error={issue("eligibility.minAge")}
        required={scope === "city"}
      />
      <NumberField
        id={name("maxAge")}
        label={t(text.maxAge)}
        hint={t(text.maxAgeHint)}
        value={v.maxAge}
        unit={t("admin.settings.unitAge")}
        error={issue("eligibility.maxAge")}
      />
      {props.scope === "city" ? (
        <CheckboxField
          name="allowGuardianConsent"
          label={t("admin.settings.allowGuardianConsent")}
          hint={t("admin.settings.allowGuardianConsentHint")}
          defaultChecked={props.allowGuardianConsent}
        />
      ) : null}
    </>
  );

  const affiliation = (
    <>
      <fieldset aria-describedby={`${name("kinds")}-hint${kindsIssue ? ` ${name("kinds")}-error` : ""}`}>
        <legend className="field-label">{t(text.kinds)}</legend>
        <p id={`${name("kinds")}-hint`} className="-mt-1 mb-2 text-sm text-stone-500">
          {t(text.kindsHint)}
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          {AFFILIATION_KINDS.map((k) => (
            <CheckboxField
              key={k}
              name={name("kinds")}
              value={k}
              label={t(`admin.kinds.${k}`)}
              hint={t(`admin.kindHelp.${k}`)}
              defaultChecked={v.kinds.includes(k)}
            />
          ))}
        </div>
        <FieldError id={`${name("kinds")}-error`} message={kindsIssue} />
      </fieldset>
      <details className="rounded-xl border border-stone-200" open={v.districtIds.length > 0}>
        <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-brand-800">
          {t("roundsAdmin.form.affiliationDistricts", { count: v.districtIds.length })}
        </summary>
        <fieldset className="border-t border-stone-200 p-4" aria-describedby={`${name("districtIds")}-hint`}>
          <legend className="sr-only">{t("admin.settings.districts")}</legend>
          <p id={`${name("districtIds")}-hint`} className="mb-2 text-sm text-stone-500">
            {t("admin.settings.districtsHint")}
          </p>
          <div className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-4">
            {districts.map((d) => (
              <label key={d.id} className="flex items-center gap-2 text-[15px]">
                <input
                  type="checkbox"
                  name={name("districtIds")}
                  value={d.id}
                  defaultChecked={v.districtIds.includes(String(d.id))}
                  className="h-5 w-5 shrink-0 accent-brand-600"
                />
                {localName(d, lng)}
              </label>
            ))}
          </div>
        </fieldset>
      </details>
      <CheckboxField
        name={name("requireConfirmation")}
        label={t("admin.settings.requireConfirmation")}
        hint={t("admin.settings.requireConfirmationHint")}
        defaultChecked={v.requireConfirmation}
      />
      <NumberField
        id={name("minResidenceMonths")}
        label={t(text.residence)}
        hint={t(text.residenceHint)}
        value={v.minResidenceMonths}
        unit={t("admin.settings.unitMonths")}
        error={issue(RESIDENCE_PATH)}
      />
    </>
  );

  const excludedBoxes = groups.map((g) => (
    <CheckboxField
      key={g}
      name={name("excludedGroups")}
      value={g}
      label={t(`groups.${g}`, { defaultValue: g })}
      defaultChecked={v.excludedGroups.includes(g)}
    />
  ));

  if (scope === "round") {
    // Inside the round form's own eligibility card, under its "use the city's rules" switch.
    return (
      <>
        {who}
        {affiliation}
        <fieldset>
          <legend className="field-label">{t(text.excluded)}</legend>
          <div className="space-y-2">{excludedBoxes}</div>
        </fieldset>
      </>
    );
  }
  // The settings page: one card each for age and verification, affiliation, and exclusions.
  return (
    <>
      <FormSection id="eligibility" title={t("admin.settings.eligibility")} intro={t("admin.settings.eligibilityIntro")}>
        {who}
      </FormSection>
      <FormSection id="affiliation" title={t("admin.settings.affiliation")} intro={t("admin.settings.affiliationIntro")}>
        <CheckboxField
          name="anyone"
          label={t("admin.settings.anyone")}
          hint={t("admin.settings.anyoneHint")}
          checked={anyone}
          onChange={setAnyone}
        />
        <fieldset
          disabled={anyone}
          className={`min-w-0 space-y-5 transition ${anyone ? "opacity-50" : ""}`}
          aria-describedby={anyone ? "anyone-hint" : undefined}
        >
          {affiliation}
        </fieldset>
      </FormSection>
      <FormSection id="excluded" title={t(text.excluded)} intro={t("admin.settings.excludedHint")}>
        <div className="space-y-3">{excludedBoxes}</div>
      </FormSection>
    </>
  );
}
