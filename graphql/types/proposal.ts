// Proposals over the API, in three modules joined on the one builder (graphql/schema.ts
// imports them all):
// - proposal.ts (this file): the Proposal type with its summary fields (what a list row
//   has), its comments, and the queries: the board (a connection), one proposal, the viewer's own;
// - proposal-detail.ts: the detail-only fields (answers, timeline, viewerCan …), batched per request;
// - proposal-mutations.ts: proposing, drafts, editing, updates and 공감.
import { MAX_PAGE_SIZE } from "../../app/domain/proposals/proposal.schema.ts";
import { PROPOSAL_STATUSES, type ProposalSort as DomainSort, type ProposalSummary } from "../../app/domain/proposals/proposal.types.ts";
import type { CommentEntry } from "../../app/domain/debate/comment-reads.server.ts";
import { builder } from "../builder.ts";
import { connectionPage, connectionWindow } from "../connection.ts";
import { callDomain } from "../errors.ts";
import { Category, District } from "./catalog.ts";

export const ProposalStatus = builder.enumType("ProposalStatus", {
  description: "Where a proposal stands in its public lifecycle.",
  values: PROPOSAL_STATUSES,
});

export const Stance = builder.enumType("Stance", {
  description: "A comment's stance: 찬성 (PRO), 반대 (CON) or 중립 (NEUTRAL).",
  values: ["PRO", "CON", "NEUTRAL"] as const,
});

const SORTS: Record<string, DomainSort> = {
  SUPPORT: "support",
  NEWEST: "newest",
  CLOSING: "closing",
  COMMENTS: "comments",
  VIEWS: "views",
};
export const ProposalSort = builder.enumType("ProposalSort", {
  values: {
    SUPPORT: { description: "Most 공감 first." },
    NEWEST: { description: "Most recently opened first." },
    CLOSING: { description: "Still open for 공감, soonest deadline first." },
    COMMENTS: { description: "Most comments first." },
    VIEWS: { description: "Most viewed first." },
  } as const,
});

const Person = builder.objectRef<{ id: number; displayName: string }>("Person").implement({
  fields: (t) => ({ id: t.exposeID("id"), displayName: t.exposeString("displayName") }),
});

const StanceTally = builder.objectRef<ProposalSummary["stance"]>("StanceTally").implement({
  description: "How many comments take each stance.",
  fields: (t) => ({ pro: t.exposeInt("pro"), con: t.exposeInt("con"), neutral: t.exposeInt("neutral") }),
});

const Comment = builder.objectRef<CommentEntry>("Comment").implement({
  description: "A comment under a proposal, as its debate shows it to the viewer.",
  fields: (t) => ({
    id: t.exposeID("id"),
    parentId: t.exposeID("parentId", { nullable: true }),
    author: t.field({ type: Person, resolve: (c) => c.author }),
    stance: t.field({ type: Stance, resolve: (c) => c.stance }),
    body: t.exposeString("body", {
      description:
        "Markdown source as written; empty when a moderator hid it, and while it is held for review to all but its author and moderators.",
    }),
    hiddenReason: t.string({
      nullable: true,
      description: "Why a moderator hid it; null when shown.",
      resolve: (c) => c.hidden?.reason ?? null,
    }),
    held: t.exposeBoolean("held", { description: "Held for review (seen by its author and moderators only)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    editedAt: t.expose("editedAt", { type: "DateTime", nullable: true }),
  }),
});

export const Proposal = builder.objectRef<ProposalSummary>("Proposal").implement({
  description: "A citizen's policy proposal (정책제안).",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    body: t.exposeString("body", { description: "Markdown source as the proposer wrote it." }),
    excerpt: t.exposeString("excerpt"),
    status: t.field({ type: ProposalStatus, resolve: (p) => p.status }),
    category: t.field({ type: Category, resolve: (p) => p.category }),
    district: t.field({
      type: District,
      nullable: true,
      description: "Null for a city-wide proposal.",
      resolve: (p) => p.district as never,
    }),
    author: t.field({ type: Person, resolve: (p) => p.author }),
    estimatedCost: t.float({ nullable: true, description: "Estimated cost in KRW.", resolve: (p) => p.estimatedCostKrw }),
    supportCount: t.exposeInt("supportCount", { description: "공감 given, counted from individual supports." }),
    supportThreshold: t.exposeInt("supportThreshold"),
    commentCount: t.exposeInt("commentCount"),
    viewCount: t.exposeInt("viewCount"),
    stance: t.field({ type: StanceTally, resolve: (p) => p.stance }),
    openedAt: t.expose("openedAt", { type: "DateTime" }),
    closesAt: t.expose("closesAt", { type: "DateTime", description: "End of the 공감 window." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    isOpenForSupport: t.exposeBoolean("isOpenForSupport"),
    viewerHasSupported: t.exposeBoolean("viewerHasSupported"),
    comments: t.field({
      type: [Comment],
      description: "Oldest first, under the debate's rules (the comment service reads them).",
      resolve: (p, _a, ctx) => callDomain(ctx, () => ctx.domain.comments.ofProposal(ctx.viewer, p.id)),
    }),
    viewerFollows: t.boolean({ resolve: (p, _a, ctx) => ctx.domain.notifications.isFollowing(ctx.viewer, p.id) }),
  }),
});

const ProposalFilter = builder.inputType("ProposalFilter", {
  fields: (t) => ({
    q: t.string({ required: false, description: "Search words; Korean two-letter words and parts of words match." }),
    districtId: t.id({ required: false }),
    cityWide: t.boolean({ required: false, description: "Only city-wide proposals." }),
    categoryId: t.id({ required: false }),
    status: t.field({ type: ProposalStatus, required: false }),
  }),
});

builder.queryField("myProposals", (t) =>
  t.field({
    type: [Proposal],
    authScopes: { loggedIn: true },
    description: "The viewer's own proposals in every stage, drafts included.",
    resolve: (_root, _args, ctx) => callDomain(ctx, () => ctx.domain.proposals.mine(ctx.viewer)),
  }),
);

builder.queryFields((t) => ({
  proposals: t.connection(
    {
      type: Proposal,
      authScopes: { public: true },
      description: `Proposals, filtered and sorted; at most ${MAX_PAGE_SIZE} per page.`,
      args: {
        filter: t.arg({ type: ProposalFilter, required: false }),
        sort: t.arg({ type: ProposalSort, required: false, defaultValue: "SUPPORT" }),
      },
      resolve: (_root, args, ctx) =>
        callDomain(ctx, async () => {
          const window = connectionWindow(args, { defaultSize: 12, maxSize: MAX_PAGE_SIZE });
          const page = await ctx.domain.proposals.list(ctx.viewer, {
            q: args.filter?.q ?? undefined,
            districtId: args.filter?.districtId ?? undefined,
            cityWide: args.filter?.cityWide ?? undefined,
            categoryId: args.filter?.categoryId ?? undefined,
            status: args.filter?.status ?? undefined,
            sort: SORTS[args.sort ?? "SUPPORT"],
            offset: window.offset,
            // An empty window (after ≥ before) still answers totalCount.
            limit: Math.max(1, window.limit),
          });
          return connectionPage(window, page.items, page.totalCount);
        }),
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount }),
      }),
    },
  ),
  proposal: t.field({
    type: Proposal,
    nullable: true,
    authScopes: { public: true },
    args: { id: t.arg.id({ required: true }) },
    description: "One proposal. An unknown id gives a NOT_FOUND error.",
    resolve: (_root, args, ctx) => callDomain(ctx, () => ctx.domain.proposals.get(ctx.viewer, args.id)),
  }),
}));
