// The round form (new round and round settings): what kind of round, what it is about, where,
// with how much money, who may take part, its phases in order and the committee's rubric.
// Every button works without JavaScript: "add phase", "move up" and the like post the form
// and the page comes back with the change (see round-form-values.ts).
import { Form, useNavigation } from "@remix-run/react";
import { CheckboxField } from "../checkbox-field.tsx";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AFFILIATION_KINDS } from "../../domain/eligibility/eligibility.ts";
import { PHASE_ACTIONS } from "../../domain/rounds/phase-machine.ts";
import { MAX_CRITERIA, MAX_PHASES, ROUND_KINDS } from "../../domain/rounds/round.schema.ts";
import type { LocalizedError } from "../../i18n/errors.ts";
import { describedBy, ErrorAlert, FieldError, localName, StatusMessage } from "../admin/ui.tsx";
import { KNOWN_GROUPS, type RoundFormValues } from "./round-form-values.ts";

type District = { id: number; name: string; nameEn: string };

/** Issue paths the form shows next to a field; anything else is listed above the save button. */
const SHOWN = [/^(kind|title|description|districtId|budgetCapKrw)$/, /^pots(\.|$)/, /^eligibility(\.|$)/, /^phases(\.\d+\.(name|nameEn|startsAt|endsAt|allows)(\.\d+)?)?$/, /^criteria(\.\d+\.(name|nameEn|maxPoints))?$/];

function Section({ id, title, intro, children, testId }: { id: string; title: string; intro?: React.ReactNode; children: React.ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={id} className="card p-5 sm:p-6" data-testid={testId}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {intro ? <div className="mt-1 text-sm text-stone-600">{intro}</div> : null}
      <div className="mt-4 space-y-5">{children}</div>
    </section>
  );
}


