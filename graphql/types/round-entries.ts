// Rounds over the API: the proposals taking part in a round (entries), the departments'
// feasibility reviews and the committee's scores, with the queries and mutations on them.
import { ENTRY_STATUSES, VERDICTS } from "../../app/domain/rounds/round.schema.ts";
import type { EntryService, ScoreSummary as DomainScoreSummary } from "../../app/domain/rounds/entry.service.server.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { ProposalStatus } from "./proposal.ts";
import { given, Named } from "./round.ts";

type EntryView = Awaited<ReturnType<EntryService["one"]>>;
type CandidateView = Awaited<ReturnType<EntryService["candidates"]>>[number];
type ReviewTaskView = Awaited<ReturnType<EntryService["reviewWork"]>>[number];

// ---- Enums ----

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

// ---- Objects ----

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
    adjustedCostKrw: t.float({
      nullable: true,
      description: "The department's cost in KRW, when it differs from the estimate.",
      resolve: (r) => r.adjustedCostKrw,
    }),
    reviewerName: t.string({ resolve: (r) => r.reviewer }),
    departmentName: t.string({
      nullable: true,
      description: "The department that reviewed (Korean name).",
      resolve: (r) => r.department?.name ?? null,
    }),
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
    department: t.field({
      type: Named,
      nullable: true,
      description: "The department that reviews its feasibility.",
      resolve: (e) => e.department,
    }),
    proposal: t.field({ type: EntryProposal, resolve: (e) => e.proposal }),
    review: t.field({ type: EntryReview, nullable: true, resolve: (e) => e.review }),
    costKrw: t.float({
      nullable: true,
      description: "The cost that counts against the budget: the reviewed cost if any, else the estimate.",
      resolve: (e) => e.costKrw,
    }),
    scores: t.field({
      type: ScoreSummary,
      nullable: true,
      description: "Sealed (null) until a results phase begins, except for moderators.",
      resolve: (e) => e.scores,
    }),
    myScores: t.field({
      type: [CriterionScore],
      description: "The viewer's own score sheet (committee members).",
      resolve: (e) => e.myScores,
    }),
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

// ---- Inputs ----

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

// ---- Queries ----

builder.queryFields((t) => ({
  roundEntries: t.field({
    type: [RoundEntry],
    authScopes: { public: true },
    description: "A round's entries, ranked by committee score where visible, else by 공감. Withdrawn ones for moderators only.",
    args: { roundId: t.arg.id({ required: true }), status: t.arg({ type: RoundEntryStatus, required: false }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.entries.list(ctx.viewer, args.roundId, { status: args.status ?? undefined })),
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
    description:
      "Submits a new proposal into the round while its phase allows submissions. Needs a person eligible under the round's rules.",
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
    args: {
      entryId: t.arg.id({ required: true }),
      status: t.arg({ type: RoundEntryStatus, required: true }),
      reason: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.entries.setStatus(ctx.viewer, { ...args, reason: args.reason ?? undefined })),
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
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.entries.review(ctx.viewer, { ...args, adjustedCostKrw: given(args.adjustedCostKrw) })),
  }),
  scoreRoundEntry: t.field({
    type: RoundEntry,
    authScopes: { loggedIn: true },
    description: "A committee member scores every criterion of the rubric, while the phase allows review. Others get FORBIDDEN.",
    args: { entryId: t.arg.id({ required: true }), scores: t.arg({ type: [CriterionScoreInput], required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.entries.score(ctx.viewer, args)),
  }),
}));
