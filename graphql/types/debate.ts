// Debates over the API, under a proposal or in a round: the thread with its pro/con balance,
// posting, editing, reactions, reports, moderation, and appeals against a hide. Scopes
// refuse early; the domain decides.
import type { CommentView } from "../../app/domain/debate/comment.service.server.ts";
import type { ModerationAction as ModerationActionName } from "../../app/domain/debate/comment.schema.ts";
import type { ModerationService } from "../../app/domain/debate/moderation.service.server.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { Stance } from "./proposal.ts";

const AppealStatus = builder.enumType("AppealStatus", {
  description: "OPEN until a moderator decides; UPHELD keeps the comment hidden, REVERSED shows it again.",
  values: ["OPEN", "UPHELD", "REVERSED"] as const,
});
const AppealOutcome = builder.enumType("AppealOutcome", { values: ["UPHELD", "REVERSED"] as const });

const CommentAppeal = builder.objectRef<NonNullable<CommentView["appeal"]>>("CommentAppeal").implement({
  description: "The author's appeal against a hide, as its author and moderators see it.",
  fields: (t) => ({
    status: t.field({ type: AppealStatus, resolve: (a) => a.status }),
    response: t.exposeString("response", { nullable: true, description: "The moderator's answer, once decided." }),
  }),
});