/** A small button that posts the form with an editing intent. */
function EditButton({ intent, id, label, children, disabled, tone = "plain" }: { intent: string; id?: string; label: string; children: React.ReactNode; disabled?: boolean; tone?: "plain" | "danger" }) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      id={id}
      aria-label={label}
      title={label}
      disabled={disabled}
      formNoValidate
      className={`inline-flex min-h-[40px] min-w-[40px] items-center justify-center rounded-lg border px-2.5 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-40 ${
        tone === "danger" ? "border-red-200 text-red-700 hover:bg-red-50" : "border-stone-300 text-stone-700 hover:bg-stone-100"
      }`}
    >
      {children}
    </button>
  );
}

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
  const issue = (path: string) => error?.issues?.find((i) => i.path === path)?.message;
  const issueUnder = (path: string) => error?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  const otherIssues = error?.issues?.filter((i) => !SHOWN.some((re) => re.test(i.path))) ?? [];
  const e = values.eligibility;
  const rubricTotal = values.criteria.reduce((sum, c) => sum + (Number(c.maxPoints) || 0), 0);

  useEffect(() => {
    if (focus) {
      const target = document.getElementById(focus);
      if (target && !(target as HTMLButtonElement).disabled) target.focus();
    } else if (error?.issues?.length) {
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    }
  }, [focus, error]);

  const text = (id: string, label: string, value: string, { hint, required = true, max, className = "" }: { hint?: string; required?: boolean; max?: number; className?: string } = {}) => (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? null : <span className="ml-1 font-normal text-stone-500">{t("admin.common.optional")}</span>}
      </label>
      <input {...describedBy(id, { hint: !!hint, error: issue(id) })} name={id} type="text" defaultValue={value} className="field-input" required={required} maxLength={max} />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={issue(id)} />
    </div>
  );

  return (
    <Form method="post" ref={formRef} noValidate preventScrollReset className="space-y-5" data-testid="round-form" aria-describedby={locked ? "round-locked" : undefined}>
      {/* Enter in a text field submits with the first submit button: make that "save", not "remove phase". */}
      <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden" disabled={locked} />
      {locked ? (
        <p id="round-locked" role="note" className="rounded-xl bg-amber-50 px-4 py-3 text-sm font-semibold text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="settings-locked">
          {t("roundsAdmin.form.locked")}
        </p>
      ) : null}
      <fieldset disabled={locked} className="min-w-0 space-y-5">
        <Section id="round-basics" title={t("roundsAdmin.form.basics")}>
          <div>
            <label htmlFor="kind" className="field-label">
              {t("roundsAdmin.form.kind")}
            </label>
            <div className="flex flex-wrap items-start gap-2">
              <select {...describedBy("kind", { hint: true, error: issue("kind") })} name="kind" defaultValue={values.kind} onChange={(ev) => setKind(ev.currentTarget.value)} className="field-input max-w-xs">
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
          {text("title", t("roundsAdmin.form.title"), values.title, { hint: t("roundsAdmin.form.titleHint"), max: 120 })}
          <div>
            <label htmlFor="description" className="field-label">
              {t("roundsAdmin.form.description")}
            </label>
            <textarea {...describedBy("description", { hint: true, error: issue("description") })} name="description" rows={8} defaultValue={values.description} className="field-input leading-relaxed" required />
            <p id="description-hint" className="field-hint">
              {t("roundsAdmin.form.descriptionHint")}
            </p>
            <FieldError id="description-error" message={issue("description")} />
          </div>
          <div>
            <label htmlFor="districtId" className="field-label">
              {t("roundsAdmin.form.scope")}
            </label>
            <select {...describedBy("districtId", { hint: true, error: issue("districtId") })} name="districtId" defaultValue={values.districtId} className="field-input max-w-xs">
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
        </Section>

        <Section id="round-budget" title={t("roundsAdmin.form.budget")}>
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
            <fieldset aria-describedby={`pots-hint${issueUnder("pots") ? " pots-error" : ""}`} data-testid="pots">
              <legend className="field-label">{t("roundsAdmin.form.pots")}</legend>
              <p id="pots-hint" className="-mt-1 mb-2 text-sm text-stone-500">
                {t("roundsAdmin.form.potsHint")}
              </p>
              <FieldError id="pots-error" message={issueUnder("pots")} />
              <details className="mt-2 rounded-xl border border-stone-200" open={Object.keys(values.pots).length > 0 || !!issueUnder("pots")}>
                <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-brand-800">{t("roundsAdmin.form.potsOpen", { count: Object.keys(values.pots).length })}</summary>
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
        </Section>

        <Section id="round-eligibility" title={t("roundsAdmin.form.eligibility")} intro={t("roundsAdmin.form.eligibilityIntro")}>
          <CheckboxField id="useCityRules" name="useCityRules" label={t("roundsAdmin.form.useCityRules")} hint={t("roundsAdmin.form.useCityRulesHint")} checked={useCityRules} onChange={setUseCityRules} />
          <FieldError id="eligibility-error" message={issue("eligibility")} />
          <fieldset disabled={useCityRules} className={`min-w-0 space-y-5 ${useCityRules ? "opacity-50" : ""}`} data-testid="eligibility-override">
            <legend className="sr-only">{t("roundsAdmin.form.ownRules")}</legend>
            <CheckboxField id="eligibility.requireVerified" name="eligibility.requireVerified" label={t("admin.settings.requireVerified")} defaultChecked={e.requireVerified} />
            <div>
              <label htmlFor="eligibility.minAge" className="field-label">
                {t("roundsAdmin.form.minAge")}
              </label>
              <div className="flex items-center gap-2">
                <input
                  {...describedBy("eligibility.minAge", { hint: true, error: issue("eligibility.minAge") })}
                  name="eligibility.minAge"
                  type="text"
                  inputMode="numeric"
                  defaultValue={e.minAge}
                  className="field-input max-w-[6rem] text-right tabular-nums"
                />
                <span aria-hidden="true" className="text-stone-600">
                  {t("admin.settings.unitAge")}
                </span>
              </div>
              <p id="eligibility.minAge-hint" className="field-hint">
                {t("roundsAdmin.form.minAgeHint")}
              </p>
              <FieldError id="eligibility.minAge-error" message={issue("eligibility.minAge")} />
            </div>
            <fieldset aria-describedby="eligibility-kinds-hint">
              <legend className="field-label">{t("roundsAdmin.form.kinds")}</legend>
              <p id="eligibility-kinds-hint" className="-mt-1 mb-2 text-sm text-stone-500">
                {t("roundsAdmin.form.kindsHint")}
              </p>
              <div className="grid gap-3 sm:grid-cols-2">
                {AFFILIATION_KINDS.map((k) => (
                  <CheckboxField key={k} id={`eligibility.kinds-${k}`} name="eligibility.kinds" value={k} label={t(`admin.kinds.${k}`)} defaultChecked={e.kinds.includes(k)} />
                ))}
              </div>
              <FieldError id="eligibility.affiliation-error" message={issueUnder("eligibility.affiliation")} />
            </fieldset>
            <details className="rounded-xl border border-stone-200" open={e.districtIds.length > 0}>
              <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-brand-800">{t("roundsAdmin.form.affiliationDistricts", { count: e.districtIds.length })}</summary>
              <fieldset className="border-t border-stone-200 p-4">
                <legend className="sr-only">{t("admin.settings.districts")}</legend>
                <p className="mb-2 text-sm text-stone-500">{t("admin.settings.districtsHint")}</p>
                <div className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-4">
                  {districts.map((d) => (
                    <label key={d.id} className="flex items-center gap-2 text-[15px]">
                      <input type="checkbox" name="eligibility.districtIds" value={d.id} defaultChecked={e.districtIds.includes(String(d.id))} className="h-5 w-5 shrink-0 accent-brand-600" />
                      {localName(d, lng)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </details>
            <CheckboxField id="eligibility.requireConfirmation" name="eligibility.requireConfirmation" label={t("admin.settings.requireConfirmation")} defaultChecked={e.requireConfirmation} />
            <fieldset>
              <legend className="field-label">{t("roundsAdmin.form.excluded")}</legend>
              <div className="space-y-2">
                {[...new Set([...KNOWN_GROUPS, ...e.excludedGroups])].map((g) => (
                  <CheckboxField key={g} id={`eligibility.excludedGroups-${g}`} name="eligibility.excludedGroups" value={g} label={t(`groups.${g}`, { defaultValue: g })} defaultChecked={e.excludedGroups.includes(g)} />
                ))}
              </div>
            </fieldset>
          </fieldset>
        </Section>

        <Section id="round-phases" title={t("roundsAdmin.form.phases")} intro={t("roundsAdmin.form.phasesIntro")} testId="phase-list">
          <FieldError id="phases-error" message={issue("phases")} />
          <ol className="space-y-4">
            {values.phases.map((p, i) => {
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
                      <EditButton intent={`phase.down:${i}`} id={id("down")} label={t("roundsAdmin.form.moveDown", { n })} disabled={i === values.phases.length - 1}>
                        ↓
                      </EditButton>
                      <EditButton intent={`phase.remove:${i}`} id={id("remove")} label={t("roundsAdmin.form.removePhase", { n })} disabled={values.phases.length <= 1} tone="danger">
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
                        <input {...describedBy(id(field), { error: issue(id(field)) })} name={id(field)} type="text" defaultValue={p[field]} className="field-input" maxLength={60} lang={field === "nameEn" ? "en" : undefined} />
                        <FieldError id={`${id(field)}-error`} message={issue(id(field))} />
                      </div>
                    ))}
                    {(["startsAt", "endsAt"] as const).map((field) => (
                      <div key={field}>
                        <label htmlFor={id(field)} className="field-label">
                          <span className="sr-only">{rowLabel} </span>
                          {t(field === "startsAt" ? "roundsAdmin.form.startsAt" : "roundsAdmin.form.endsAt")}
                        </label>
                        <input {...describedBy(id(field), { hint: true, error: issue(id(field)) })} name={id(field)} type="datetime-local" defaultValue={p[field]} className="field-input tabular-nums" />
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
                          <input type="checkbox" name={id("allows")} value={a} defaultChecked={p.allows.includes(a)} className="h-5 w-5 shrink-0 accent-brand-600" />
                          {t(`rounds.action.${a}`)}
                        </label>
                      ))}
                    </div>
                    <FieldError id={`${id("allows")}-error`} message={issueUnder(id("allows"))} />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <p className="text-sm text-stone-500">{t("roundsAdmin.form.kstNote")}</p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="intent" value="phase.add" id="add-phase" formNoValidate className="btn-secondary" disabled={values.phases.length >= MAX_PHASES}>
              + {t("roundsAdmin.form.addPhase")}
            </button>
          </div>
        </Section>

        <Section id="round-criteria" title={t("roundsAdmin.form.criteria")} intro={t("roundsAdmin.form.criteriaIntro", { total: rubricTotal })} testId="criteria-list">
          <FieldError id="criteria-error" message={issue("criteria")} />
          <ol className="space-y-3">
            {values.criteria.map((c, i) => {
              const id = (field: string) => `criteria.${i}.${field}`;
              const n = i + 1;
              return (
                <li key={i} className="grid items-start gap-3 rounded-xl border border-stone-200 p-3 sm:grid-cols-[1fr_1fr_8rem_auto]" data-testid="criterion-row">
                  {(["name", "nameEn"] as const).map((field) => (
                    <div key={field}>
                      <label htmlFor={id(field)} className="field-label">
                        <span className="sr-only">{t("roundsAdmin.form.criterionN", { n })} </span>
                        {t(field === "name" ? "roundsAdmin.form.criterionName" : "roundsAdmin.form.phaseNameEn")}
                      </label>
                      <input {...describedBy(id(field), { error: issue(id(field)) })} name={id(field)} type="text" defaultValue={c[field]} className="field-input" maxLength={40} lang={field === "nameEn" ? "en" : undefined} />
                      <FieldError id={`${id(field)}-error`} message={issue(id(field))} />
                    </div>
                  ))}
                  <div>
                    <label htmlFor={id("maxPoints")} className="field-label">
                      <span className="sr-only">{t("roundsAdmin.form.criterionN", { n })} </span>
                      {t("roundsAdmin.form.maxPoints")}
                    </label>
                    <input {...describedBy(id("maxPoints"), { error: issue(id("maxPoints")) })} name={id("maxPoints")} type="text" inputMode="numeric" defaultValue={c.maxPoints} className="field-input text-right tabular-nums" />
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
          {values.criteria.length === 0 ? <p className="text-sm text-stone-500">{t("roundsAdmin.form.criteriaDefault")}</p> : null}
          <button type="submit" name="intent" value="criterion.add" id="add-criterion" formNoValidate className="btn-secondary" disabled={values.criteria.length >= MAX_CRITERIA}>
            + {t("roundsAdmin.form.addCriterion")}
          </button>
        </Section>
      </fieldset>

      <div className="card p-5 sm:p-6">
        {/* The fields carry their own messages; up here, say how many need fixing. */}
        <ErrorAlert error={error?.issues?.length ? { ...error, message: t("roundsAdmin.form.fixIssues", { count: error.issues.length }) } : error} className="mb-3" />
        {otherIssues.length ? (
          <ul className="mb-3 list-disc pl-5 text-sm text-red-700">
            {otherIssues.map((i) => (
              <li key={i.path}>{i.message}</li>
            ))}
          </ul>
        ) : null}
        <StatusMessage message={saved} className="mb-3" />
        <button type="submit" name="intent" value="save" className="btn-primary w-full sm:w-auto" disabled={locked || saving} data-testid="round-save">
          {saving ? t("admin.common.saving") : submitLabel}
        </button>
      </div>
    </Form>
  );
}
