// Rounds over the API: rounds and their phases, entries, feasibility reviews, committee
// scores, the phase history and deliberation quality. Scopes refuse early; the domain
// (app/domain/rounds) decides, exactly as for the web.
import { PHASE_ACTIONS } from "../../app/domain/rounds/phase-machine.ts";
import type { DeliberationQuality as Quality } from "../../app/domain/rounds/quality.ts";
import type { QualityService } from "../../app/domain/rounds/quality.service.server.ts";
import { ENTRY_STATUSES, ROUND_KINDS, VERDICTS, type RoundInput as DomainRoundInput } from "../../app/domain/rounds/round.schema.ts";
import type { RoundService, RoundView } from "../../app/domain/rounds/round.service.server.ts";
import type { EntryService, ScoreSummary as DomainScoreSummary } from "../../app/domain/rounds/entry.service.server.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { AffiliationKind } from "./account.ts";
import { ProposalStatus } from "./proposal.ts";

type EntryView = Awaited<ReturnType<EntryService["one"]>>;
type PhaseChangeView = Awaited<ReturnType<RoundService["history"]>>[number];
type DashboardView = Awaited<ReturnType<QualityService["dashboard"]>>;
type CandidateView = Awaited<ReturnType<EntryService["candidates"]>>[number];
type ReviewTaskView = Awaited<ReturnType<EntryService["reviewWork"]>>[number];
type PhaseView = RoundView["phases"][number];
type NamedView = { id: number; name: string; nameEn: string };
type EligibilityView = NonNullable<RoundView["eligibility"]>;

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

const EntrySource = builder.enumType("RoundEntrySource", {
  values: {
    MARKETPLACE: { description: "Passed its 공감 threshold on the board." },
    PROMOTED: { description: "Brought in by a moderator, with a reason." },
    DIRECT: { description: "Submitted into the round directly." },
  } as const,
});

export const RoundEntryStatus = builder.enumType("RoundEntryStatus", {
  description: "접수 (SUBMITTED), 본선 진출 (SHORTLISTED), 제외 (EXCLUDED) or 철회 (WITHDRAWN).",
  values: ENTRY_STATUSES,
});

const Verdict = builder.enumType("FeasibilityVerdict", {
  description: "A department's feasibility review: 실현 가능, 조건부 가능 or 실현 불가.",
  values: VERDICTS,
});

const PhaseChangeCause = builder.enumType("PhaseChangeCause", {
  values: {
    SCHEDULE: { description: "The schedule moved the round on by itself." },
    OVERRIDE: { description: "A moderator moved the round, with a reason." },
  } as const,
});

// ---- Objects ----

const Named = builder.objectRef<NamedView>("NamedRef").implement({
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
  }),
});

