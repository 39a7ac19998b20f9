// Moderation of every debate, a proposal's or a round's (ADR 0010), in one place: hiding a
// comment with a reason (a placeholder stays; the author is told and may appeal once per
// hide), unhiding, pinning, releasing a comment the banned-word filter held, locking and
// unlocking a thread, reports and who took them, appeals and their decisions, and the queue
// moderators work from. Every decision is audit-logged and pushed live to the debate's room.
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import { requireActor } from "../roles/participation.policy.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { commentId as id, parse, type CommentReads } from "./comment-reads.server.ts";
import { ZAppealInput, ZModerateInput, ZReportInput, ZResolveAppealInput, type ModerationAction } from "./comment.schema.ts";
import { isListedTo } from "./comment-visibility.ts";
import { createDebatePublisher } from "./debate-live.server.ts";
import type { DebateTarget, DebateTargetInput } from "./debate-target.ts";

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus; notifications: NotificationService; reads: CommentReads };

/** A moderator who may act now: signed in, not suspended (participation.policy.ts), and a moderator. */
function requireModerator(viewer: Viewer): NonNullable<Viewer> {
  const me = requireActor(viewer, "comment.moderate");
  if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
  return me;
}

/** How a lock is recorded for each place a debate lives. */
const LOCK = {
  proposal: { notFound: "errors.proposalNotFound", targetType: "Proposal", locked: "thread.locked", unlocked: "thread.unlocked" },
  round: { notFound: "rounds.errors.notFound", targetType: "Round", locked: "round.thread.locked", unlocked: "round.thread.unlocked" },
} as const;

