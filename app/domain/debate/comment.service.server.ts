// Debate on a proposal or in a round (ADR 0010): threaded comments (two levels) with a stance
// (찬성/반대/중립), sanitized markdown, @mentions, edit history and reactions, and a
// banned-word filter that holds a comment for review. Every change is pushed live to the
// proposal's or the round's room. A proposal submitted straight into a round, and the round's
// own debate, follow the round's phases (commenting only while a phase allows it).
//
// Inputs are in comment.schema.ts; reads in comment-reads.server.ts (under the visibility rule
// of comment-visibility.ts); hides, pins, locks, reports and appeals in moderation.service.server.ts.
import { readCitySettings } from "../catalog/city-settings.server.ts";
import type { PrismaClient } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import { isPublished } from "../proposals/proposal.visibility.ts";
import type { RateLimiter } from "../ports.ts";
import { requireActor } from "../roles/participation.policy.ts";
import type { RoundService } from "../rounds/round.service.server.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { commentId as id, parse, type CommentReads } from "./comment-reads.server.ts";
import { ZCommentInput, ZEditInput } from "./comment.schema.ts";
import { containsBannedWord, mentionedNames } from "./comment-text.ts";
import { isListedTo } from "./comment-visibility.ts";
import { createDebatePublisher } from "./debate-live.server.ts";
import { targetWhere as where, type DebateTarget } from "./debate-target.ts";

export type { CommentView } from "./comment-reads.server.ts";
export type { DebateTarget } from "./debate-target.ts";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  eligibility: EligibilityService;
  limits: RateLimiter;
  notifications: NotificationService;
  rounds: Pick<RoundService, "assertPhaseAllows" | "eligibilityOf">;
  reads: CommentReads;
};

