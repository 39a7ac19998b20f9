// The two forms of /review: a department's feasibility review (실현 가능 / 조건부 가능 /
// 실현 불가, reasons, adjusted cost) and a committee member's score sheet on the round's rubric.
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { VERDICTS } from "../../domain/rounds/round.schema.ts";
import type { LocalizedError } from "../../i18n/errors.ts";
import type { Language } from "../../i18n/i18n.ts";
import { formatDateTime } from "../../lib/format.ts";
import { describedBy, ErrorAlert, FieldError, issueAt, localName, StatusMessage } from "../admin/ui.tsx";
import { scoreField } from "../../lib/form-names.ts";

const issueUnder = (error: LocalizedError | null, path: string) =>
  error?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

export type ReviewValues = { verdict: string; reasons: string; adjustedCostKrw: string };

export function ReviewForm({
  entryId,
  values,
  lastSaved,
  error,
  saved,
  lng,
}: {
  entryId: number;
  values: ReviewValues;
  lastSaved: { reviewer: string; at: string } | null;
  error: LocalizedError | null;
  saved: boolean;
  lng: Language;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" &&
    navigation.formData?.get("entryId") === String(entryId) &&
    navigation.formData?.get("intent") === "review";
  const id = (name: string) => `review-${entryId}-${name}`;
  const verdictError = issueAt(error, "verdict");
  return (
    <Form method="post" className="space-y-4" data-testid="review-form" noValidate preventScrollReset>
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="entryId" value={entryId} />
      <fieldset aria-describedby={verdictError ? id("verdict-error") : undefined}>
        <legend className="field-label">{t("roundsAdmin.review.verdict")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {VERDICTS.map((v) => (
            <label
              key={v}
              className="flex min-h-[44px] cursor-pointer items-center gap-2 rounded-xl border border-stone-300 bg-white px-3 text-[15px] font-semibold has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="verdict"
                value={v}
                defaultChecked={values.verdict === v}
                className="h-5 w-5 accent-brand-600"
                aria-invalid={verdictError ? true : undefined}
              />
              {t(`rounds.verdict.${v}`)}
            </label>
          ))}
        </div>
        <FieldError id={id("verdict-error")} message={verdictError} />
      </fieldset>
      <div>
        <label htmlFor={id("reasons")} className="field-label">
          {t("roundsAdmin.review.reasons")}
        </label>
        <textarea
          {...describedBy(id("reasons"), { hint: true, error: issueAt(error, "reasons") })}
          name="reasons"
          rows={4}
          maxLength={3000}
          defaultValue={values.reasons}
          className="field-input leading-relaxed"
        />
        <p id={`${id("reasons")}-hint`} className="field-hint">
          {t("roundsAdmin.review.reasonsHint")}
        </p>
        <FieldError id={`${id("reasons")}-error`} message={issueAt(error, "reasons")} />
      </div>
      <div>
        <label htmlFor={id("cost")} className="field-label">
          {t("roundsAdmin.review.adjustedCost")} <span className="font-normal text-stone-500">{t("admin.common.optional")}</span>
        </label>
        <div className="flex items-center gap-2">
          <input
            {...describedBy(id("cost"), { hint: true, error: issueAt(error, "adjustedCostKrw") })}
            name="adjustedCostKrw"
            type="text"
            inputMode="numeric"
            defaultValue={values.adjustedCostKrw}
            className="field-input max-w-[14rem] text-right tabular-nums"
          />
          <span aria-hidden="true" className="text-stone-600">
            {t("roundsAdmin.form.won")}
          </span>
        </div>
        <p id={`${id("cost")}-hint`} className="field-hint">
          {t("roundsAdmin.review.adjustedCostHint")}
        </p>
        <FieldError id={`${id("cost")}-error`} message={issueAt(error, "adjustedCostKrw")} />
      </div>
      {error && !error.issues?.length ? <ErrorAlert error={error} /> : null}
      <StatusMessage message={saved ? t("roundsAdmin.review.saved") : null} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t("admin.common.saving") : lastSaved ? t("roundsAdmin.review.update") : t("roundsAdmin.review.submit")}
        </button>
        {lastSaved ? (
          <p className="text-sm text-stone-500">
            {t("roundsAdmin.review.lastSaved", { reviewer: lastSaved.reviewer, at: formatDateTime(lastSaved.at, lng) })}
          </p>
        ) : null}
      </div>
    </Form>
  );
}

type Criterion = { id: number; name: string; nameEn: string; maxPoints: number };

export function ScoreForm({
  entryId,
  criteria,
  values,
  hasSheet,
  error,
  saved,
  lng,
}: {
  entryId: number;
  criteria: Criterion[];
  /** Points as typed or saved, by criterion id. */
  values: Record<string, string>;
  hasSheet: boolean;
  error: LocalizedError | null;
  saved: boolean;
  lng: Language;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // Only what was typed here is state: saved points arrive as props (after a save, a moment later than the form).
  const [edits, setEdits] = useState<Record<string, string>>({});
  const points = { ...values, ...edits };
  const busy =
    navigation.state === "submitting" &&
    navigation.formData?.get("entryId") === String(entryId) &&
    navigation.formData?.get("intent") === "score";
  const max = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const total = criteria.reduce((sum, c) => sum + (Number(points[String(c.id)]) || 0), 0);
  const id = (criterionId: number) => `score-${entryId}-${criterionId}`;
  return (
    <Form method="post" className="space-y-4" data-testid="score-form" noValidate preventScrollReset>
      <input type="hidden" name="intent" value="score" />
      <input type="hidden" name="entryId" value={entryId} />
      {criteria.map((c) => (
        <input key={c.id} type="hidden" name="criterionId" value={c.id} />
      ))}
      <fieldset>
        <legend className="field-label">{t("roundsAdmin.score.rubric")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {criteria.map((c, i) => {
            const message = issueUnder(error, `scores.${i}`);
            return (
              <div key={c.id}>
                <label htmlFor={id(c.id)} className="field-label">
                  {localName(c, lng)} <span className="font-normal text-stone-500">{t("roundsAdmin.score.max", { max: c.maxPoints })}</span>
                </label>
                <div className="flex items-center gap-2">
                  <input
                    {...describedBy(id(c.id), { error: message })}
                    name={scoreField(c.id)}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={c.maxPoints}
                    step={1}
                    defaultValue={values[String(c.id)] ?? ""}
                    onChange={(e) => {
                      const typed = e.currentTarget.value;
                      setEdits((prev) => ({ ...prev, [String(c.id)]: typed }));
                    }}
                    className="field-input max-w-[7rem] text-right tabular-nums"
                  />
                  <span aria-hidden="true" className="text-stone-600">
                    / {c.maxPoints}
                  </span>
                </div>
                <FieldError id={`${id(c.id)}-error`} message={message} />
              </div>
            );
          })}
        </div>
      </fieldset>
      <p className="text-sm font-semibold text-stone-700">
        {t("roundsAdmin.score.total")}: <output className="tabular-nums text-lg text-stone-900">{total}</output> / {max}
      </p>
      {error && !error.issues?.some((i) => i.path.startsWith("scores.")) ? <ErrorAlert error={error} /> : null}
      <StatusMessage message={saved ? t("roundsAdmin.score.saved") : null} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? t("admin.common.saving") : hasSheet ? t("roundsAdmin.score.update") : t("roundsAdmin.score.submit")}
      </button>
    </Form>
  );
}
