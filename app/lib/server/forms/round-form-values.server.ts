// The round form as plain values: what the moderator typed (kept as text so a refused save
// shows it again unchanged), how it is read from a posted form, how the small editing
// buttons (add, remove, reorder phases and criteria; apply the kind's template) change it
// without JavaScript, and what the domain receives. The domain does all the checking.
import { MAX_CRITERIA, MAX_PHASES, ROUND_KINDS, type RoundKind } from "../../../domain/rounds/round.schema.ts";
import { DEFAULT_CRITERIA, defaultPhases } from "../../../domain/rounds/templates.ts";
import { dateToKstInput, kstInputToDate, nextKstMorning } from "../../kst.ts";

export type PhaseRow = { name: string; nameEn: string; startsAt: string; endsAt: string; allows: string[] };
export type CriterionRow = { name: string; nameEn: string; maxPoints: string };
export type EligibilityValues = {
  /** Follow the city's rules (no override). */
  useCityRules: boolean;
  requireVerified: boolean;
  minAge: string;
  maxAge: string;
  kinds: string[];
  districtIds: string[];
  requireConfirmation: boolean;
  minResidenceMonths: string;
  excludedGroups: string[];
};
export type RoundFormValues = {
  kind: string;
  title: string;
  description: string;
  /** "" = city-wide */
  districtId: string;
  budgetCapKrw: string;
  /** District id → amount as typed; blank amounts mean no pot. */
  pots: Record<string, string>;
  eligibility: EligibilityValues;
  phases: PhaseRow[];
  criteria: CriterionRow[];
};

const DAY_MS = 24 * 60 * 60 * 1000;
const NEW_PHASE_DAYS = 7;

export const isRoundKind = (value: unknown): value is RoundKind =>
  typeof value === "string" && (ROUND_KINDS as readonly string[]).includes(value);

const cityRules = (): EligibilityValues => ({
  useCityRules: true,
  requireVerified: true,
  minAge: "",
  maxAge: "",
  kinds: [],
  districtIds: [],
  requireConfirmation: false,
  minResidenceMonths: "",
  excludedGroups: [],
});

const won = (amount: number | null | undefined) => (amount === null || amount === undefined ? "" : amount.toLocaleString("en-US"));

function templatePhases(kind: RoundKind, start: Date): PhaseRow[] {
  return defaultPhases(kind, start).map((p) => ({
    name: p.name,
    nameEn: p.nameEn,
    startsAt: dateToKstInput(p.startsAt),
    endsAt: dateToKstInput(p.endsAt),
    allows: [...p.allows],
  }));
}

/** A new round of `kind`: the kind's phases from the next Korean morning, and the default rubric. */
export function templateValues(kind: RoundKind, now: Date): RoundFormValues {
  return {
    kind,
    title: "",
    description: "",
    districtId: "",
    budgetCapKrw: "",
    pots: {},
    eligibility: cityRules(),
    phases: templatePhases(kind, nextKstMorning(now)),
    criteria: DEFAULT_CRITERIA.map((c) => ({ name: c.name, nameEn: c.nameEn, maxPoints: String(c.maxPoints) })),
  };
}

type StoredRound = {
  kind: string;
  title: string;
  description: string;
  district: { id: number } | null;
  budgetCapKrw: number | null;
  pots: { district: { id: number }; amountKrw: number }[];
  eligibility: {
    requireVerified?: boolean;
    minAge?: number;
    maxAge?: number | null;
    affiliation?: { kinds?: string[]; districtIds?: number[]; requireConfirmation?: boolean; minResidenceMonths?: number } | null;
    excludedGroups?: string[];
  } | null;
  phases: { name: string; nameEn: string; startsAt: Date | string; endsAt: Date | string; allows: readonly string[] }[];
  criteria: { name: string; nameEn: string; maxPoints: number }[];
};

