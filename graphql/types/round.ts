// Rounds over the API: a process with a beginning and an end, run in ordered phases. Four
// modules, joined on the one builder (graphql/schema.ts imports them all):
// - round.ts (this file): the round itself, its phases, rubric, pots, eligibility rules, what
//   the viewer can do on it and its phase history, and the queries that read them;
// - round-settings.ts: moderators create, change, publish and move a round on;
// - round-entries.ts: entries, feasibility reviews and committee scores;
// - round-quality.ts: deliberation quality and the moderators' dashboard.
// Scopes refuse early; the domain (app/domain/rounds) decides, exactly as for the web.
import { PHASE_ACTIONS } from "../../app/domain/rounds/phase-machine.ts";
import { ROUND_KINDS } from "../../app/domain/rounds/round.schema.ts";
import type { RoundService, RoundView, RoundViewerCan as DomainRoundViewerCan } from "../../app/domain/rounds/round.service.server.ts";
import { localizeParams } from "../../app/i18n/errors.ts";
import { translate } from "../../app/i18n/i18n.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { AffiliationKind } from "./account.ts";

type PhaseChangeView = Awaited<ReturnType<RoundService["history"]>>[number];
type PhaseView = RoundView["phases"][number];
type NamedView = { id: number; name: string; nameEn: string };
type EligibilityView = NonNullable<RoundView["eligibility"]>;

/** GraphQL gives null for "not given"; the domain's schemas expect undefined there. */
export const given = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

// ---- Enums ----

export const RoundKind = builder.enumType("RoundKind", {
  description: "공모전 (CONTEST), 주민참여예산 (PARTICIPATORY_BUDGET), 공론장 (DELIBERATION_FORUM) or 정책장터 (POLICY_MARKET).",
  values: ROUND_KINDS,
});

export const PhaseAction = builder.enumType("PhaseAction", {
  description: "What a phase allows: submitting entries, department review and committee scoring, debate, voting, showing results.",
  values: PHASE_ACTIONS,
});

const RoundStage = builder.enumType("RoundStage", {
  values: {
    DRAFT: { description: "Not published; moderators only." },
    UPCOMING: { description: "Published; the first phase has not begun." },
    RUNNING: { description: "A phase is running." },
    BETWEEN: { description: "Between two phases (a gap in the schedule): nothing is allowed." },
    FINISHED: { description: "The last phase has ended (or a moderator ended the round)." },
  } as const,
});

const PhaseChangeCause = builder.enumType("PhaseChangeCause", {
  values: {
    SCHEDULE: { description: "The schedule moved the round on by itself." },
    OVERRIDE: { description: "A moderator moved the round, with a reason." },
  } as const,
});

// ---- Objects ----

export const Named = builder.objectRef<NamedView>("NamedRef").implement({
  description: "A district, department or field by id, with its Korean and English names.",
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name"), nameEn: t.exposeString("nameEn") }),
});

