// Proposals over the API: the detail-only fields of a Proposal (what the proposal page shows
// beyond a list row), added to the type with builder.objectFields. A proposal read by
// `proposal(id)` or returned by a mutation already carries them; for list items the request's
// loader reads the details of every item together (domain.proposals.getMany), once per
// proposal and request (graphql/loaders.ts).
import type { ProposalDetail, ProposalSummary } from "../../app/domain/proposals/proposal.types.ts";
import type { Reason, ViewerCan } from "../../app/domain/proposals/viewer-can.ts";
import { localizeParams } from "../../app/i18n/errors.ts";
import { translate } from "../../app/i18n/i18n.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { callDomain } from "../errors.ts";
import { Department } from "./catalog.ts";
import { Proposal, ProposalStatus } from "./proposal.ts";

function detailOf(p: ProposalSummary, ctx: GraphQLContext): Promise<ProposalDetail> {
  if ("timeline" in p) return Promise.resolve(p as ProposalDetail);
  return callDomain(ctx, () => ctx.loaders.proposalDetail.load(p.id));
}

const TimelineEntry = builder.objectRef<ProposalDetail["timeline"][number]>("TimelineEntry").implement({
  fields: (t) => ({
    status: t.field({ type: ProposalStatus, resolve: (e) => e.status }),
    note: t.exposeString("note", { nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

const say = (reason: Reason, ctx: GraphQLContext) => translate(ctx.lng, reason.key, localizeParams(reason.params, ctx.lng));

const ProposalViewerCan = builder.objectRef<ViewerCan>("ProposalViewerCan").implement({
  description: "What the viewer can do on a proposal now, as the domain decides it (hints: every write is still checked).",
  fields: (t) => ({
    support: t.exposeBoolean("support", {
      description: "Give 공감: the window is open, someone else's proposal, eligible, not suspended (giving it twice changes nothing).",
    }),
    withdraw: t.exposeBoolean("withdraw", { description: "Take one's 공감 back while the window is open." }),
    comment: t.exposeBoolean("comment", { description: "Write in the proposal's debate." }),
    edit: t.exposeBoolean("edit", { description: "Edit the proposal (the proposer, until the first 공감)." }),
    addUpdate: t.exposeBoolean("addUpdate", { description: "Add an update (the proposer)." }),
    follow: t.exposeBoolean("follow"),
    moderate: t.exposeBoolean("moderate", { description: "Screen, assign, merge and moderate the debate." }),
    answer: t.exposeBoolean("answer", { description: "Answer for the assigned department and report milestones." }),
    reasons: t.stringList({
      description:
        "Why the viewer may not take part where the proposal would allow it (suspension, each failed eligibility rule), in the caller's language.",
      resolve: (c, _a, ctx) => c.reasons.map((r) => say(r, ctx)),
    }),
    debateClosedReason: t.string({
      nullable: true,
      description: "Why the debate takes no comments from anyone now (not published, locked, the round's phase); null while open.",
      resolve: (c, _a, ctx) => (c.debateClosed ? say(c.debateClosed, ctx) : null),
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
    mimeType: t.exposeString("mimeType", {
      description: "Decided from the file's bytes: image/png, image/jpeg, image/webp or application/pdf.",
    }),
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

builder.objectFields(Proposal, (t) => ({
  bodyHtml: t.string({
    description: "The body as sanitized HTML (markdown rendered, scripts and event handlers removed).",
    resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).bodyHtml,
  }),
  department: t.field({
    type: Department,
    nullable: true,
    resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).department,
  }),
  timeline: t.field({ type: [TimelineEntry], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).timeline }),
  answerDueAt: t.field({ type: "DateTime", nullable: true, resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).answerDueAt }),
  answerOverdue: t.boolean({ resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).answerOverdueAt !== null }),
  answers: t.field({ type: [ProposalAnswer], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).answers }),
  milestones: t.field({ type: [Milestone], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).milestones }),
  mergedIntoId: t.id({ nullable: true, resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).mergedInto?.id ?? null }),
  tags: t.stringList({ description: "Up to 5 short tags.", resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).tags }),
  latitude: t.float({
    nullable: true,
    description: "Map point (WGS84), with longitude; null when none.",
    resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).latitude,
  }),
  longitude: t.float({ nullable: true, resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).longitude }),
  updates: t.field({
    type: [ProposalUpdate],
    description: "Additions by the proposer after the first 공감 locked the text.",
    resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).updates,
  }),
  attachments: t.field({ type: [Attachment], resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).attachments }),
  viewerCan: t.field({
    type: ProposalViewerCan,
    description: "What the viewer can do on this proposal, and why not.",
    resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).viewerCan,
  }),
  viewerCanEdit: t.boolean({
    description: "The viewer is the proposer and the proposal has no 공감 yet.",
    resolve: async (p, _a, ctx) => (await detailOf(p, ctx)).editable,
  }),
}));
