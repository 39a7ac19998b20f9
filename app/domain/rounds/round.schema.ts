// Input schemas for rounds, phases, entries, reviews and scores: the one validation every edge uses.
import { z } from "zod";
import { zId, zOptionalId } from "../ids.ts";
import { zText } from "../text.ts";
import { AFFILIATION_KINDS } from "../eligibility/eligibility.ts";
import { PHASE_ACTIONS } from "./phase-machine.ts";

export const ROUND_KINDS = ["CONTEST", "PARTICIPATORY_BUDGET", "DELIBERATION_FORUM", "POLICY_MARKET"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ENTRY_STATUSES = ["SUBMITTED", "SHORTLISTED", "EXCLUDED", "WITHDRAWN"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const VERDICTS = ["FEASIBLE", "FEASIBLE_WITH_CHANGES", "NOT_FEASIBLE"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const MAX_PHASES = 10;
export const MAX_CRITERIA = 8;
export const BUDGET_MAX = 10_000_000_000_000; // ₩10조

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim() || undefined : v);
export { zId };
const optionalId = zOptionalId;
/** Won amounts: digits from forms (commas allowed), numbers from GraphQL. */
const won = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[,\s₩원]/g, "") : v),
  z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(0).max(BUDGET_MAX),
);
const optionalWon = z.preprocess(blankToUndefined, won.optional());
const date = z.coerce.date({ errorMap: () => ({ message: "validation.invalidDate" }) });
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: "validation.invalidChoice" }) });

export const ZPhaseInput = z.object({
  name: zText().trim().min(2).max(40),
  nameEn: z.preprocess(blankToUndefined, zText().trim().max(60).optional()),
  startsAt: date,
  endsAt: date,
  allows: z.array(choice(PHASE_ACTIONS)).max(PHASE_ACTIONS.length).default([]),
});
export type PhaseInput = z.input<typeof ZPhaseInput>;

export const ZCriterionInput = z.object({
  name: zText().trim().min(1).max(30),
  nameEn: z.preprocess(blankToUndefined, zText().trim().max(40).optional()),
  maxPoints: z.coerce.number({ invalid_type_error: "validation.invalid" }).int().min(1).max(100),
});

/** A round's own eligibility rules; omitted parts fall back to the city's (see resolveRules). */
export const ZRoundEligibility = z
  .object({
    requireVerified: z.boolean().optional(),
    minAge: z.coerce.number().int().min(0).max(100).optional(),
    /** 만 나이 upper bound, inclusive (a youth ballot: 24); omitted = the city's */
    maxAge: z.coerce.number().int().min(0).max(150).optional(),
    affiliation: z
      .object({
        kinds: z.array(choice(AFFILIATION_KINDS)).min(1),
        districtIds: z.array(zId).max(100).default([]),
        requireConfirmation: z.boolean().default(false),
        /** Months a residence must have lasted (see docs/eligibility.md); omitted = none */
        minResidenceMonths: z.coerce.number().int().min(0).max(600).optional(),
      })
      .nullable()
      .optional(),
    excludedGroups: z.array(zText().trim().min(1).max(40)).max(20).optional(),
  })
  .strict()
  .superRefine((rules, ctx) => {
    if (rules.maxAge !== undefined && rules.minAge !== undefined && rules.maxAge < rules.minAge) {
      ctx.addIssue({ code: "custom", path: ["maxAge"], message: "validation.maxAgeBelowMinAge" });
    }
  });
export type RoundEligibility = z.infer<typeof ZRoundEligibility>;

export const ZRoundInput = z.object({
  kind: choice(ROUND_KINDS),
  title: zText().trim().min(4).max(100),
  description: zText().trim().min(10).max(10_000),
  districtId: optionalId,
  budgetCapKrw: optionalWon,
  pots: z
    .array(z.object({ districtId: zId, amountKrw: won }))
    .max(100)
    .default([]),
  eligibility: z.preprocess(blankToUndefined, ZRoundEligibility.nullable().optional()),
  phases: z.array(ZPhaseInput).min(1, "rounds.errors.noPhases").max(MAX_PHASES),
  criteria: z.array(ZCriterionInput).max(MAX_CRITERIA).optional(),
});
export type RoundInput = z.input<typeof ZRoundInput>;

export const ZOverrideInput = z.object({
  roundId: zId,
  /** The phase to move to now, or "finish" to end the round now. */
  target: z.union([zId, z.literal("finish")]),
  reason: zText().trim().min(2, "validation.reasonRequired").max(500),
});

export const ZAddEntryInput = z.object({
  roundId: zId,
  proposalId: zId,
  /** Required to bring in a proposal that has not passed its threshold. */
  reason: z.preprocess(blankToUndefined, zText().trim().min(2).max(500).optional()),
});

export const ZEntryStatusInput = z.object({
  entryId: zId,
  status: choice(["SUBMITTED", "SHORTLISTED", "EXCLUDED"] as const),
  reason: z.preprocess(blankToUndefined, zText().trim().min(2).max(500).optional()),
});

export const ZAssignEntryInput = z.object({ entryId: zId, departmentId: zId });

export const ZReviewInput = z.object({
  entryId: zId,
  verdict: choice(VERDICTS),
  reasons: zText().trim().min(10).max(3000),
  adjustedCostKrw: optionalWon,
});

export const ZScoreInput = z.object({
  entryId: zId,
  scores: z
    .array(
      z.object({
        criterionId: zId,
        points: z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(0),
      }),
    )
    .min(1)
    .max(MAX_CRITERIA),
});