export function createCommentService({ prisma, clock, events, eligibility, limits, notifications, rounds, reads }: Deps) {
  const publishCommentChange = createDebatePublisher({ prisma, events });
  // What the realtime bridge reads for a proposal's pushes (see proposal-live.server.ts on why it is registered here).
  async function bannedWords(): Promise<string[]> {
    return (await readCitySettings(prisma)).bannedWords;
  }

  /**
   * Whether `me` may write in this debate now: the proposal or round exists and is open, the
   * thread is not locked, a round's phase allows comments, and `me` is eligible (by the round's
   * rules where a round governs the debate).
   */
  async function assertCanWrite(me: NonNullable<Viewer>, target: DebateTarget) {
    let roundId: number | null;
    if (target.proposalId) {
      const proposal = await prisma.proposal.findUnique({
        where: { id: target.proposalId },
        select: { status: true, commentsLockedAt: true, roundId: true },
      });
      // Debate opens when the proposal is published.
      if (!proposal || !isPublished(proposal)) throw notFound("errors.proposalNotFound");
      if (proposal.commentsLockedAt) throw new AppError("CONFLICT", "debate.errors.locked");
      roundId = proposal.roundId;
    } else {
      const round = await prisma.round.findUnique({ where: { id: target.roundId }, select: { publishedAt: true, commentsLockedAt: true } });
      if (!round?.publishedAt) throw notFound("rounds.errors.notFound");
      if (round.commentsLockedAt) throw new AppError("CONFLICT", "debate.errors.locked");
      roundId = target.roundId!;
    }
    if (roundId) {
      await rounds.assertPhaseAllows(roundId, "COMMENT");
      await eligibility.assertEligible(me, await rounds.eligibilityOf(roundId));
    } else {
      await eligibility.assertEligible(me);
    }
  }

  /** Tells the people named with @ (among those in the thread) that they were mentioned. */
  async function notifyMentions(me: NonNullable<Viewer>, target: DebateTarget, commentId: number, body: string) {
    const names = mentionedNames(body)
      .filter((n) => n !== me.displayName)
      .slice(0, 10);
    if (names.length === 0) return;
    const participants = await prisma.user.findMany({
      where: {
        displayName: { in: names },
        id: { not: me.id },
        status: "ACTIVE",
        OR: [{ comments: { some: where(target) } }, ...(target.proposalId ? [{ proposals: { some: { id: target.proposalId } } }] : [])],
      },
      select: { id: true },
    });
    for (const p of participants) {
      await notifications.notifyUser(p.id, target.proposalId ?? null, {
        kind: "comment.mentioned",
        messageKey: "debate.notice.mentioned",
        params: { author: me.displayName, ...(target.roundId ? { roundId: target.roundId } : {}), commentId },
      });
    }
  }

  // The moderation queue is read by the moderation service; the rest of the reads are the debate's.
  const { queue: _queue, ...debateReads } = reads;
  const { one } = reads;

  async function post(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "comment.post");
    const input = parse(ZCommentInput, raw);
    if ((input.proposalId === undefined) === (input.roundId === undefined)) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "proposalId", key: "validation.invalid" }] });
    }
    const target: DebateTarget = input.roundId ? { roundId: input.roundId } : { proposalId: input.proposalId! };
    await assertCanWrite(me, target);
    await limits.consume("post", `comment:${me.id}`);
    if (input.parentId) {
      const parent = await prisma.comment.findUnique({
        where: { id: input.parentId },
        select: { proposalId: true, roundId: true, parentId: true },
      });
      if (!parent || (target.proposalId ? parent.proposalId !== target.proposalId : parent.roundId !== target.roundId))
        throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "parentId", key: "validation.invalid" }] });
      // Two levels: a reply to a reply joins its parent's thread.
      if (parent.parentId) input.parentId = parent.parentId;
    }
    const held = containsBannedWord(input.body, await bannedWords());
    const now = clock.now();
    const comment = await prisma.comment.create({
      data: {
        ...where(target),
        authorId: me.id,
        parentId: input.parentId ?? null,
        stance: input.stance,
        body: input.body,
        createdAt: now,
        heldAt: held ? now : null,
      },
      select: { id: true, proposalId: true, roundId: true },
    });
    if (!held) {
      await publishCommentChange(comment, comment.id, "created");
      await notifyMentions(me, target, comment.id, input.body);
    }
    return one(me, comment.id);
  }

  async function edit(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "comment.edit");
    const input = parse(ZEditInput, raw);
    const comment = await prisma.comment.findUnique({
      where: { id: input.commentId },
      select: {
        id: true,
        authorId: true,
        body: true,
        proposalId: true,
        roundId: true,
        hiddenAt: true,
        proposal: { select: { commentsLockedAt: true } },
        round: { select: { commentsLockedAt: true } },
      },
    });
    if (!comment) throw notFound();
    if (comment.authorId !== me.id) throw new AppError("FORBIDDEN", "debate.errors.notAuthor");
    if (comment.hiddenAt) throw new AppError("CONFLICT", "debate.errors.hidden");
    if ((comment.proposal ?? comment.round)?.commentsLockedAt) throw new AppError("CONFLICT", "debate.errors.locked");
    const now = clock.now();
    const held = containsBannedWord(input.body, await bannedWords());
    await prisma.$transaction(async (tx) => {
      // The earlier text stays in the history, readable by whoever may read the comment.
      await tx.commentRevision.create({ data: { commentId: comment.id, body: comment.body, createdAt: now } });
      await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, editedAt: now, heldAt: held ? now : null } });
    });
    await publishCommentChange(comment, comment.id, "edited");
    return one(me, comment.id);
  }

  async function react(viewer: Viewer, rawId: unknown, on: boolean) {
    const me = requireActor(viewer, "comment.react");
    const commentId = parse(id, rawId);
    const comment = await prisma.comment.findUnique({
      where: { id: commentId },
      select: { proposalId: true, roundId: true, authorId: true, hiddenAt: true, heldAt: true },
    });
    // Nobody reacts to a hidden comment, nor to a held one they cannot see.
    if (!comment || comment.hiddenAt || !isListedTo(me, comment)) throw notFound();
    if (comment.authorId === me.id) throw new AppError("FORBIDDEN", "debate.errors.ownComment");
    if (on) await prisma.commentReaction.createMany({ data: [{ commentId, userId: me.id, createdAt: clock.now() }], skipDuplicates: true });
    else await prisma.commentReaction.deleteMany({ where: { commentId, userId: me.id } });
    await publishCommentChange(comment, commentId, "reacted");
    return one(me, commentId);
  }

  return { ...debateReads, post, edit, react };
}

export type CommentService = ReturnType<typeof createCommentService>;