const RoundEligibility = builder.objectRef<EligibilityView>("RoundEligibility").implement({
  description: "The round's own eligibility rules; a null field falls back to the city's rule.",
  fields: (t) => ({
    requireVerified: t.boolean({ nullable: true, resolve: (e) => e.requireVerified ?? null }),
    minAge: t.int({ nullable: true, resolve: (e) => e.minAge ?? null }),
    openToAnyone: t.boolean({
      description: "True when the round drops the affiliation rule: anyone may take part wherever they live, work or study.",
      resolve: (e) => e.affiliation === null,
    }),
    affiliation: t.field({ type: AffiliationRule, nullable: true, resolve: (e) => e.affiliation ?? null }),
    excludedGroups: t.stringList({ nullable: true, resolve: (e) => e.excludedGroups ?? null }),
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
    budgetCapKrw: t.float({ nullable: true, description: "Budget cap in KRW (Float: amounts exceed 32-bit integers).", resolve: (r) => r.budgetCapKrw }),
    pots: t.field({ type: [DistrictPot], resolve: (r) => r.pots }),
    eligibility: t.field({ type: RoundEligibility, nullable: true, description: "Null = the city's rules.", resolve: (r) => r.eligibility }),
    published: t.exposeBoolean("published"),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    stage: t.field({ type: RoundStage, resolve: (r) => r.stage.toUpperCase() as "DRAFT" }),
    phases: t.field({ type: [RoundPhase], resolve: (r) => r.phases }),
    currentPhase: t.field({ type: RoundPhase, nullable: true, resolve: (r) => r.currentPhase }),
    settingsLocked: t.exposeBoolean("settingsLocked", { description: "True once a voting phase has begun: settings, phases, rubric and entries no longer change." }),
    votingStartedAt: t.expose("votingStartedAt", { type: "DateTime", nullable: true }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    commentsLocked: t.exposeBoolean("commentsLocked"),
    criteria: t.field({ type: [RoundCriterion], resolve: (r) => r.criteria }),
    entryCount: t.exposeInt("entryCount", { description: "Entries that were not withdrawn." }),
    commentCount: t.exposeInt("commentCount", { description: "Visible comments in the round's own debate." }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
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

const EntryProposal = builder.objectRef<EntryView["proposal"]>("RoundEntryProposal").implement({
  description: "The proposal behind an entry, in brief (the full proposal is `proposal(id)`).",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    authorName: t.exposeString("authorName"),
    district: t.field({ type: Named, nullable: true, resolve: (p) => p.district }),
    category: t.field({ type: Named, resolve: (p) => p.category }),
    estimatedCostKrw: t.float({ nullable: true, description: "The proposer's estimate in KRW.", resolve: (p) => p.estimatedCostKrw }),
    supportCount: t.exposeInt("supportCount"),
    commentCount: t.exposeInt("commentCount"),
  }),
});

const EntryReview = builder.objectRef<NonNullable<EntryView["review"]>>("EntryReview").implement({
  description: "A department's feasibility review of an entry.",
  fields: (t) => ({
    verdict: t.field({ type: Verdict, resolve: (r) => r.verdict }),
    reasons: t.exposeString("reasons"),
    adjustedCostKrw: t.float({ nullable: true, description: "The department's cost in KRW, when it differs from the estimate.", resolve: (r) => r.adjustedCostKrw }),
    reviewerName: t.string({ resolve: (r) => r.reviewer }),
    departmentName: t.string({ nullable: true, description: "The department that reviewed (Korean name).", resolve: (r) => r.department?.name ?? null }),
    departmentNameEn: t.string({ nullable: true, resolve: (r) => r.department?.nameEn ?? null }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const CriterionAverage = builder.objectRef<DomainScoreSummary["byCriterion"][number]>("CriterionAverage").implement({
  fields: (t) => ({
    criterionId: t.exposeID("criterionId"),
    average: t.exposeFloat("average", { nullable: true }),
  }),
});

const ScoreSummary = builder.objectRef<DomainScoreSummary>("ScoreSummary").implement({
  description: "Committee scores of an entry: only complete score sheets count.",
  fields: (t) => ({
    scorers: t.exposeInt("scorers", { description: "Committee members who scored every criterion." }),
    average: t.exposeFloat("average", { nullable: true, description: "Average total; null until someone scored." }),
    byCriterion: t.field({ type: [CriterionAverage], resolve: (s) => s.byCriterion }),
  }),
});

const CriterionScore = builder.objectRef<EntryView["myScores"][number]>("CriterionScore").implement({
  fields: (t) => ({ criterionId: t.exposeID("criterionId"), points: t.exposeInt("points") }),
});

export const RoundEntry = builder.objectRef<EntryView>("RoundEntry").implement({
  description: "A proposal taking part in a round.",
  fields: (t) => ({
    id: t.exposeID("id"),
    roundId: t.exposeID("roundId"),
    source: t.field({ type: EntrySource, resolve: (e) => e.source }),
    status: t.field({ type: RoundEntryStatus, resolve: (e) => e.status }),
    reason: t.exposeString("reason", { nullable: true, description: "Why a moderator promoted or excluded it." }),
    department: t.field({ type: Named, nullable: true, description: "The department that reviews its feasibility.", resolve: (e) => e.department }),
    proposal: t.field({ type: EntryProposal, resolve: (e) => e.proposal }),
    review: t.field({ type: EntryReview, nullable: true, resolve: (e) => e.review }),
    costKrw: t.float({ nullable: true, description: "The cost that counts against the budget: the reviewed cost if any, else the estimate.", resolve: (e) => e.costKrw }),
    scores: t.field({
      type: ScoreSummary,
      nullable: true,
      description: "Sealed (null) until a results phase begins, except for moderators.",
      resolve: (e) => e.scores,
    }),
    myScores: t.field({ type: [CriterionScore], description: "The viewer's own score sheet (committee members).", resolve: (e) => e.myScores }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    statusChangedAt: t.expose("statusChangedAt", { type: "DateTime", nullable: true }),
  }),
});

const ReviewTask = builder.objectRef<ReviewTaskView>("ReviewTask").implement({
  description: "An entry waiting for review or scoring, in a round now in a review phase.",
  fields: (t) => ({
    roundTitle: t.exposeString("roundTitle"),
    entry: t.field({ type: RoundEntry, resolve: (e) => e }),
  }),
});

const RoundCandidate = builder.objectRef<CandidateView>("RoundCandidate").implement({
  description: "A board proposal a moderator can bring into the round.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    status: t.field({ type: ProposalStatus, resolve: (p) => p.status }),
    supportCount: t.int({ resolve: (p) => p._count.supports }),
  }),
});

const StanceBalance = builder.objectRef<Quality["stance"]>("StanceBalance").implement({
  fields: (t) => ({ pro: t.exposeInt("pro"), con: t.exposeInt("con"), neutral: t.exposeInt("neutral") }),
});

const DistrictParticipation = builder.objectRef<Quality["districts"]["perDistrict"][number]>("DistrictParticipation").implement({
  fields: (t) => ({
    district: t.field({ type: Named, resolve: (d) => d.district }),
    participants: t.exposeInt("participants"),
    comments: t.exposeInt("comments"),
  }),
});

const DistrictReach = builder.objectRef<Quality["districts"]>("DistrictReach").implement({
  fields: (t) => ({
    total: t.exposeInt("total", { description: "The city's districts." }),
    reached: t.exposeInt("reached", { description: "Districts with at least one participant." }),
    reachedShare: t.exposeFloat("reachedShare", { nullable: true }),
    evenness: t.exposeFloat("evenness", { nullable: true, description: "0–1: 1 = every district equally present, 0 = everyone from one district." }),
    unknownParticipants: t.exposeInt("unknownParticipants", { description: "Participants without a known home district." }),
    perDistrict: t.field({ type: [DistrictParticipation], resolve: (d) => d.perDistrict }),
  }),
});

const DeliberationQuality = builder.objectRef<Quality>("DeliberationQuality").implement({
  description: "How good the debate is (docs/deliberation-quality.md): two-sided, reasoned, answering the other side, city-wide.",
  fields: (t) => ({
    commentCount: t.exposeInt("commentCount"),
    participantCount: t.exposeInt("participantCount"),
    stance: t.field({ type: StanceBalance, resolve: (q) => q.stance }),
    proConBalance: t.exposeFloat("proConBalance", { nullable: true, description: "min(찬성, 반대) / max(찬성, 반대); null without stances." }),
    reasonedShare: t.exposeFloat("reasonedShare", { nullable: true, description: "Share of comments that give a reason or a source." }),
    crossStanceReplyShare: t.exposeFloat("crossStanceReplyShare", { nullable: true, description: "Share of replies answering the opposite stance." }),
    districts: t.field({ type: DistrictReach, resolve: (q) => q.districts }),
  }),
});

const EntryCounts = builder.objectRef<DashboardView["entries"]>("RoundEntryCounts").implement({
  fields: (t) => ({
    submitted: t.exposeInt("submitted"),
    shortlisted: t.exposeInt("shortlisted"),
    excluded: t.exposeInt("excluded"),
    withdrawn: t.exposeInt("withdrawn"),
  }),
});

const DayActivity = builder.objectRef<DashboardView["activityByDay"][number]>("RoundDayActivity").implement({
  fields: (t) => ({
    day: t.exposeString("day", { description: "A date in Korea (YYYY-MM-DD, KST)." }),
    comments: t.exposeInt("comments"),
  }),
});

const RoundDashboard = builder.objectRef<DashboardView>("RoundDashboard").implement({
  description: "A round at a glance, for moderators.",
  fields: (t) => ({
    round: t.field({ type: Round, resolve: (d) => d.round }),
    quality: t.field({ type: DeliberationQuality, resolve: (d) => d.quality }),
    entries: t.field({ type: EntryCounts, resolve: (d) => d.entries }),
    reviewed: t.exposeInt("reviewed", { description: "Entries with a feasibility review." }),
    scoreSheets: t.exposeInt("scoreSheets", { description: "Score sheets handed in (entry × committee member)." }),
    openReports: t.exposeInt("openReports"),
    activityByDay: t.field({ type: [DayActivity], resolve: (d) => d.activityByDay }),
  }),
});

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
  }),
});

const RoundEligibilityInput = builder.inputType("RoundEligibilityInput", {
  description: "The round's own rules; an omitted field keeps the city's rule.",
  fields: (t) => ({
    requireVerified: t.boolean({ required: false }),
    minAge: t.int({ required: false }),
    affiliation: t.field({ type: RoundAffiliationRuleInput, required: false, description: "Null = anyone may take part; omitted = the city's rule." }),
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
    criteria: t.field({ type: [RoundCriterionInput], required: false, description: "Omit on create for the default rubric; on update, to keep it." }),
  }),
});

const SubmitRoundEntryInput = builder.inputType("SubmitRoundEntryInput", {
  description: "A new proposal submitted straight into a round (the same fields as createProposal).",
  fields: (t) => ({
    title: t.string({ required: true }),
    body: t.string({ required: true, description: "Plain text; separate paragraphs with a blank line." }),
    categoryId: t.id({ required: true }),
    districtId: t.id({ required: false, description: "Omit for a city-wide proposal; a district round sets its own district." }),
    estimatedCost: t.float({ required: false, description: "Estimated cost in KRW." }),
    tags: t.stringList({ required: false, description: "Up to 5 tags of 1–20 characters." }),
    latitude: t.float({ required: false, description: "Map point in Korea (33–39); give both or neither." }),
    longitude: t.float({ required: false, description: "Map point in Korea (124–132)." }),
  }),
});

const CriterionScoreInput = builder.inputType("CriterionScoreInput", {
  fields: (t) => ({ criterionId: t.id({ required: true }), points: t.int({ required: true }) }),
});

/** GraphQL gives null for "not given"; the domain's schemas expect undefined there. */
const given = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

function toRoundInput(input: typeof RoundInput.$inferInput): DomainRoundInput {
  const e = input.eligibility;
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    districtId: given(input.districtId),
    budgetCapKrw: given(input.budgetCapKrw),
    pots: given(input.pots)?.map((p) => ({ districtId: Number(p.districtId), amountKrw: p.amountKrw })),
    eligibility: e
      ? {
          requireVerified: given(e.requireVerified),
          minAge: given(e.minAge),
          // Explicit null means "anyone"; absent means "the city's rule".
          affiliation:
            e.affiliation === null
              ? null
              : e.affiliation === undefined
                ? undefined
                : { kinds: e.affiliation.kinds, districtIds: given(e.affiliation.districtIds), requireConfirmation: given(e.affiliation.requireConfirmation) },
          excludedGroups: given(e.excludedGroups),
        }
      : undefined,
    phases: input.phases.map((p) => ({ name: p.name, nameEn: given(p.nameEn), startsAt: p.startsAt, endsAt: p.endsAt, allows: given(p.allows) })),
    criteria: given(input.criteria)?.map((c) => ({ name: c.name, nameEn: given(c.nameEn), maxPoints: c.maxPoints })),
  };
}

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
  roundEntries: t.field({
    type: [RoundEntry],
    authScopes: { public: true },
    description: "A round's entries, ranked by committee score where visible, else by 공감. Withdrawn ones for moderators only.",
    args: { roundId: t.arg.id({ required: true }), status: t.arg({ type: RoundEntryStatus, required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.list(ctx.viewer, args.roundId, { status: args.status ?? undefined })),
  }),
  roundHistory: t.field({
    type: [PhaseChange],
    authScopes: { public: true },
    description: "Every phase change of a round, oldest first.",
    args: { roundId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.rounds.history(ctx.viewer, args.roundId)),
  }),
  roundQuality: t.field({
    type: DeliberationQuality,
    authScopes: { public: true },
    description: "Deliberation quality of the round's debate and its entries' debates.",
    args: { roundId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.quality.forRound(ctx.viewer, args.roundId)),
  }),
  roundDashboard: t.field({
    type: RoundDashboard,
    authScopes: { moderator: true },
    args: { roundId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.quality.dashboard(ctx.viewer, args.roundId)),
  }),
  roundCandidates: t.field({
    type: [RoundCandidate],
    authScopes: { moderator: true },
    description: "Board proposals that passed their threshold, in the round's scope and not yet in it.",
    args: { roundId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.candidates(ctx.viewer, args.roundId)),
  }),
  reviewWork: t.field({
    type: [ReviewTask],
    authScopes: { loggedIn: true },
    description: "Officers: their department's entries to review; committee members and moderators: every entry in a review phase.",
    resolve: (_r, _a, ctx) => callDomain(ctx, () => ctx.domain.entries.reviewWork(ctx.viewer)),
  }),
}));

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
        await ctx.domain.rounds.lockDebate(ctx.viewer, args.roundId, args.locked, args.reason ?? undefined);
        return ctx.domain.rounds.get(ctx.viewer, args.roundId);
      }),
  }),
  addRoundEntry: t.field({
    type: RoundEntry,
    authScopes: { moderator: true },
    description: "Brings a board proposal into the round; one that has not passed its threshold needs a reason.",
    args: { roundId: t.arg.id({ required: true }), proposalId: t.arg.id({ required: true }), reason: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.add(ctx.viewer, { ...args, reason: args.reason ?? undefined })),
  }),
  submitRoundEntry: t.field({
    type: RoundEntry,
    authScopes: { loggedIn: true },
    description: "Submits a new proposal into the round while its phase allows submissions. Needs a person eligible under the round's rules.",
    args: { roundId: t.arg.id({ required: true }), input: t.arg({ type: SubmitRoundEntryInput, required: true }) },
    resolve: (_r, { roundId, input }, ctx) =>
      callDomain(ctx, () =>
        ctx.domain.entries.submit(ctx.viewer, roundId, {
          title: input.title,
          body: input.body,
          categoryId: input.categoryId,
          districtId: given(input.districtId),
          estimatedCostKrw: given(input.estimatedCost),
          tags: given(input.tags),
          latitude: given(input.latitude),
          longitude: given(input.longitude),
        }),
      ),
  }),
  withdrawRoundEntry: t.field({
    type: RoundEntry,
    authScopes: { loggedIn: true },
    description: "The proposer withdraws their entry while submissions are open.",
    args: { entryId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.withdraw(ctx.viewer, args.entryId)),
  }),
  setRoundEntryStatus: t.field({
    type: RoundEntry,
    authScopes: { moderator: true },
    description: "Shortlists, excludes (with a reason) or returns an entry to submitted.",
    args: { entryId: t.arg.id({ required: true }), status: t.arg({ type: RoundEntryStatus, required: true }), reason: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.setStatus(ctx.viewer, { ...args, reason: args.reason ?? undefined })),
  }),
  assignRoundEntry: t.field({
    type: RoundEntry,
    authScopes: { moderator: true },
    description: "Chooses the department that reviews the entry's feasibility.",
    args: { entryId: t.arg.id({ required: true }), departmentId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.assign(ctx.viewer, args)),
  }),
  reviewRoundEntry: t.field({
    type: RoundEntry,
    authScopes: { loggedIn: true },
    description: "The reviewing department's officer (or a moderator) records feasibility, while the phase allows review.",
    args: {
      entryId: t.arg.id({ required: true }),
      verdict: t.arg({ type: Verdict, required: true }),
      reasons: t.arg.string({ required: true }),
      adjustedCostKrw: t.arg.float({ required: false }),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.review(ctx.viewer, { ...args, adjustedCostKrw: given(args.adjustedCostKrw) })),
  }),
  scoreRoundEntry: t.field({
    type: RoundEntry,
    authScopes: { loggedIn: true },
    description: "A committee member scores every criterion of the rubric, while the phase allows review. Others get FORBIDDEN.",
    args: { entryId: t.arg.id({ required: true }), scores: t.arg({ type: [CriterionScoreInput], required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.score(ctx.viewer, args)),
  }),
}));