const DebateComment = builder.objectRef<CommentView>("DebateComment").implement({
  description: "An opinion in a debate (a proposal's or a round's). Hidden ones keep their place with the moderator's reason.",
  fields: (t) => ({
    id: t.exposeID("id"),
    parentId: t.exposeID("parentId", { nullable: true }),
    authorName: t.string({ resolve: (c) => c.author.displayName }),
    stance: t.field({ type: Stance, resolve: (c) => c.stance }),
    bodyHtml: t.exposeString("bodyHtml", {
      description: "Sanitized HTML; empty when hidden, and while held for review to all but its author and moderators.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    editedAt: t.expose("editedAt", { type: "DateTime", nullable: true }),
    pinned: t.exposeBoolean("pinned"),
    hiddenReason: t.string({ nullable: true, resolve: (c) => c.hidden?.reason ?? null }),
    held: t.exposeBoolean("held"),
    reactions: t.exposeInt("reactions"),
    viewerReacted: t.exposeBoolean("viewerReacted"),
    appeal: t.field({
      type: CommentAppeal,
      nullable: true,
      description: "Seen by the comment's author and moderators only.",
      resolve: (c) => c.appeal,
    }),
  }),
});

const CommentSort = builder.enumType("CommentSort", { values: ["BEST", "NEWEST", "STANCE"] as const });
const ModerationAction = builder.enumType("ModerationAction", { values: ["HIDE", "UNHIDE", "PIN", "UNPIN", "RELEASE"] as const });

type Balance = { pro: number; con: number; neutral: number };
const DebateBalance = builder.objectRef<Balance>("DebateBalance").implement({
  description: "How many visible comments take each stance.",
  fields: (t) => ({ pro: t.exposeInt("pro"), con: t.exposeInt("con"), neutral: t.exposeInt("neutral") }),
});

const Thread = builder.objectRef<{ comments: CommentView[]; locked: boolean; balance: Balance }>("DebateThread").implement({
  fields: (t) => ({
    comments: t.field({ type: [DebateComment], resolve: (th) => th.comments }),
    locked: t.exposeBoolean("locked"),
    balance: t.field({ type: DebateBalance, resolve: (th) => th.balance }),
  }),
});

type QueueAppeal = Awaited<ReturnType<ModerationService["queue"]>>["appeals"][number];
const OpenAppeal = builder.objectRef<QueueAppeal>("OpenAppeal").implement({
  description: "An appeal waiting for a moderator, with the hidden comment (moderators only).",
  fields: (t) => ({
    id: t.exposeID("id"),
    reason: t.exposeString("reason"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    authorName: t.string({ resolve: (a) => a.author.displayName }),
    commentId: t.id({ resolve: (a) => a.comment.id }),
    proposalId: t.id({ nullable: true, resolve: (a) => a.comment.proposalId }),
    roundId: t.id({ nullable: true, resolve: (a) => a.comment.roundId }),
    body: t.string({ description: "The hidden comment's text, as written.", resolve: (a) => a.comment.body }),
    hiddenReason: t.string({ nullable: true, resolve: (a) => a.comment.hiddenReason }),
  }),
});

const sortOf = (sort: "BEST" | "NEWEST" | "STANCE" | null | undefined) => (sort ?? "BEST").toLowerCase() as "best" | "newest" | "stance";

builder.queryFields((t) => ({
  debate: t.field({
    type: Thread,
    authScopes: { public: true },
    args: { proposalId: t.arg.id({ required: true }), sort: t.arg({ type: CommentSort, required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.comments.thread(ctx.viewer, args.proposalId, sortOf(args.sort))),
  }),
  roundDebate: t.field({
    type: Thread,
    description: "A round's own debate. Draft rounds are seen by moderators only.",
    authScopes: { public: true },
    args: { roundId: t.arg.id({ required: true }), sort: t.arg({ type: CommentSort, required: false }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => {
        const round = await ctx.domain.rounds.get(ctx.viewer, args.roundId);
        return ctx.domain.comments.roundThread(ctx.viewer, round.id, sortOf(args.sort));
      }),
  }),
  openAppeals: t.field({
    type: [OpenAppeal],
    description: "Appeals against hides that wait for a moderator, oldest first.",
    authScopes: { moderator: true },
    resolve: (_r, _args, ctx) => callDomain(ctx, async () => (await ctx.domain.moderation.queue(ctx.viewer)).appeals),
  }),
}));

builder.mutationFields((t) => ({
  postComment: t.field({
    type: DebateComment,
    description: "Posts in a proposal's debate (proposalId) or a round's own (roundId): give exactly one.",
    authScopes: { loggedIn: true },
    args: {
      proposalId: t.arg.id({ required: false }),
      roundId: t.arg.id({ required: false }),
      parentId: t.arg.id({ required: false }),
      stance: t.arg({ type: Stance, required: false }),
      body: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () =>
        ctx.domain.comments.post(ctx.viewer, {
          proposalId: args.proposalId ?? undefined,
          roundId: args.roundId ?? undefined,
          parentId: args.parentId ?? undefined,
          stance: args.stance ?? undefined,
          body: args.body,
        }),
      ),
  }),
  editComment: t.field({
    type: DebateComment,
    authScopes: { loggedIn: true },
    args: { commentId: t.arg.id({ required: true }), body: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.comments.edit(ctx.viewer, args)),
  }),
  reactToComment: t.field({
    type: DebateComment,
    authScopes: { loggedIn: true },
    args: { commentId: t.arg.id({ required: true }), on: t.arg.boolean({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.comments.react(ctx.viewer, args.commentId, args.on)),
  }),
  reportComment: t.boolean({
    authScopes: { loggedIn: true },
    args: { commentId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.moderation.report(ctx.viewer, args), true)),
  }),
  moderateComment: t.field({
    type: DebateComment,
    authScopes: { moderator: true },
    args: {
      commentId: t.arg.id({ required: true }),
      action: t.arg({ type: ModerationAction, required: true }),
      reason: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () =>
        ctx.domain.moderation.moderate(ctx.viewer, args.action.toLowerCase() as ModerationActionName, {
          commentId: args.commentId,
          reason: args.reason ?? undefined,
        }),
      ),
  }),
  appealComment: t.field({
    type: DebateComment,
    description: "The author of a hidden comment asks a moderator to look again (once per hide).",
    authScopes: { loggedIn: true },
    args: { commentId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.moderation.appeal(ctx.viewer, args)),
  }),
  resolveAppeal: t.field({
    type: DebateComment,
    description: "A moderator decides an appeal; the author receives the response.",
    authScopes: { moderator: true },
    args: {
      appealId: t.arg.id({ required: true }),
      outcome: t.arg({ type: AppealOutcome, required: true }),
      response: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.moderation.resolveAppeal(ctx.viewer, args)),
  }),
  lockDebate: t.boolean({
    authScopes: { moderator: true },
    args: {
      proposalId: t.arg.id({ required: true }),
      locked: t.arg.boolean({ required: true }),
      reason: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(
        ctx,
        async () => (
          await ctx.domain.moderation.lock(ctx.viewer, { proposalId: args.proposalId }, args.locked, args.reason ?? undefined),
          args.locked
        ),
      ),
  }),
}));
