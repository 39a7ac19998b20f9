// Proposals over the API: proposing (or keeping a draft), submitting a draft, editing, adding
// an update, and giving or withdrawing 공감. Each is checked by the same domain rules as the web.
import type { SupportResult as DomainSupportResult } from "../../app/domain/proposals/proposal.types.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { Proposal, ProposalStatus } from "./proposal.ts";

const SupportResult = builder.objectRef<DomainSupportResult>("SupportResult").implement({
  fields: (t) => ({
    proposalId: t.exposeID("proposalId"),
    supportCount: t.exposeInt("supportCount"),
    supported: t.exposeBoolean("supported", { description: "Whether the viewer now supports the proposal." }),
    changed: t.exposeBoolean("changed", { description: "False when the call changed nothing (for example a repeated 공감)." }),
    status: t.field({ type: ProposalStatus, resolve: (r) => r.status }),
  }),
});

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
        ctx.domain.proposals.create(
          ctx.viewer,
          {
            title: input.title,
            body: input.body,
            categoryId: input.categoryId,
            districtId: input.districtId ?? undefined,
            estimatedCostKrw: input.estimatedCost ?? undefined,
            tags: input.tags ?? undefined,
            latitude: input.latitude ?? undefined,
            longitude: input.longitude ?? undefined,
          },
          { draft: draft ?? false },
        ),
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
    description:
      "Replaces the text, category, district, cost, tags and map point. The proposer only, until the first 공감 (then CONFLICT: add an update).",
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
    resolve: (_root, args, ctx) =>
      callDomain(ctx, () => ctx.domain.content.addUpdate(ctx.viewer, { proposalId: args.proposalId, body: args.body })),
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
