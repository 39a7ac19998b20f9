// The round form's phases card: the phases in order, each with its name in both languages,
// its Korea-time window and what it allows; rows are added, removed and reordered by posting
// the form (EditButton), so the editing works without JavaScript.
import { useTranslation } from "react-i18next";
import { PHASE_ACTIONS } from "../../domain/rounds/phase-machine.ts";
import { MAX_PHASES } from "../../domain/rounds/round.schema.ts";
import type { LocalizedError } from "../../i18n/errors.ts";
import type { PhaseRow } from "../../lib/server/forms/round-form-values.server.ts";
import { describedBy, FieldError, FormSection, issueAt, issueUnder } from "../admin/ui.tsx";
import { EditButton } from "./round-form-edit-button.tsx";

export function PhasesSection({ phases, error }: { phases: PhaseRow[]; error?: LocalizedError | null }) {
  const { t } = useTranslation();
  const issue = (path: string) => issueAt(error, path);
  return (
    <FormSection id="round-phases" title={t("roundsAdmin.form.phases")} intro={t("roundsAdmin.form.phasesIntro")} testId="phase-list">
      <FieldError id="phases-error" message={issue("phases")} />
      <ol className="space-y-4">
        {phases.map((p, i) => {
          const id = (field: string) => `phases.${i}.${field}`;
          const n = i + 1;
          const rowLabel = t("roundsAdmin.form.phaseN", { n });
          return (
            <li key={i} className="rounded-xl border border-stone-200 bg-stone-50/60 p-4" data-testid="phase-row">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 id={id("title")} className="font-bold text-stone-800">
                  {rowLabel}
                  {p.name ? <span className="ml-2 font-normal text-stone-500">{p.name}</span> : null}
                </h3>
                <div className="flex gap-1.5">
                  <EditButton intent={`phase.up:${i}`} id={id("up")} label={t("roundsAdmin.form.moveUp", { n })} disabled={i === 0}>
                    ↑
                  </EditButton>
                  <EditButton
                    intent={`phase.down:${i}`}
                    id={id("down")}
                    label={t("roundsAdmin.form.moveDown", { n })}
                    disabled={i === phases.length - 1}
                  >
                    ↓
                  </EditButton>
                  <EditButton
                    intent={`phase.remove:${i}`}
                    id={id("remove")}
                    label={t("roundsAdmin.form.removePhase", { n })}
                    disabled={phases.length <= 1}
                    tone="danger"
                  >
                    {t("roundsAdmin.form.remove")}
                  </EditButton>
                </div>
              </div>
              <div className="mt-3 grid gap-4 sm:grid-cols-2">
                {(["name", "nameEn"] as const).map((field) => (
                  <div key={field}>
                    <label htmlFor={id(field)} className="field-label">
                      <span className="sr-only">{rowLabel} </span>
                      {t(field === "name" ? "roundsAdmin.form.phaseName" : "roundsAdmin.form.phaseNameEn")}
                      {field === "nameEn" ? <span className="ml-1 font-normal text-stone-500">{t("admin.common.optional")}</span> : null}
                    </label>
                    <input
                      {...describedBy(id(field), { error: issue(id(field)) })}
                      name={id(field)}
                      type="text"
                      defaultValue={p[field]}
                      className="field-input"
                      maxLength={60}
                      lang={field === "nameEn" ? "en" : undefined}
                    />
                    <FieldError id={`${id(field)}-error`} message={issue(id(field))} />
                  </div>
                ))}
                {(["startsAt", "endsAt"] as const).map((field) => (
                  <div key={field}>
                    <label htmlFor={id(field)} className="field-label">
                      <span className="sr-only">{rowLabel} </span>
                      {t(field === "startsAt" ? "roundsAdmin.form.startsAt" : "roundsAdmin.form.endsAt")}
                    </label>
                    <input
                      {...describedBy(id(field), { hint: true, error: issue(id(field)) })}
                      name={id(field)}
                      type="datetime-local"
                      defaultValue={p[field]}
                      className="field-input tabular-nums"
                    />
                    <p id={`${id(field)}-hint`} className="sr-only">
                      {t("roundsAdmin.form.kstHint")}
                    </p>
                    <FieldError id={`${id(field)}-error`} message={issue(id(field))} />
                  </div>
                ))}
              </div>
              <fieldset className="mt-4">
                <legend className="field-label">
                  <span className="sr-only">{rowLabel} </span>
                  {t("roundsAdmin.form.allows")}
                </legend>
                <div className="flex flex-wrap gap-x-5 gap-y-2">
                  {PHASE_ACTIONS.map((a) => (
                    <label key={a} className="flex min-h-[32px] items-center gap-2 text-[15px]">
                      <input
                        type="checkbox"
                        name={id("allows")}
                        value={a}
                        defaultChecked={p.allows.includes(a)}
                        className="h-5 w-5 shrink-0 accent-brand-600"
                      />
                      {t(`rounds.action.${a}`)}
                    </label>
                  ))}
                </div>
                <FieldError id={`${id("allows")}-error`} message={issueUnder(error, id("allows"))} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-stone-500">{t("roundsAdmin.form.kstNote")}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="intent"
          value="phase.add"
          id="add-phase"
          formNoValidate
          className="btn-secondary"
          disabled={phases.length >= MAX_PHASES}
        >
          + {t("roundsAdmin.form.addPhase")}
        </button>
      </div>
    </FormSection>
  );
}