/** A saved round, as the form shows it. */
export function roundValues(round: StoredRound): RoundFormValues {
  const e = round.eligibility;
  return {
    kind: round.kind,
    title: round.title,
    description: round.description,
    districtId: round.district ? String(round.district.id) : "",
    budgetCapKrw: won(round.budgetCapKrw),
    pots: Object.fromEntries(round.pots.map((p) => [String(p.district.id), won(p.amountKrw)])),
    eligibility: e
      ? {
          useCityRules: false,
          requireVerified: e.requireVerified ?? true,
          minAge: e.minAge === undefined ? "" : String(e.minAge),
          maxAge: e.maxAge == null ? "" : String(e.maxAge),
          kinds: e.affiliation?.kinds ?? [],
          districtIds: (e.affiliation?.districtIds ?? []).map(String),
          requireConfirmation: e.affiliation?.requireConfirmation ?? false,
          minResidenceMonths: e.affiliation?.minResidenceMonths ? String(e.affiliation.minResidenceMonths) : "",
          excludedGroups: e.excludedGroups ?? [],
        }
      : cityRules(),
    phases: round.phases.map((p) => ({
      name: p.name,
      nameEn: p.nameEn === p.name ? "" : p.nameEn,
      startsAt: dateToKstInput(p.startsAt),
      endsAt: dateToKstInput(p.endsAt),
      allows: [...p.allows],
    })),
    criteria: round.criteria.map((c) => ({ name: c.name, nameEn: c.nameEn === c.name ? "" : c.nameEn, maxPoints: String(c.maxPoints) })),
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const texts = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");

/** Rows are numbered from 0 with no gaps; reading stops at the first missing one. */
function rows<T>(form: FormData, prefix: string, max: number, read: (at: (field: string) => string, i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < max && form.has(`${prefix}.${i}.name`); i++) out.push(read((field) => text(form, `${prefix}.${i}.${field}`), i));
  return out;
}

/** Field names: see RoundForm. Phase and criterion fields are numbered like the domain's issue paths (phases.1.startsAt). */
export function readRoundForm(form: FormData): RoundFormValues {
  const pots: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    const match = /^pot-(\d+)$/.exec(key);
    if (match && typeof value === "string" && value.trim() !== "") pots[match[1]!] = value.trim();
  }
  return {
    kind: text(form, "kind"),
    title: text(form, "title"),
    description: text(form, "description"),
    districtId: text(form, "districtId"),
    budgetCapKrw: text(form, "budgetCapKrw").trim(),
    pots,
    eligibility: {
      useCityRules: form.get("useCityRules") === "on",
      requireVerified: form.get("eligibility.requireVerified") === "on",
      minAge: text(form, "eligibility.minAge").trim(),
      maxAge: text(form, "eligibility.maxAge").trim(),
      kinds: texts(form, "eligibility.kinds"),
      districtIds: texts(form, "eligibility.districtIds"),
      requireConfirmation: form.get("eligibility.requireConfirmation") === "on",
      minResidenceMonths: text(form, "eligibility.minResidenceMonths").trim(),
      excludedGroups: texts(form, "eligibility.excludedGroups"),
    },
    // One row more than allowed is read, so the domain can say "at most N".
    phases: rows(form, "phases", MAX_PHASES + 1, (at, i) => ({
      name: at("name"),
      nameEn: at("nameEn"),
      startsAt: at("startsAt"),
      endsAt: at("endsAt"),
      allows: texts(form, `phases.${i}.allows`),
    })),
    criteria: rows(form, "criteria", MAX_CRITERIA + 1, (at) => ({
      name: at("name"),
      nameEn: at("nameEn"),
      maxPoints: at("maxPoints").trim(),
    })),
  };
}

/** Korea-time text → a moment; a blank or impossible value becomes an invalid date, which the domain refuses by name. */
const moment = (value: string) => kstInputToDate(value) ?? new Date(Number.NaN);

/** What the domain's create/update receive. */
export function toRoundInput(values: RoundFormValues) {
  const e = values.eligibility;
  return {
    kind: values.kind,
    title: values.title,
    description: values.description,
    districtId: values.districtId,
    budgetCapKrw: values.budgetCapKrw,
    // District pots belong to participatory budgets only; the form shows them for that kind alone.
    pots:
      values.kind === "PARTICIPATORY_BUDGET"
        ? Object.entries(values.pots).map(([districtId, amountKrw]) => ({ districtId, amountKrw }))
        : [],
    eligibility: e.useCityRules
      ? null
      : {
          requireVerified: e.requireVerified,
          ...(e.minAge !== "" ? { minAge: e.minAge } : {}),
          ...(e.maxAge !== "" ? { maxAge: e.maxAge } : {}),
          ...(e.kinds.length
            ? {
                affiliation: {
                  kinds: e.kinds,
                  districtIds: e.districtIds,
                  requireConfirmation: e.requireConfirmation,
                  ...(e.minResidenceMonths !== "" ? { minResidenceMonths: e.minResidenceMonths } : {}),
                },
              }
            : {}),
          excludedGroups: e.excludedGroups,
        },
    phases: values.phases.map((p) => ({
      name: p.name,
      nameEn: p.nameEn,
      startsAt: moment(p.startsAt),
      endsAt: moment(p.endsAt),
      allows: p.allows,
    })),
    criteria: values.criteria.map((c) => ({ name: c.name, nameEn: c.nameEn, maxPoints: c.maxPoints })),
  };
}

/** The buttons of the form besides "save"; each names the row it acts on ("phase.remove:2"). */
export type FormEdit = { values: RoundFormValues; /** The control to focus after the page re-renders. */ focus: string };

const swap = <T>(list: T[], i: number, j: number) => {
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
};

/**
 * Moves phase `i` below phase `i + 1`. The two swap their names, actions and lengths, while
 * the pair keeps its place in the schedule: the first still starts when the earlier one did,
 * the second still ends when the later one did, and any gap between them stays.
 */
export function swapPhases(phases: PhaseRow[], i: number): PhaseRow[] {
  const a = phases[i];
  const b = phases[i + 1];
  if (!a || !b) return phases;
  const [aStart, aEnd, bStart, bEnd] = [a.startsAt, a.endsAt, b.startsAt, b.endsAt].map((v) => kstInputToDate(v)?.getTime());
  if (aStart === undefined || aEnd === undefined || bStart === undefined || bEnd === undefined) return swap(phases, i, i + 1);
  const gap = bStart - aEnd;
  const firstEnd = aStart + (bEnd - bStart);
  const next = [...phases];
  next[i] = { ...b, startsAt: dateToKstInput(aStart), endsAt: dateToKstInput(firstEnd) };
  next[i + 1] = { ...a, startsAt: dateToKstInput(firstEnd + gap), endsAt: dateToKstInput(bEnd) };
  return next;
}

/** A blank phase after the last one, starting when it ends. */
function newPhase(after: PhaseRow | undefined, now: Date): PhaseRow {
  const start = (after && kstInputToDate(after.endsAt)) ?? nextKstMorning(now);
  return {
    name: "",
    nameEn: "",
    startsAt: dateToKstInput(start),
    endsAt: dateToKstInput(start.getTime() + NEW_PHASE_DAYS * DAY_MS),
    allows: ["COMMENT"],
  };
}

/** Applies one editing button; null means the intent is "save" (or unknown). */
export function applyEdit(values: RoundFormValues, intent: string, now: Date): FormEdit | null {
  const [action, rawIndex] = intent.split(":");
  const i = Number(rawIndex);
  const valid = (list: unknown[]) => Number.isInteger(i) && i >= 0 && i < list.length;
  switch (action) {
    case "phase.add": {
      if (values.phases.length >= MAX_PHASES) return { values, focus: "add-phase" };
      const phases = [...values.phases, newPhase(values.phases.at(-1), now)];
      return { values: { ...values, phases }, focus: `phases.${phases.length - 1}.name` };
    }
    case "phase.remove": {
      if (!valid(values.phases)) return { values, focus: "add-phase" };
      return { values: { ...values, phases: values.phases.filter((_, j) => j !== i) }, focus: "add-phase" };
    }
    case "phase.up":
      if (!valid(values.phases) || i === 0) return { values, focus: "add-phase" };
      return { values: { ...values, phases: swapPhases(values.phases, i - 1) }, focus: `phases.${i - 1}.up` };
    case "phase.down":
      if (!valid(values.phases) || i === values.phases.length - 1) return { values, focus: "add-phase" };
      return { values: { ...values, phases: swapPhases(values.phases, i) }, focus: `phases.${i + 1}.down` };
    case "template": {
      if (!isRoundKind(values.kind)) return { values, focus: "kind" };
      const start = (values.phases[0] && kstInputToDate(values.phases[0].startsAt)) ?? nextKstMorning(now);
      return { values: { ...values, phases: templatePhases(values.kind, start) }, focus: "phases.0.name" };
    }
    case "criterion.add": {
      if (values.criteria.length >= MAX_CRITERIA) return { values, focus: "add-criterion" };
      const criteria = [...values.criteria, { name: "", nameEn: "", maxPoints: "10" }];
      return { values: { ...values, criteria }, focus: `criteria.${criteria.length - 1}.name` };
    }
    case "criterion.remove":
      if (!valid(values.criteria)) return { values, focus: "add-criterion" };
      return { values: { ...values, criteria: values.criteria.filter((_, j) => j !== i) }, focus: "add-criterion" };
    default:
      return null;
  }
}
