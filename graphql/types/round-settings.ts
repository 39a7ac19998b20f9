// Rounds over the API: moderators create a round, change its settings, phases and rubric,
// publish it, move it on and lock its debate (round.ts has the types these return).
import type { RoundInput as DomainRoundInput } from "../../app/domain/rounds/round.schema.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { AffiliationKind } from "./account.ts";
import { given, PhaseAction, Round, RoundKind } from "./round.ts";

// ---- Inputs ----

const RoundPhaseInput = builder.inputType("RoundPhaseInput", {
  fields: (t) => ({
    name: t.string({ required: true, description: "2–40 characters, e.g. 제안 접수." }),
    nameEn: t.string({ required: false }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true, description: "After startsAt, and no later than the next phase's start." }),
    allows: t.field({ type: [PhaseAction], required: false }),
  }),
});

const RoundCriterionInput = builder.inputType("RoundCriterionInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    nameEn: t.string({ required: false }),
    maxPoints: t.int({ required: true, description: "1–100." }),
  }),
});

const RoundDistrictPotInput = builder.inputType("RoundDistrictPotInput", {
  fields: (t) => ({ districtId: t.id({ required: true }), amountKrw: t.float({ required: true, description: "Whole KRW." }) }),
});

const RoundAffiliationRuleInput = builder.inputType("RoundAffiliationRuleInput", {
  fields: (t) => ({
    kinds: t.field({ type: [AffiliationKind], required: true }),
    districtIds: t.idList({ required: false, description: "Empty or omitted = anywhere in the city." }),
    requireConfirmation: t.boolean({ required: false, description: "Self-declared claims count only once a moderator confirmed them." }),
    minResidenceMonths: t.int({ required: false, description: "Full months a residence must have lasted; omitted = none." }),
  }),
});

const RoundEligibilityInput = builder.inputType("RoundEligibilityInput", {
  description: "The round's own rules; an omitted field keeps the city's rule.",
  fields: (t) => ({
    requireVerified: t.boolean({ required: false }),
    minAge: t.int({ required: false }),
    maxAge: t.int({ required: false, description: "Highest age (만 나이), inclusive; at least minAge." }),
    affiliation: t.field({
      type: RoundAffiliationRuleInput,
      required: false,
      description: "Null = anyone may take part; omitted = the city's rule.",
    }),
    excludedGroups: t.stringList({ required: false }),
  }),
});

const RoundInput = builder.inputType("RoundInput", {
  description: "A round's settings, phases and rubric; the same rules as the console's form.",
  fields: (t) => ({
    kind: t.field({ type: RoundKind, required: true }),
    title: t.string({ required: true, description: "4–100 characters." }),
    description: t.string({ required: true, description: "Markdown, 10–10,000 characters." }),
    districtId: t.id({ required: false, description: "Omit for a city-wide round." }),
    budgetCapKrw: t.float({ required: false, description: "Whole KRW." }),
    pots: t.field({ type: [RoundDistrictPotInput], required: false, description: "Participatory budgets only; needs a cap." }),
    eligibility: t.field({ type: RoundEligibilityInput, required: false, description: "Omit to use the city's rules." }),
    phases: t.field({ type: [RoundPhaseInput], required: true, description: "1–10 phases in order." }),
    criteria: t.field({
      type: [RoundCriterionInput],
      required: false,
      description: "Omit on create for the default rubric; on update, to keep it.",
    }),
  }),
});

function toRoundInput(input: typeof RoundInput.$inferInput): DomainRoundInput {
  const e = input.eligibility;
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    districtId: given(input.districtId),
    budgetCapKrw: given(input.budgetCapKrw),
    pots: given(input.pots)?.map((p) => ({ districtId: p.districtId, amountKrw: p.amountKrw })),
    eligibility: e
      ? {
          requireVerified: given(e.requireVerified),
          minAge: given(e.minAge),
          maxAge: given(e.maxAge),
          // Explicit null means "anyone"; absent means "the city's rule".
          affiliation:
            e.affiliation === null
              ? null
              : e.affiliation === undefined
                ? undefined
                : {
                    kinds: e.affiliation.kinds,
                    districtIds: given(e.affiliation.districtIds),
                    requireConfirmation: given(e.affiliation.requireConfirmation),
                    minResidenceMonths: given(e.affiliation.minResidenceMonths),
                  },
          excludedGroups: given(e.excludedGroups),
        }
      : undefined,
    phases: input.phases.map((p) => ({
      name: p.name,
      nameEn: given(p.nameEn),
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      allows: given(p.allows),
    })),
    criteria: given(input.criteria)?.map((c) => ({ name: c.name, nameEn: given(c.nameEn), maxPoints: c.maxPoints })),
  };
}

// ---- Mutations ----

builder.mutationFields((t) => ({
  createRound: t.field({
    type: Round,
    authScopes: { moderator: true },
    description: "Creates a draft round; publishRound opens it.",
    args: { input: t.arg({ type: RoundInput, required: true }) },
    resolve: (_r, { input }, ctx) => callDomain(ctx, () => ctx.domain.rounds.create(ctx.viewer, toRoundInput(input))),
  }),
  updateRound: t.field({
    type: Round,
    authScopes: { moderator: true },
    description: "Replaces the settings, phases and rubric. CONFLICT once voting has begun.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: RoundInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => callDomain(ctx, () => ctx.domain.rounds.update(ctx.viewer, id, toRoundInput(input))),
  }),
  publishRound: t.field({
    type: Round,
    authScopes: { moderator: true },
    description: "Opens a draft to the public; from then on its phases follow the schedule.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.rounds.publish(ctx.viewer, args.id)),
  }),
  overrideRoundPhase: t.field({
    type: Round,
    authScopes: { moderator: true },
    description: "Moves the round forward to a phase now, or ends it. Recorded in the history with the reason.",
    args: {
      roundId: t.arg.id({ required: true }),
      target: t.arg.string({ required: true, description: "A later phase's id, or FINISH to end the round now." }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => {
      const target = args.target.trim().toLowerCase() === "finish" ? "finish" : args.target;
      return callDomain(ctx, () => ctx.domain.rounds.override(ctx.viewer, { roundId: args.roundId, target, reason: args.reason }));
    },
  }),
  lockRoundDebate: t.field({
    type: Round,
    authScopes: { moderator: true },
    description: "Locks or unlocks the round's own debate.",
    args: { roundId: t.arg.id({ required: true }), locked: t.arg.boolean({ required: true }), reason: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => {
        await ctx.domain.moderation.lock(ctx.viewer, { roundId: args.roundId }, args.locked, args.reason ?? undefined);
        return ctx.domain.rounds.get(ctx.viewer, args.roundId);
      }),
  }),
}));
