// The round form (new round and round settings): what kind of round, what it is about, where,
// with how much money, who may take part, its phases in order and the committee's rubric.
// Every button works without JavaScript: "add phase", "move up" and the like post the form
// and the page comes back with the change (see app/lib/server/forms/round-form-values.server.ts).
// Each card is its own component: round-form-basics.tsx (what and where, money),
// EligibilityFields (shared with the city's settings), round-form-phases.tsx, round-form-criteria.tsx.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedError } from "../../i18n/errors.ts";
import type { RoundFormValues } from "../../lib/server/forms/round-form-values.server.ts";
import { CheckboxField } from "../checkbox-field.tsx";
import { EligibilityFields } from "../admin/eligibility-fields.tsx";
import { ErrorAlert, FieldError, FormSection, issueAt, StatusMessage } from "../admin/ui.tsx";
import { BasicsSection, BudgetSection } from "./round-form-basics.tsx";
import { CriteriaSection } from "./round-form-criteria.tsx";
import { PhasesSection } from "./round-form-phases.tsx";

type District = { id: number; name: string; nameEn: string };

/** Issue paths the form shows next to a field; anything else is listed above the save button. */
const SHOWN = [
  /^(kind|title|description|districtId|budgetCapKrw)$/,
  /^pots(\.|$)/,
  /^eligibility(\.|$)/,
  /^phases(\.\d+\.(name|nameEn|startsAt|endsAt|allows)(\.\d+)?)?$/,
  /^criteria(\.\d+\.(name|nameEn|maxPoints))?$/,
];

export function RoundForm({
  lng,
  values,
  error,
  districts,
  locked = false,
  focus,
  saved,
  submitLabel,
}: {
  lng: string;
  values: RoundFormValues;
  error?: LocalizedError | null;
  districts: District[];
  /** Voting has begun: nothing may change (the domain refuses too). */
  locked?: boolean;
  /** A control to focus after an editing button re-rendered the form. */
  focus?: string | null;
  /** A confirmation to announce after a save. */
  saved?: string | null;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState(values.kind);
  const [useCityRules, setUseCityRules] = useState(values.eligibility.useCityRules);
  const otherIssues = error?.issues?.filter((i) => !SHOWN.some((re) => re.test(i.path))) ?? [];

  useEffect(() => {
    if (focus) {
      const target = document.getElementById(focus);
      if (target && !(target as HTMLButtonElement).disabled) target.focus();
    } else if (error?.issues?.length) {
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    }
  }, [focus, error]);

  return (
    <Form
      method="post"
      ref={formRef}
      noValidate
      preventScrollReset
      className="space-y-5"
      data-testid="round-form"
      aria-describedby={locked ? "round-locked" : undefined}
    >
      {/* Enter in a text field submits with the first submit button: make that "save", not "remove phase". */}
      <button
        type="submit"
        name="intent"
        value="save"
        tabIndex={-1}
        aria-hidden="true"
        className="absolute -left-[9999px] h-px w-px overflow-hidden"
        disabled={locked}
      />
      {locked ? (
        <p
          id="round-locked"
          role="note"
          className="rounded-xl bg-amber-50 px-4 py-3 text-sm font-semibold text-amber-900 ring-1 ring-inset ring-amber-200"
          data-testid="settings-locked"
        >
          {t("roundsAdmin.form.locked")}
        </p>
      ) : null}
      <fieldset disabled={locked} className="min-w-0 space-y-5">
        <BasicsSection lng={lng} values={values} error={error} districts={districts} onKindChange={setKind} />
        <BudgetSection lng={lng} kind={kind} values={values} error={error} districts={districts} />
        <FormSection id="round-eligibility" title={t("roundsAdmin.form.eligibility")} intro={t("roundsAdmin.form.eligibilityIntro")}>
          <CheckboxField
            id="useCityRules"
            name="useCityRules"
            label={t("roundsAdmin.form.useCityRules")}
            hint={t("roundsAdmin.form.useCityRulesHint")}
            checked={useCityRules}
            onChange={setUseCityRules}
          />
          <FieldError id="eligibility-error" message={issueAt(error, "eligibility")} />
          <fieldset
            disabled={useCityRules}
            className={`min-w-0 space-y-5 ${useCityRules ? "opacity-50" : ""}`}
            data-testid="eligibility-override"
          >
            <legend className="sr-only">{t("roundsAdmin.form.ownRules")}</legend>
            <EligibilityFields scope="round" values={values.eligibility} districts={districts} lng={lng} error={error} />
          </fieldset>
        </FormSection>
        <PhasesSection phases={values.phases} error={error} />
        <CriteriaSection criteria={values.criteria} error={error} />
      </fieldset>

      <div className="card p-5 sm:p-6">
        {/* The fields carry their own messages; up here, say how many need fixing. */}
        <ErrorAlert
          error={error?.issues?.length ? { ...error, message: t("roundsAdmin.form.fixIssues", { count: error.issues.length }) } : error}
          className="mb-3"
        />
        {otherIssues.length ? (
          <ul className="mb-3 list-disc pl-5 text-sm text-red-700">
            {otherIssues.map((i) => (
              <li key={i.path}>{i.message}</li>
            ))}
          </ul>
        ) : null}
        <StatusMessage message={saved} className="mb-3" />
        <button
          type="submit"
          name="intent"
          value="save"
          className="btn-primary w-full sm:w-auto"
          disabled={locked || saving}
          data-testid="round-save"
        >
          {saving ? t("admin.common.saving") : submitLabel}
        </button>
      </div>
    </Form>
  );
}