export function createModerationService({ prisma, clock, events, notifications, reads }: Deps) {
  const { one } = reads;
  const publishCommentChange = createDebatePublisher({ prisma, events });

  /** Hide with a reason (a placeholder stays), unhide, pin, unpin, or release a held comment. */
  async function moderate(viewer: Viewer, action: ModerationAction, raw: unknown) {
    const me = requireModerator(viewer);
    const input = parse(action === "hide" ? ZModerateInput : ZModerateInput.partial({ reason: true }), raw);
    const comment = await prisma.comment.findUnique({
      where: { id: input.commentId },
      select: { id: true, proposalId: true, roundId: true, authorId: true },
    });
    if (!comment) throw notFound();
    const now = clock.now();
    const data: Prisma.CommentUpdateInput =
      action === "hide"
        ? { hiddenAt: now, hiddenReason: input.reason, hiddenById: me.id }
        : action === "unhide"
          ? { hiddenAt: null, hiddenReason: null, hiddenById: null }
          : action === "pin"
            ? { pinnedAt: now }
            : action === "unpin"
              ? { pinnedAt: null }
              : { heldAt: null };
    await prisma.$transaction(async (tx) => {
      await tx.comment.update({ where: { id: comment.id }, data });
      if (action === "hide" || action === "unhide" || action === "release") {
        await tx.report.updateMany({ where: { commentId: comment.id, resolvedAt: null }, data: { resolvedAt: now, resolvedById: me.id } });
      }
      await recordAudit(tx, me, { action: `comment.${action}`, targetType: "Comment", targetId: comment.id, reason: input.reason ?? null });
    });
    if (action === "hide") {
      // The author sees what happened and why.
      await notifications.notifyUser(comment.authorId, comment.proposalId, {
        kind: "comment.hidden",
        messageKey: "debate.notice.hidden",
        params: { reason: input.reason ?? "", ...(comment.roundId ? { roundId: comment.roundId } : {}) },
      });
    }
    await publishCommentChange(comment, comment.id, action === "release" ? "created" : action === "hide" ? "hidden" : "edited");
    return one(me, comment.id);
  }

  /** Lock or unlock a debate, a proposal's or a round's own: nobody writes or edits in a locked thread. */
  async function lock(viewer: Viewer, rawTarget: DebateTargetInput, locked: boolean, reason?: string) {
    const me = requireModerator(viewer);
    const target: DebateTarget =
      "roundId" in rawTarget ? { roundId: parse(id, rawTarget.roundId) } : { proposalId: parse(id, rawTarget.proposalId) };
    const how = target.roundId ? LOCK.round : LOCK.proposal;
    const data = { commentsLockedAt: locked ? clock.now() : null };
    await prisma.$transaction(async (tx) => {
      const moved = target.roundId
        ? await tx.round.updateMany({ where: { id: target.roundId }, data })
        : await tx.proposal.updateMany({ where: { id: target.proposalId }, data });
      if (moved.count === 0) throw notFound(how.notFound);
      await recordAudit(tx, me, {
        action: locked ? how.locked : how.unlocked,
        targetType: how.targetType,
        targetId: target.roundId ?? target.proposalId!,
        reason: reason ?? null,
      });
    });
    await publishCommentChange({ proposalId: target.proposalId ?? null, roundId: target.roundId ?? null }, 0, "locked");
  }

  /** Anyone signed in may report a comment; a moderator picks it up from the queue. */
  async function report(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "comment.report");
    const input = parse(ZReportInput, raw);
    const comment = await prisma.comment.findUnique({
      where: { id: input.commentId },
      select: { id: true, authorId: true, hiddenAt: true, heldAt: true },
    });
    if (!comment || !isListedTo(me, comment)) throw notFound();
    const existing = await prisma.report.findFirst({ where: { commentId: comment.id, reporterId: me.id, resolvedAt: null } });
    if (existing) throw new AppError("CONFLICT", "debate.errors.alreadyReported");
    await prisma.report.create({ data: { commentId: comment.id, reporterId: me.id, reason: input.reason, createdAt: clock.now() } });
  }

  /** A moderator takes an open report. */
  async function assignReport(viewer: Viewer, rawId: unknown) {
    const me = requireModerator(viewer);
    const reportId = parse(id, rawId);
    const taken = await prisma.report.updateMany({ where: { id: reportId, resolvedAt: null }, data: { assigneeId: me.id } });
    if (taken.count === 0) throw notFound();
  }

  /** The author of a hidden comment asks a moderator to look again, once per hide. */
  async function appeal(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "comment.appeal");
    const input = parse(ZAppealInput, raw);
    const comment = await prisma.comment.findUnique({
      where: { id: input.commentId },
      select: { id: true, authorId: true, hiddenAt: true },
    });
    if (!comment) throw notFound();
    if (comment.authorId !== me.id) throw new AppError("FORBIDDEN", "debate.errors.notAuthor");
    if (!comment.hiddenAt) throw new AppError("CONFLICT", "debate.errors.notHidden");
    const earlier = await prisma.appeal.findFirst({ where: { commentId: comment.id, createdAt: { gte: comment.hiddenAt } } });
    if (earlier) throw new AppError("CONFLICT", "debate.errors.alreadyAppealed");
    await prisma.$transaction(async (tx) => {
      const created = await tx.appeal.create({
        data: { commentId: comment.id, authorId: me.id, reason: input.reason, createdAt: clock.now() },
        select: { id: true },
      });
      await recordAudit(tx, me, {
        action: "comment.appealed",
        targetType: "Comment",
        targetId: comment.id,
        reason: input.reason,
        details: { appealId: created.id },
      });
    });
    return one(me, comment.id);
  }

  /** A moderator decides an appeal: REVERSED shows the comment again, UPHELD keeps it hidden; the author hears why. */
  async function resolveAppeal(viewer: Viewer, raw: unknown) {
    const me = requireModerator(viewer);
    const input = parse(ZResolveAppealInput, raw);
    const found = await prisma.appeal.findUnique({
      where: { id: input.appealId },
      select: { id: true, resolvedAt: true, comment: { select: { id: true, authorId: true, proposalId: true, roundId: true } } },
    });
    if (!found) throw notFound();
    if (found.resolvedAt) throw new AppError("CONFLICT", "debate.errors.appealResolved");
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      await tx.appeal.update({
        where: { id: found.id },
        data: { resolvedAt: now, resolvedById: me.id, outcome: input.outcome, response: input.response },
      });
      if (input.outcome === "REVERSED")
        await tx.comment.update({ where: { id: found.comment.id }, data: { hiddenAt: null, hiddenReason: null, hiddenById: null } });
      await recordAudit(tx, me, {
        action: `comment.appeal.${input.outcome.toLowerCase()}`,
        targetType: "Comment",
        targetId: found.comment.id,
        reason: input.response,
        details: { appealId: found.id },
      });
    });
    await notifications.notifyUser(found.comment.authorId, found.comment.proposalId, {
      kind: "comment.appealResolved",
      messageKey: input.outcome === "REVERSED" ? "debate.notice.appealReversed" : "debate.notice.appealUpheld",
      params: { response: input.response, ...(found.comment.roundId ? { roundId: found.comment.roundId } : {}) },
    });
    await publishCommentChange(found.comment, found.comment.id, "edited");
    return one(me, found.comment.id);
  }

  /** What moderators work from: open reports, held comments and open appeals (read in comment-reads.server.ts). */
  const queue = reads.queue;

  return { moderate, lock, report, assignReport, appeal, resolveAppeal, queue };
}

export type ModerationService = ReturnType<typeof createModerationService>;
