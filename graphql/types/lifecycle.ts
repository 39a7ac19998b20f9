// The proposal lifecycle over the API: screening, assignment, answers, milestones,
// following and notifications. Scopes refuse early; the domain decides.
import type { LifecycleService } from "../../app/domain/proposals/lifecycle.service.server.ts";
import type { NotificationService } from "../../app/domain/notifications/notification.service.server.ts";
import { builder } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { localizeParams } from "../../app/i18n/errors.ts";
import { translate } from "../../app/i18n/i18n.ts";
import type { MessageParams } from "../../app/domain/errors.ts";
import { ProposalStatus } from "./proposal.ts";

const AnswerKind = builder.enumType("AnswerKind", { values: ["INTERIM", "FINAL"] as const });
export const AnswerOutcome = builder.enumType("AnswerOutcome", {
  description: "채택 / 일부 채택 / 미채택",
  values: ["ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED"] as const,
});
const ScreeningDecision = builder.enumType("ScreeningDecision", {
  description: "Open for 공감, reject with a reason, or send an everyday complaint to the complaint channel.",
  values: ["OPEN", "REJECTED", "REDIRECTED"] as const,
});

type QueueItem = { id: number; title: string; createdAt: Date; status: string; author: { displayName: string } };
const QueueProposal = builder.objectRef<QueueItem>("QueueProposal").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    status: t.field({ type: ProposalStatus, resolve: (p) => p.status as never }),
    authorName: t.string({ resolve: (p) => p.author.displayName }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
const ScreeningQueue = builder.objectRef<{ screening: QueueItem[]; awaitingAssignment: QueueItem[] }>("ScreeningQueue").implement({
  fields: (t) => ({
    screening: t.field({ type: [QueueProposal], resolve: (q) => q.screening }),
    awaitingAssignment: t.field({ type: [QueueProposal], resolve: (q) => q.awaitingAssignment }),
  }),
});

type InboxItem = Awaited<ReturnType<LifecycleService["inbox"]>>[number];
const InboxProposal = builder.objectRef<InboxItem>("InboxProposal").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    status: t.field({ type: ProposalStatus, resolve: (p) => p.status }),
    answerDueAt: t.expose("answerDueAt", { type: "DateTime", nullable: true }),
    overdue: t.boolean({ resolve: (p) => p.answerOverdueAt !== null && p.status === "ASSIGNED" }),
    supportCount: t.int({ resolve: (p) => p._count.supports }),
  }),
});

type NotificationItem = Awaited<ReturnType<NotificationService["list"]>>["items"][number];
const Notification = builder.objectRef<NotificationItem>("Notification").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.exposeString("kind"),
    message: t.string({
      description: "In the caller's language.",
      resolve: (n, _a, ctx) =>
        translate(ctx.lng, n.messageKey, { title: n.proposal?.title ?? "", ...localizeParams(n.params as MessageParams, ctx.lng) }),
    }),
    proposalId: t.id({ nullable: true, resolve: (n) => n.proposal?.id ?? null }),
    read: t.boolean({ resolve: (n) => n.readAt !== null }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
const NotificationPage = builder
  .objectRef<{ items: NotificationItem[]; totalCount: number; unread: number }>("NotificationPage")
  .implement({
    fields: (t) => ({
      items: t.field({ type: [Notification], resolve: (p) => p.items }),
      totalCount: t.exposeInt("totalCount"),
      unread: t.exposeInt("unread"),
    }),
  });

builder.queryFields((t) => ({
  screeningQueue: t.field({
    type: ScreeningQueue,
    authScopes: { moderator: true },
    description: "Proposals waiting for pre-review (제안검토) and for a department.",
    resolve: (_r, _a, ctx) => callDomain(ctx, () => ctx.domain.lifecycle.screeningQueue(ctx.viewer)),
  }),
  departmentInbox: t.field({
    type: [InboxProposal],
    authScopes: { loggedIn: true },
    description: "An officer's assigned proposals, soonest deadline first.",
    resolve: (_r, _a, ctx) => callDomain(ctx, () => ctx.domain.lifecycle.inbox(ctx.viewer)),
  }),
  notifications: t.field({
    type: NotificationPage,
    authScopes: { loggedIn: true },
    args: { unreadOnly: t.arg.boolean({ required: false }), offset: t.arg.int({ required: false }), limit: t.arg.int({ required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.notifications.list(ctx.viewer, args)),
  }),
}));

builder.mutationFields((t) => ({
  screenProposal: t.field({
    type: ProposalStatus,
    authScopes: { moderator: true },
    args: {
      proposalId: t.arg.id({ required: true }),
      decision: t.arg({ type: ScreeningDecision, required: true }),
      reason: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => (await ctx.domain.lifecycle.screen(ctx.viewer, { ...args, reason: args.reason ?? undefined })).status),
  }),
  assignProposal: t.boolean({
    authScopes: { loggedIn: true },
    description: "Moderators assign a proposal that reached its threshold; the assigned department may pass it to another.",
    args: { proposalId: t.arg.id({ required: true }), departmentId: t.arg.id({ required: true }), note: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => (await ctx.domain.lifecycle.assign(ctx.viewer, { ...args, note: args.note ?? undefined }), true)),
  }),
  answerProposal: t.boolean({
    authScopes: { loggedIn: true },
    description: "The assigned department answers: INTERIM while it works, FINAL with an outcome.",
    args: {
      proposalId: t.arg.id({ required: true }),
      kind: t.arg({ type: AnswerKind, required: true }),
      outcome: t.arg({ type: AnswerOutcome, required: false }),
      body: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => (await ctx.domain.lifecycle.answer(ctx.viewer, { ...args, outcome: args.outcome ?? undefined }), true)),
  }),
  addMilestone: t.boolean({
    authScopes: { loggedIn: true },
    args: {
      proposalId: t.arg.id({ required: true }),
      title: t.arg.string({ required: true }),
      dueAt: t.arg({ type: "DateTime", required: false }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => (await ctx.domain.lifecycle.addMilestone(ctx.viewer, { ...args, dueAt: args.dueAt ?? undefined }), true)),
  }),
  completeMilestone: t.boolean({
    authScopes: { loggedIn: true },
    description: "Returns true when this completed the last step (the proposal is then 추진 완료).",
    args: { milestoneId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => (await ctx.domain.lifecycle.completeMilestone(ctx.viewer, args.milestoneId)).completed),
  }),
  followProposal: t.boolean({
    authScopes: { loggedIn: true },
    args: { proposalId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.notifications.follow(ctx.viewer, args.proposalId)),
  }),
  unfollowProposal: t.boolean({
    authScopes: { loggedIn: true },
    args: { proposalId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.notifications.unfollow(ctx.viewer, args.proposalId)),
  }),
  markNotificationsRead: t.int({
    authScopes: { loggedIn: true },
    description: "Marks the given notifications (or all) as read; returns the unread count.",
    args: { ids: t.arg.idList({ required: false }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.notifications.markRead(ctx.viewer, { ids: args.ids ?? undefined })),
  }),
}));
