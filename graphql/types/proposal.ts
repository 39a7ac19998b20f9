import { cursorToOffset, offsetToCursor } from "@pothos/plugin-relay";
import { MAX_PAGE_SIZE } from "../../app/domain/proposals/proposal.schema.ts";
import {
  PROPOSAL_STATUSES,
  type ProposalDetail,
  type ProposalSort as DomainSort,
  type ProposalSummary,
  type SupportResult as DomainSupportResult,
} from "../../app/domain/proposals/proposal.types.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { callDomain } from "../errors.ts";
import { Category, Department, District } from "./catalog.ts";

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

const TimelineEntry = builder.objectRef<ProposalDetail["timeline"][number]>("TimelineEntry").implement({
  fields: (t) => ({
    status: t.field({ type: ProposalStatus, resolve: (e) => e.status }),
    note: t.exposeString("note", { nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

const Comment = builder.objectRef<ProposalDetail["comments"][number]>("Comment").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    parentId: t.exposeID("parentId", { nullable: true }),
    author: t.field({ type: Person, resolve: (c) => c.author }),
    stance: t.field({ type: Stance, resolve: (c) => c.stance }),
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** Detail-only fields: loaded once per proposal and request when a list item asks for them. */
function detailOf(p: ProposalSummary, ctx: GraphQLContext): Promise<ProposalDetail> {
  if ("timeline" in p) return Promise.resolve(p as ProposalDetail);
  const cache = ((ctx as { detailCache?: Map<number, Promise<ProposalDetail>> }).detailCache ??= new Map());
  let detail = cache.get(p.id);
  if (!detail) {
    detail = callDomain(ctx, () => ctx.domain.proposals.get(ctx.viewer, p.id));
    cache.set(p.id, detail);
  }
  return detail;
}

export const Proposal = builder.objectRef<ProposalSummary>("Proposal").implement({
  description: "A citizen's policy proposal (정책제안).",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    body: t.exposeString("body", { description: "Markdown source as the proposer wrote it." }),
    excerpt: t.exposeString("excerpt"),
    bodyHtml: t.string({
      description: "The body as sanitized HTML (markdown rendered, scripts and event handlers removed).",
      resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).bodyHtml,
    }),
    status: t.field({ type: ProposalStatus, resolve: (p) => p.status }),
    category: t.field({ type: Category, resolve: (p) => p.category }),
    district: t.field({ type: District, nullable: true, description: "Null for a city-wide proposal.", resolve: (p) => p.district as never }),
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
    department: t.field({
      type: Department,
      nullable: true,
      resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).department,
    }),
    timeline: t.field({ type: [TimelineEntry], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).timeline }),
    comments: t.field({ type: [Comment], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).comments }),
    answerDueAt: t.field({ type: "DateTime", nullable: true, resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).answerDueAt }),
    answerOverdue: t.boolean({ resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).answerOverdueAt !== null }),
    answers: t.field({ type: [ProposalAnswer], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).answers }),
    milestones: t.field({ type: [Milestone], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).milestones }),
    mergedIntoId: t.id({ nullable: true, resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).mergedInto?.id ?? null }),
    viewerFollows: t.boolean({ resolve: (p, _a, ctx) => ctx.domain.notifications.isFollowing(ctx.viewer, p.id) }),
    tags: t.stringList({ description: "Up to 5 short tags.", resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).tags }),
    latitude: t.float({ nullable: true, description: "Map point (WGS84), with longitude; null when none.", resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).latitude }),
    longitude: t.float({ nullable: true, resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).longitude }),
    updates: t.field({
      type: [ProposalUpdate],
      description: "Additions by the proposer after the first 공감 locked the text.",
      resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).updates,
    }),
    attachments: t.field({ type: [Attachment], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).attachments }),
    viewerCanEdit: t.boolean({
      description: "The viewer is the proposer and the proposal has no 공감 yet.",
      resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).editable,
    }),
  }),
});

const ProposalUpdate = builder.objectRef<ProposalDetail["updates"][number]>("ProposalUpdate").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    body: t.exposeString("body", { description: "Markdown source." }),
    bodyHtml: t.exposeString("bodyHtml", { description: "Rendered and sanitized." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const Attachment = builder.objectRef<ProposalDetail["attachments"][number]>("Attachment").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    fileName: t.exposeString("fileName"),
    mimeType: t.exposeString("mimeType", { description: "Decided from the file's bytes: image/png, image/jpeg, image/webp or application/pdf." }),
    size: t.exposeInt("size", { description: "Bytes." }),
    url: t.string({ description: "Download address (same cookie or token as the API).", resolve: (a) => `/attachments/${a.id}` }),
  }),
});

