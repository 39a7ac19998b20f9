// The debate under a proposal over the API: the thread, posting, editing, reactions,
// reports and moderation. Scopes refuse early; the domain decides.
import type { CommentView } from "../../app/domain/debate/comment.service.server.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { Stance } from "./proposal.ts";

const DebateComment = builder.objectRef<CommentView>("DebateComment").implement({
  description: "An opinion in a proposal's debate. Hidden ones keep their place with the moderator's reason.",
  fields: (t) => ({
    id: t.exposeID("id"),
    parentId: t.exposeID("parentId", { nullable: true }),
    authorName: t.string({ resolve: (c) => c.author.displayName }),
    stance: t.field({ type: Stance, resolve: (c) => c.stance }),
    bodyHtml: t.exposeString("bodyHtml", { description: "Sanitized HTML; empty when hidden or held." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    editedAt: t.expose("editedAt", { type: "DateTime", nullable: true }),
    pinned: t.exposeBoolean("pinned"),
    hiddenReason: t.string({ nullable: true, resolve: (c) => c.hidden?.reason ?? null }),
    held: t.exposeBoolean("held"),
    reactions: t.exposeInt("reactions"),
    viewerReacted: t.exposeBoolean("viewerReacted"),
  }),
});

const CommentSort = builder.enumType("CommentSort", { values: ["BEST", "NEWEST", "STANCE"] as const });
const ModerationAction = builder.enumType("ModerationAction", { values: ["HIDE", "UNHIDE", "PIN", "UNPIN", "RELEASE"] as const });

const Thread = builder.objectRef<{ comments: CommentView[]; locked: boolean }>("DebateThread").implement({
  fields: (t) => ({
    comments: t.field({ type: [DebateComment], resolve: (th) => th.comments }),
    locked: t.exposeBoolean("locked"),
  }),
});

builder.queryFields((t) => ({
  debate: t.field({
    type: Thread,
    authScopes: { public: true },
    args: { proposalId: t.arg.id({ required: true }), sort: t.arg({ type: CommentSort, required: false }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.comments.thread(ctx.viewer, args.proposalId, (args.sort ?? "BEST").toLowerCase() as "best")),
  }),
}));

builder.mutationFields((t) => ({
  postComment: t.field({
    type: DebateComment,
    authScopes: { loggedIn: true },
    args: { proposalId: t.arg.id({ required: true }), parentId: t.arg.id({ required: false }), stance: t.arg({ type: Stance, required: false }), body: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.comments.post(ctx.viewer, { ...args, parentId: args.parentId ?? undefined, stance: args.stance ?? undefined })),
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
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.comments.report(ctx.viewer, args), true)),
  }),
  moderateComment: t.field({
    type: DebateComment,
    authScopes: { moderator: true },
    args: { commentId: t.arg.id({ required: true }), action: t.arg({ type: ModerationAction, required: true }), reason: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () =>
        ctx.domain.comments.moderate(ctx.viewer, args.action.toLowerCase() as "hide", { commentId: args.commentId, reason: args.reason ?? undefined }),
      ),
  }),
  lockDebate: t.boolean({
    authScopes: { moderator: true },
    args: { proposalId: t.arg.id({ required: true }), locked: t.arg.boolean({ required: true }), reason: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.comments.lock(ctx.viewer, args.proposalId, args.locked, args.reason ?? undefined), args.locked)),
  }),
}));