const RoundPhase = builder.objectRef<PhaseView>("RoundPhase").implement({
  description: "One phase of a round; it runs from startsAt (inclusive) to endsAt (exclusive).",
  fields: (t) => ({
    id: t.exposeID("id"),
    position: t.exposeInt("position", { description: "1 for the first phase." }),
    name: t.exposeString("name", { description: "Korean name, e.g. 제안 접수." }),
    nameEn: t.exposeString("nameEn"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    allows: t.field({ type: [PhaseAction], resolve: (p) => p.allows }),
  }),
});

const RoundCriterion = builder.objectRef<RoundView["criteria"][number]>("RoundCriterion").implement({
  description: "One line of the committee's rubric (default 창의성, 주민편익, 경제성, 실현가능성).",
  fields: (t) => ({
    id: t.exposeID("id"),
    position: t.exposeInt("position"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    maxPoints: t.exposeInt("maxPoints"),
  }),
});

const DistrictPot = builder.objectRef<RoundView["pots"][number]>("RoundDistrictPot").implement({
  description: "A participatory budget's share for one district (읍면동 배분액).",
  fields: (t) => ({
    district: t.field({ type: Named, resolve: (p) => p.district }),
    amountKrw: t.float({ description: "In KRW.", resolve: (p) => p.amountKrw }),
  }),
});

type AffiliationRuleView = NonNullable<EligibilityView["affiliation"]>;
const AffiliationRule = builder.objectRef<AffiliationRuleView>("RoundAffiliationRule").implement({
  fields: (t) => ({
    kinds: t.field({ type: [AffiliationKind], nullable: true, resolve: (a) => a.kinds ?? null }),
    districtIds: t.idList({ nullable: true, description: "Empty = anywhere in the city.", resolve: (a) => a.districtIds ?? null }),
    requireConfirmation: t.boolean({ nullable: true, resolve: (a) => a.requireConfirmation ?? null }),
    minResidenceMonths: t.int({
      nullable: true,
      description:
        "A residence counts once lived in this many full months (from a move-in date the provider reported or a moderator confirmed).",
      resolve: (a) => a.minResidenceMonths ?? null,
    }),
  }),
});

const RoundEligibility = builder.objectRef<EligibilityView>("RoundEligibility").implement({
  description: "The round's own eligibility rules; a null field falls back to the city's rule.",
  fields: (t) => ({
    requireVerified: t.boolean({ nullable: true, resolve: (e) => e.requireVerified ?? null }),
    minAge: t.int({ nullable: true, resolve: (e) => e.minAge ?? null }),
    maxAge: t.int({
      nullable: true,
      description: "Highest age (만 나이), inclusive: e.g. 24 for a youth round.",
      resolve: (e) => e.maxAge ?? null,
    }),
    openToAnyone: t.boolean({
      description: "True when the round drops the affiliation rule: anyone may take part wherever they live, work or study.",
      resolve: (e) => e.affiliation === null,
    }),
    affiliation: t.field({ type: AffiliationRule, nullable: true, resolve: (e) => e.affiliation ?? null }),
    excludedGroups: t.stringList({ nullable: true, resolve: (e) => e.excludedGroups ?? null }),
  }),
});

const RoundViewerCan = builder.objectRef<DomainRoundViewerCan>("RoundViewerCan").implement({
  description:
    "What the viewer can do on the round now, decided by the domain (the phase, suspension, eligibility, roles); the writes still check.",
  fields: (t) => ({
    submit: t.exposeBoolean("submit", { description: "Submit a proposal into the round." }),
    comment: t.exposeBoolean("comment", { description: "Write in the round's own debate (false while it is locked)." }),
    vote: t.exposeBoolean("vote", { description: "Cast a ballot." }),
    score: t.exposeBoolean("score", { description: "Score entries, as a committee member." }),
    review: t.exposeBoolean("review", { description: "Record feasibility reviews, as a department officer or a moderator." }),
    moderate: t.exposeBoolean("moderate", { description: "Run the round and moderate its debate." }),
    reasons: t.stringList({
      description:
        "Why the viewer cannot take part in what the phase offers citizens (sign-in, suspension, eligibility), one sentence each in the caller's language; empty when they can.",
      resolve: (v, _a, ctx) => v.reasons.map((r) => translate(ctx.lng, r.key, localizeParams(r.params, ctx.lng))),
    }),
  }),
});

export const Round = builder.objectRef<RoundView>("Round").implement({
  description: "A process with a beginning and an end (공모전, 주민참여예산, 공론장, 정책장터), run in ordered phases.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: RoundKind, resolve: (r) => r.kind }),
    title: t.exposeString("title"),
    description: t.exposeString("description", { description: "Markdown source." }),
    descriptionHtml: t.exposeString("descriptionHtml", { description: "Rendered and sanitized." }),
    district: t.field({ type: Named, nullable: true, description: "Null for a city-wide round.", resolve: (r) => r.district }),
    budgetCapKrw: t.float({
      nullable: true,
      description: "Budget cap in KRW (Float: amounts exceed 32-bit integers).",
      resolve: (r) => r.budgetCapKrw,
    }),
    pots: t.field({ type: [DistrictPot], resolve: (r) => r.pots }),
    eligibility: t.field({
      type: RoundEligibility,
      nullable: true,
      description: "Null = the city's rules.",
      resolve: (r) => r.eligibility,
    }),
    published: t.exposeBoolean("published"),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    stage: t.field({ type: RoundStage, resolve: (r) => r.stage.toUpperCase() as "DRAFT" }),
    phases: t.field({ type: [RoundPhase], resolve: (r) => r.phases }),
    currentPhase: t.field({ type: RoundPhase, nullable: true, resolve: (r) => r.currentPhase }),
    settingsLocked: t.exposeBoolean("settingsLocked", {
      description: "True once a voting phase has begun: settings, phases, rubric and entries no longer change.",
    }),
    votingStartedAt: t.expose("votingStartedAt", { type: "DateTime", nullable: true }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    commentsLocked: t.exposeBoolean("commentsLocked"),
    criteria: t.field({ type: [RoundCriterion], resolve: (r) => r.criteria }),
    entryCount: t.exposeInt("entryCount", { description: "Entries that were not withdrawn." }),
    commentCount: t.exposeInt("commentCount", { description: "Visible comments in the round's own debate." }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    viewerCan: t.field({
      type: RoundViewerCan,
      description: "What the viewer can do on this round now, and why not.",
      resolve: (r, _a, ctx) => callDomain(ctx, () => ctx.loaders.roundViewerCan.load(r)),
    }),
  }),
});

const PhaseChange = builder.objectRef<PhaseChangeView>("RoundPhaseChange").implement({
  description: "One change of a round's phase, by schedule or by a moderator's override.",
  fields: (t) => ({
    id: t.exposeID("id"),
    from: t.field({ type: RoundPhase, nullable: true, description: "Null before the first phase.", resolve: (c) => c.from }),
    to: t.field({ type: RoundPhase, nullable: true, description: "Null between phases and at the end.", resolve: (c) => c.to }),
    cause: t.field({ type: PhaseChangeCause, resolve: (c) => c.cause }),
    reason: t.exposeString("reason", { nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

// ---- Queries ----

builder.queryFields((t) => ({
  rounds: t.field({
    type: [Round],
    authScopes: { public: true },
    description: "Published rounds, newest first (at most 100). Moderators may include drafts.",
    args: { includeDrafts: t.arg.boolean({ required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.rounds.list(ctx.viewer, { includeDrafts: args.includeDrafts ?? false })),
  }),
  round: t.field({
    type: Round,
    authScopes: { public: true },
    description: "One round. Unknown ids and other people's drafts give NOT_FOUND.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.rounds.get(ctx.viewer, args.id)),
  }),
  roundHistory: t.field({
    type: [PhaseChange],
    authScopes: { public: true },
    description: "Every phase change of a round, oldest first.",
    args: { roundId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.rounds.history(ctx.viewer, args.roundId)),
  }),
}));