const ProposalAnswer = builder.objectRef<ProposalDetail["answers"][number]>("ProposalAnswer").implement({
  description: "A department's answer: interim while it works, final with an outcome.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.string({ resolve: (a) => a.kind }),
    outcome: t.string({ nullable: true, resolve: (a) => a.outcome }),
    body: t.exposeString("body"),
    departmentName: t.string({ resolve: (a) => a.department.name }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const Milestone = builder.objectRef<ProposalDetail["milestones"][number]>("Milestone").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
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

const SupportResult = builder.objectRef<DomainSupportResult>("SupportResult").implement({
  fields: (t) => ({
    proposalId: t.exposeID("proposalId"),
    supportCount: t.exposeInt("supportCount"),
    supported: t.exposeBoolean("supported", { description: "Whether the viewer now supports the proposal." }),
    changed: t.exposeBoolean("changed", { description: "False when the call changed nothing (for example a repeated 공감)." }),
    status: t.field({ type: ProposalStatus, resolve: (r) => r.status }),
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
      resolve: async (_root, args, ctx) => {
        const offset = args.after ? cursorToOffset(args.after) + 1 : 0;
        const limit = args.first ?? 12;
        const page = await callDomain(ctx, () =>
          ctx.domain.proposals.list(ctx.viewer, {
            q: args.filter?.q ?? undefined,
            districtId: args.filter?.districtId ?? undefined,
            cityWide: args.filter?.cityWide ?? undefined,
            categoryId: args.filter?.categoryId ?? undefined,
            status: args.filter?.status ?? undefined,
            sort: SORTS[args.sort ?? "SUPPORT"],
            offset,
            limit,
          }),
        );
        return {
          totalCount: page.totalCount,
          edges: page.items.map((node, i) => ({ node, cursor: offsetToCursor(offset + i) })),
          pageInfo: {
            hasNextPage: offset + page.items.length < page.totalCount,
            hasPreviousPage: offset > 0,
            startCursor: page.items.length ? offsetToCursor(offset) : null,
            endCursor: page.items.length ? offsetToCursor(offset + page.items.length - 1) : null,
          },
        };
      },
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

const CreateProposalInput = builder.inputType("CreateProposalInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    body: t.string({ required: true, description: "Plain text; separate paragraphs with a blank line." }),
    categoryId: t.id({ required: true }),
    districtId: t.id({ required: false, description: "Omit for a city-wide proposal." }),
    estimatedCost: t.float({ required: false, description: "Estimated cost in KRW." }),
    tags: t.stringList({ required: false, description: "Up to 5 tags of 1–20 characters." }),
    latitude: t.float({ required: false, description: "Map point in Korea (33–39); give both or neither." }),
    longitude: t.float({ required: false, description: "Map point in Korea (124–132)." }),
  }),
});

const EditProposalInput = builder.inputType("EditProposalInput", {
  fields: (t) => ({
    proposalId: t.id({ required: true }),
    title: t.string({ required: true }),
    body: t.string({ required: true }),
    categoryId: t.id({ required: true }),
    districtId: t.id({ required: false, description: "Omit for a city-wide proposal." }),
    estimatedCost: t.float({ required: false, description: "Estimated cost in KRW." }),
    tags: t.stringList({ required: false }),
    latitude: t.float({ required: false }),
    longitude: t.float({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createProposal: t.field({
    type: Proposal,
    authScopes: { loggedIn: true },
    description:
      "Posts a proposal: it goes to screening (제안검토), or opens for 공감 where the city does not screen. Needs an eligible (verified) person. With draft: true it is kept as the author's private draft.",
    args: { input: t.arg({ type: CreateProposalInput, required: true }), draft: t.arg.boolean({ required: false }) },
    resolve: (_root, { input, draft }, ctx) =>
      callDomain(ctx, () =>
        ctx.domain.proposals.create(ctx.viewer, {
          title: input.title,
          body: input.body,
          categoryId: input.categoryId,
          districtId: input.districtId ?? undefined,
          estimatedCostKrw: input.estimatedCost ?? undefined,
          tags: input.tags ?? undefined,
          latitude: input.latitude ?? undefined,
          longitude: input.longitude ?? undefined,
        }, { draft: draft ?? false }),
      ),
  }),
  submitDraft: t.field({
    type: Proposal,
    authScopes: { loggedIn: true },
    description: "The author submits a draft.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => callDomain(ctx, () => ctx.domain.proposals.submitDraft(ctx.viewer, args.id)),
  }),
  editProposal: t.field({
    type: Proposal,
    authScopes: { loggedIn: true },
    description: "Replaces the text, category, district, cost, tags and map point. The proposer only, until the first 공감 (then CONFLICT: add an update).",
    args: { input: t.arg({ type: EditProposalInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      callDomain(ctx, () =>
        ctx.domain.content.edit(ctx.viewer, {
          proposalId: input.proposalId,
          title: input.title,
          body: input.body,
          categoryId: input.categoryId,
          districtId: input.districtId ?? undefined,
          estimatedCostKrw: input.estimatedCost ?? undefined,
          tags: input.tags ?? undefined,
          latitude: input.latitude ?? undefined,
          longitude: input.longitude ?? undefined,
        }),
      ),
  }),
  addProposalUpdate: t.field({
    type: Proposal,
    authScopes: { loggedIn: true },
    description: "Adds an update (10–2000 characters, markdown) to one's own proposal; followers are notified.",
    args: { proposalId: t.arg.id({ required: true }), body: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => callDomain(ctx, () => ctx.domain.content.addUpdate(ctx.viewer, { proposalId: args.proposalId, body: args.body })),
  }),
  supportProposal: t.field({
    type: SupportResult,
    authScopes: { loggedIn: true },
    description: "Gives the viewer's 공감. Repeating it changes nothing. Needs an eligible (verified) person.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => callDomain(ctx, () => ctx.domain.proposals.support(ctx.viewer, args.id)),
  }),
  withdrawSupport: t.field({
    type: SupportResult,
    authScopes: { loggedIn: true },
    description: "Withdraws the viewer's 공감 while the window is open.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => callDomain(ctx, () => ctx.domain.proposals.withdrawSupport(ctx.viewer, args.id)),
  }),
}));
