// The round form's first two cards: what the round is (kind, title, description, where) and
// its money (a budget cap and, for a participatory budget, a pot per district).
import { useTranslation } from "react-i18next";
import { ROUND_KINDS } from "../../domain/rounds/round.schema.ts";
import type { LocalizedError } from "../../i18n/errors.ts";
import type { RoundFormValues } from "../../lib/server/forms/round-form-values.server.ts";
import { describedBy, FieldError, FormSection, issueAt, issueUnder, localName } from "../admin/ui.tsx";

type District = { id: number; name: string; nameEn: string };

export function BasicsSection({
  lng,
  values,
  error,
  districts,
  onKindChange,
}: {
  lng: string;
  values: RoundFormValues;
  error?: LocalizedError | null;
  districts: District[];
  onKindChange: (kind: string) => void;
}) {
  const { t } = useTranslation();
  const issue = (path: string) => issueAt(error, path);
  return (
    <FormSection id="round-basics" title={t("roundsAdmin.form.basics")}>
      <div>
        <label htmlFor="kind" className="field-label">
          {t("roundsAdmin.form.kind")}
        </label>
        <div className="flex flex-wrap items-start gap-2">
          <select
            {...describedBy("kind", { hint: true, error: issue("kind") })}
            name="kind"
            defaultValue={values.kind}
            onChange={(ev) => onKindChange(ev.currentTarget.value)}
            className="field-input max-w-xs"
          >
            {ROUND_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`rounds.kind.${k}`)}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="template" formNoValidate className="btn-secondary text-sm">
            {t("roundsAdmin.form.applyTemplate")}
          </button>
        </div>
        <p id="kind-hint" className="field-hint">
          {t("roundsAdmin.form.kindHint")}
        </p>
        <FieldError id="kind-error" message={issue("kind")} />
      </div>
      <div>
        <label htmlFor="title" className="field-label">
          {t("roundsAdmin.form.title")}
        </label>
        <input
          {...describedBy("title", { hint: true, error: issue("title") })}
          name="title"
          type="text"
          defaultValue={values.title}
          className="field-input"
          required
          maxLength={120}
        />
        <p id="title-hint" className="field-hint">
          {t("roundsAdmin.form.titleHint")}
        </p>
        <FieldError id="title-error" message={issue("title")} />
      </div>
      <div>
        <label htmlFor="description" className="field-label">
          {t("roundsAdmin.form.description")}
        </label>
        <textarea
          {...describedBy("description", { hint: true, error: issue("description") })}
          name="description"
          rows={8}
          defaultValue={values.description}
          className="field-input leading-relaxed"
          required
        />
        <p id="description-hint" className="field-hint">
          {t("roundsAdmin.form.descriptionHint")}
        </p>
        <FieldError id="description-error" message={issue("description")} />
      </div>
      <div>
        <label htmlFor="districtId" className="field-label">
          {t("roundsAdmin.form.scope")}
        </label>
        <select
          {...describedBy("districtId", { hint: true, error: issue("districtId") })}
          name="districtId"
          defaultValue={values.districtId}
          className="field-input max-w-xs"
        >
          <option value="">{t("rounds.cityWide")}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {localName(d, lng)}
            </option>
          ))}
        </select>
        <p id="districtId-hint" className="field-hint">
          {t("roundsAdmin.form.scopeHint")}
        </p>
        <FieldError id="districtId-error" message={issue("districtId")} />
      </div>
    </FormSection>
  );
}

/** The pots appear for a participatory budget only (`kind` follows the select as it changes). */
export function BudgetSection({
  lng,
  kind,
  values,
  error,
  districts,
}: {
  lng: string;
  kind: string;
  values: RoundFormValues;
  error?: LocalizedError | null;
  districts: District[];
}) {
  const { t } = useTranslation();
  const issue = (path: string) => issueAt(error, path);
  const potsIssue = issueUnder(error, "pots");
  return (
    <FormSection id="round-budget" title={t("roundsAdmin.form.budget")}>
      <div>
        <label htmlFor="budgetCapKrw" className="field-label">
          {t("roundsAdmin.form.budgetCap")}
          <span className="ml-1 font-normal text-stone-500">{t("admin.common.optional")}</span>
        </label>
        <div className="flex items-center gap-2">
          <input
            {...describedBy("budgetCapKrw", { hint: true, error: issue("budgetCapKrw") })}
            name="budgetCapKrw"
            type="text"
            inputMode="numeric"
            defaultValue={values.budgetCapKrw}
            className="field-input max-w-[14rem] text-right tabular-nums"
          />
          <span aria-hidden="true" className="text-stone-600">
            {t("roundsAdmin.form.won")}
          </span>
        </div>
        <p id="budgetCapKrw-hint" className="field-hint">
          {t("roundsAdmin.form.budgetCapHint")}
        </p>
        <FieldError id="budgetCapKrw-error" message={issue("budgetCapKrw")} />
      </div>
      {kind === "PARTICIPATORY_BUDGET" ? (
        <fieldset aria-describedby={`pots-hint${potsIssue ? " pots-error" : ""}`} data-testid="pots">
          <legend className="field-label">{t("roundsAdmin.form.pots")}</legend>
          <p id="pots-hint" className="-mt-1 mb-2 text-sm text-stone-500">
            {t("roundsAdmin.form.potsHint")}
          </p>
          <FieldError id="pots-error" message={potsIssue} />
          <details className="mt-2 rounded-xl border border-stone-200" open={Object.keys(values.pots).length > 0 || !!potsIssue}>
            <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-brand-800">
              {t("roundsAdmin.form.potsOpen", { count: Object.keys(values.pots).length })}
            </summary>
            <div className="grid gap-x-6 gap-y-2 border-t border-stone-200 p-4 sm:grid-cols-2">
              {districts.map((d) => (
                <div key={d.id} className="flex items-center justify-between gap-3">
                  <label htmlFor={`pot-${d.id}`} className="min-w-0 truncate text-[15px]">
                    {localName(d, lng)}
                  </label>
                  <input
                    id={`pot-${d.id}`}
                    name={`pot-${d.id}`}
                    type="text"
                    inputMode="numeric"
                    defaultValue={values.pots[String(d.id)] ?? ""}
                    className="field-input max-w-[11rem] text-right tabular-nums"
                    aria-describedby="pots-hint"
                  />
                </div>
              ))}
            </div>
          </details>
        </fieldset>
      ) : (
        <p className="text-sm text-stone-500">{t("roundsAdmin.form.potsOnlyBudget")}</p>
      )}
    </FormSection>
  );
}
