// Duplicates over the API: similar titles while typing, merging duplicates (moderators) and
// the repeated-matter board (다량민원). Scopes refuse early; the domain decides.
import type {
  MergedProposal as DomainMergedProposal,
  MergeResult as DomainMergeResult,
  RepeatedGroup,
} from "../../app/domain/proposals/merge.service.server.ts";
import type { SimilarProposal as DomainSimilarProposal } from "../../app/domain/search/search.service.server.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { Proposal, ProposalStatus } from "./proposal.ts";

const SimilarProposal = builder.objectRef<DomainSimilarProposal>("SimilarProposal").implement({
  description: "An existing proposal whose title looks like the one being typed.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    status: t.field({ type: ProposalStatus, resolve: (p) => p.status }),
    supportCount: t.exposeInt("supportCount"),
    score: t.exposeFloat("score", { description: "Title similarity from 0 to 1 (Dice coefficient of character bigrams)." }),
    viaMergedId: t.exposeID("viaMergedId", {
      nullable: true,
      description: "Set when the title matched a proposal merged into this one: that proposal's id.",
    }),
  }),
});

const MergedProposal = builder.objectRef<DomainMergedProposal>("MergedProposal").implement({
  description: "A proposal merged into another one on the same matter.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    authorName: t.exposeString("authorName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    mergedAt: t.expose("mergedAt", { type: "DateTime", nullable: true }),
  }),
});

const RepeatedProposalGroup = builder.objectRef<RepeatedGroup>("RepeatedProposalGroup").implement({
  description: "A matter filed three or more times (다량민원): a proposal and the duplicates merged into it.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The proposal the duplicates were merged into." }),
    title: t.exposeString("title"),
    status: t.field({ type: ProposalStatus, resolve: (g) => g.status }),
    supportCount: t.exposeInt("supportCount"),
    mergedCount: t.exposeInt("mergedCount", { description: "How many proposals were merged into it." }),
    lastMergedAt: t.expose("lastMergedAt", { type: "DateTime", nullable: true }),
    merged: t.field({ type: [MergedProposal], resolve: (g) => g.merged }),
    proposal: t.field({
      type: Proposal,
      description: "The proposal itself, with every detail.",
      resolve: (g, _a, ctx) => callDomain(ctx, () => ctx.domain.proposals.get(ctx.viewer, g.id)),
    }),
  }),
});

const MergeResult = builder.objectRef<DomainMergeResult>("MergeResult").implement({
  fields: (t) => ({
    sourceId: t.exposeID("sourceId"),
    targetId: t.exposeID("targetId"),
    supportCount: t.exposeInt("supportCount", { description: "The target's 공감 after the merge, counted from rows." }),
    targetStatus: t.field({ type: ProposalStatus, resolve: (r) => r.targetStatus }),
    carriedSupports: t.exposeInt("carriedSupports", { description: "공감 moved from the source to the target." }),
    alreadyCounted: t.exposeInt("alreadyCounted", {
      description: "Supporters of the source already counted on the target (counted once).",
    }),
    newFollowers: t.exposeInt("newFollowers"),
    target: t.field({
      type: Proposal,
      resolve: (r, _a, ctx) => callDomain(ctx, () => ctx.domain.proposals.get(ctx.viewer, r.targetId)),
    }),
  }),
});

builder.queryFields((t) => ({
  similarProposals: t.field({
    type: [SimilarProposal],
    authScopes: { public: true },
    description: 'Up to 5 existing proposals with a title like this one (for "이미 비슷한 제안이 있어요" while typing).',
    args: {
      title: t.arg.string({ required: true }),
      excludeId: t.arg.id({ required: false, description: "Leave out this proposal (the one being edited)." }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.search.similar(ctx.viewer, { title: args.title, excludeId: args.excludeId ?? undefined })),
  }),
  repeatedProposalGroups: t.field({
    type: [RepeatedProposalGroup],
    authScopes: { public: true },
    description: "Proposals that absorbed two or more merged duplicates (the repeated-matter board, 다량민원), most merges first.",
    resolve: (_r, _a, ctx) => callDomain(ctx, () => ctx.domain.merge.repeatedGroups()),
  }),
  mergedProposals: t.field({
    type: [MergedProposal],
    authScopes: { public: true },
    description: "The proposals merged into this one, oldest first.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.merge.mergedGroup(args.id)),
  }),
}));

builder.mutationFields((t) => ({
  mergeProposal: t.field({
    type: MergeResult,
    authScopes: { moderator: true },
    description:
      "Merges a duplicate (source) into another proposal (target): the source becomes MERGED, its 공감 move to the target without counting anybody twice, and its people follow the target. Moderators only.",
    args: {
      sourceId: t.arg.id({ required: true }),
      targetId: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, description: "2 to 500 letters; shown on the source's timeline and kept in the audit log." }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.merge.merge(ctx.viewer, { sourceId: args.sourceId, targetId: args.targetId, reason: args.reason })),
  }),
}));
