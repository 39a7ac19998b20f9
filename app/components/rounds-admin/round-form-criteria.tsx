// The round form's rubric card: the committee's criteria with their maximum points (the
// intro adds them up); rows are added and removed by posting the form (EditButton).
import { useTranslation } from "react-i18next";
import { MAX_CRITERIA } from "../../domain/rounds/round.schema.ts";
import type { LocalizedError } from "../../i18n/errors.ts";
import type { CriterionRow } from "../../lib/server/forms/round-form-values.server.ts";
import { describedBy, FieldError, FormSection, issueAt } from "../admin/ui.tsx";
import { EditButton } from "./round-form-edit-button.tsx";

export function CriteriaSection({ criteria, error }: { criteria: CriterionRow[]; error?: LocalizedError | null }) {
  const { t } = useTranslation();
  const issue = (path: string) => issueAt(error, path);
  const rubricTotal = criteria.reduce((sum, c) => sum + (Number(c.maxPoints) || 0), 0);
  return (
    <FormSection
      id="round-criteria"
      title={t("roundsAdmin.form.criteria")}
      intro={t("roundsAdmin.form.criteriaIntro", { total: rubricTotal })}
      testId="criteria-list"
    >
      <FieldError id="criteria-error" message={issue("criteria")} />
      <ol className="space-y-3">
        {criteria.map((c, i) => {
          const id = (field: string) => `criteria.${i}.${field}`;
          const n = i + 1;
          return (
            <li
              key={i}
              className="grid items-start gap-3 rounded-xl border border-stone-200 p-3 sm:grid-cols-[1fr_1fr_8rem_auto]"
              data-testid="criterion-row"
            >
              {(["name", "nameEn"] as const).map((field) => (
                <div key={field}>
                  <label htmlFor={id(field)} className="field-label">
                    <span className="sr-only">{t("roundsAdmin.form.criterionN", { n })} </span>
                    {t(field === "name" ? "roundsAdmin.form.criterionName" : "roundsAdmin.form.phaseNameEn")}
                  </label>
                  <input
                    {...describedBy(id(field), { error: issue(id(field)) })}
                    name={id(field)}
                    type="text"
                    defaultValue={c[field]}
                    className="field-input"
                    maxLength={40}
                    lang={field === "nameEn" ? "en" : undefined}
                  />
                  <FieldError id={`${id(field)}-error`} message={issue(id(field))} />
                </div>
              ))}
              <div>
                <label htmlFor={id("maxPoints")} className="field-label">
                  <span className="sr-only">{t("roundsAdmin.form.criterionN", { n })} </span>
                  {t("roundsAdmin.form.maxPoints")}
                </label>
                <input
                  {...describedBy(id("maxPoints"), { error: issue(id("maxPoints")) })}
                  name={id("maxPoints")}
                  type="text"
                  inputMode="numeric"
                  defaultValue={c.maxPoints}
                  className="field-input text-right tabular-nums"
                />
                <FieldError id={`${id("maxPoints")}-error`} message={issue(id("maxPoints"))} />
              </div>
              <div className="sm:pt-7">
                <EditButton intent={`criterion.remove:${i}`} label={t("roundsAdmin.form.removeCriterion", { n })} tone="danger">
                  {t("roundsAdmin.form.remove")}
                </EditButton>
              </div>
            </li>
          );
        })}
      </ol>
      {criteria.length === 0 ? <p className="text-sm text-stone-500">{t("roundsAdmin.form.criteriaDefault")}</p> : null}
      <button
        type="submit"
        name="intent"
        value="criterion.add"
        id="add-criterion"
        formNoValidate
        className="btn-secondary"
        disabled={criteria.length >= MAX_CRITERIA}
      >
        + {t("roundsAdmin.form.addCriterion")}
      </button>
    </FormSection>
  );
}
