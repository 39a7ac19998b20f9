// What a debate's room is pushed when a comment changes: the comment as a public reader may see
// it (comment-visibility.ts decides, through comment-reads), the public tally and count, whether
// the thread is locked, and the version it was read at. Viewer-specific parts (is it mine, did I
// react) each page derives itself; a held comment is not pushed, only its removal from view.
//
// Versions: a proposal's debate takes Proposal.liveVersion (a counter, bumped under the row lock
// before reading — see proposal-live.server.ts); a round has no counter column, so its debate
// reads under a per-round advisory lock and takes the transaction's id, which the database
// hands out in increasing order (a 64-bit xid8: it never wraps). Either way the reads are
// serialized, so a higher version always saw at least what a lower one saw (the newest
// comment's updatedAt would not: two writers can commit out of order; the clock can repeat).
import type { Prisma, PrismaClient } from "../db.ts";
import type { EventBus } from "../events.ts";
import { bumpLiveVersion } from "../proposals/proposal-live.server.ts";
import type { StanceTally } from "../proposals/proposal.types.ts";
import { publicComment, type CommentView } from "./comment-reads.server.ts";
import { PUBLIC_COMMENT } from "./comment-visibility.ts";
import { targetOf, targetWhere, type CommentChange, type DebateTarget } from "./debate-target.ts";

export type DebateLive = {
  version: number;
  /** The comment as a public reader sees it; null when they may not see it (held) or the change is the whole thread's. */
  comment: CommentView | null;
  balance: StanceTally;
  /** Comments neither hidden nor held, as the proposal's comment count. */
  commentCount: number;
  locked: boolean;
};

/** Arbitrary, fixed: the first key of the advisory lock that serializes a round debate's reads. */
const ROUND_DEBATE_LOCK = 12_003;

async function debateVersion(tx: Prisma.TransactionClient, target: DebateTarget): Promise<number> {
  if (target.proposalId) return (await bumpLiveVersion(tx, target.proposalId)) ?? 0;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROUND_DEBATE_LOCK}::int, ${target.roundId}::int)`;
  const rows = await tx.$queryRaw<{ v: string }[]>`SELECT pg_current_xact_id()::text AS v`;
  return Number(rows[0]!.v);
}

/** Reads the debate's live state after a change to `commentId` (0: the thread itself). */
export async function readDebateLive(prisma: PrismaClient, target: DebateTarget, commentId: number): Promise<DebateLive> {
  return prisma.$transaction(async (tx) => {
    const version = await debateVersion(tx, target);
    const comment = commentId ? await publicComment(tx, commentId) : null;
    const groups = await tx.comment.groupBy({
      by: ["stance"],
      where: { ...targetWhere(target), ...PUBLIC_COMMENT },
      _count: { _all: true },
    });
    const place = target.proposalId
      ? await tx.proposal.findUnique({ where: { id: target.proposalId }, select: { commentsLockedAt: true } })
      : await tx.round.findUnique({ where: { id: target.roundId }, select: { commentsLockedAt: true } });
    const count = (stance: string) => groups.find((g) => g.stance === stance)?._count._all ?? 0;
    const balance = { pro: count("PRO"), con: count("CON"), neutral: count("NEUTRAL") };
    return {
      version,
      comment,
      balance,
      commentCount: balance.pro + balance.con + balance.neutral,
      locked: !!place?.commentsLockedAt,
    };
  });
}

/** After commit: pushes a change to the proposal's or the round's room, with the debate's new state. */
export function createDebatePublisher({ prisma, events }: { prisma: PrismaClient; events: EventBus }) {
  return async function publishCommentChange(
    at: { proposalId: number | null; roundId: number | null },
    commentId: number,
    change: CommentChange,
  ): Promise<void> {
    // The change is committed: a failed read loses the push, never the comment.
    const live = await readDebateLive(prisma, targetOf(at), commentId).catch((error: unknown) => {
      console.error("debate live read failed", error);
      return undefined;
    });
    events.publish("comment.changed", { proposalId: at.proposalId, roundId: at.roundId, commentId, change, ...(live ? { live } : {}) });
  };
}

export type PublishCommentChange = ReturnType<typeof createDebatePublisher>;
