// Merging duplicate proposals (DOMAIN §1: Gimhae moves repeated posts on the same matter to
// a separate board, 다량민원게시판). A moderator merges a source into a target: the source
// becomes MERGED and points at the target, its 공감 move over without counting anybody twice,
// its author, supporters and followers follow the target, and the target's live count updates.
// Merges never chain: a target must not itself be merged, and whatever had been merged into
// the source is re-pointed at the target.
import { z } from "zod";
import { recordAudit } from "../audit/audit.service.server.ts";
import { readCitySettings } from "../catalog/city-settings.server.ts";
import { Prisma, type PrismaClient } from "../db.ts";
import { AppError, validationError } from "../errors.ts";
import type { EventBus } from "../events.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import { requireActor } from "../roles/participation.policy.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { parseId, zId } from "../ids.ts";
import { ZProposalId } from "./proposal.schema.ts";
import type { ProposalStatus } from "./proposal.types.ts";
import { isPublished, publishedProposalWhere } from "./proposal.visibility.ts";
import { announceCrossing, recordCrossing } from "./support-threshold.server.ts";

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus; notifications: Pick<NotificationService, "notifyFollowers"> };

/** A proposal that absorbed this many merges is a repeated matter (다량민원): filed 3+ times. */
export const REPEATED_MIN_MERGES = 2;
const REPEATED_LIMIT = 100;

const proposalId = zId;

export const ZMergeInput = z.object({
  sourceId: proposalId,
  targetId: proposalId,
  reason: z.string({ required_error: "validation.reasonRequired" }).trim().min(2, "validation.reasonRequired").max(500),
});
export type TMergeInput = z.input<typeof ZMergeInput>;

export type MergeResult = {
  sourceId: number;
  targetId: number;
  /** The target's 공감 after the merge, counted from rows */
  supportCount: number;
  targetStatus: ProposalStatus;
  /** 공감 rows moved to the target */
  carriedSupports: number;
  /** Supporters of the source who already supported the target (or wrote it): counted once */
  alreadyCounted: number;
  /** People who now follow the target because of the merge */
  newFollowers: number;
  /** Proposals earlier merged into the source, now pointing at the target */
  repointed: number;
};

export type MergedProposal = { id: number; title: string; authorName: string; createdAt: Date; mergedAt: Date | null };

export type RepeatedGroup = {
  id: number;
  title: string;
  status: ProposalStatus;
  supportCount: number;
  mergedCount: number;
  lastMergedAt: Date | null;
  merged: MergedProposal[];
};

export type MergeCandidate = {
  id: number;
  title: string;
  status: ProposalStatus;
  createdAt: Date;
  authorName: string;
  supportCount: number;
  mergedIntoId: number | null;
  /** Proposals already merged into this one */
  mergedCount: number;
};

/** The timeline note on the source: names the target (stored once, in the city's language). */
export function mergeNote(target: { id: number; title: string }, reason: string) {
  return `「${target.title}」(#${target.id}) 제안으로 합쳤습니다. 사유: ${reason}`;
}

type Tx = Prisma.TransactionClient;

export function createMergeService({ prisma, clock, events, notifications }: Deps) {
  async function merge(viewer: Viewer, raw: TMergeInput): Promise<MergeResult> {
    const me = requireActor(viewer, "proposal.merge");
    if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const parsed = ZMergeInput.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const { sourceId, targetId, reason } = parsed.data;
    if (sourceId === targetId) {
      throw new AppError("VALIDATION", "duplicates.errors.mergeIntoItself", {
        issues: [{ path: "targetId", key: "duplicates.errors.mergeIntoItself" }],
      });
    }
    const now = clock.now();
    const settings = await readCitySettings(prisma);

    const outcome = await prisma.$transaction(async (tx) => {
      // Lock both rows (in id order, so two merges never deadlock): a concurrent merge of the
      // target elsewhere waits for this one and then sees the source as MERGED, so no chains.
      await tx.$queryRaw(Prisma.sql`SELECT "id" FROM "Proposal" WHERE "id" IN (${sourceId}, ${targetId}) ORDER BY "id" FOR UPDATE`);
      const select = { id: true, title: true, status: true, mergedIntoId: true, authorId: true, closesAt: true } as const;
      const [source, target] = await Promise.all([
        tx.proposal.findUnique({ where: { id: sourceId }, select }),
        tx.proposal.findUnique({ where: { id: targetId }, select }),
      ]);
      if (!source || !target) {
        throw new AppError("NOT_FOUND", "errors.proposalNotFound", {
          issues: [
            ...(source ? [] : [{ path: "sourceId", key: "errors.proposalNotFound" }]),
            ...(target ? [] : [{ path: "targetId", key: "errors.proposalNotFound" }]),
          ],
        });
      }
      if (source.status === "MERGED") {
        throw new AppError("CONFLICT", "duplicates.errors.sourceAlreadyMerged", {
          params: { id: source.mergedIntoId ?? "?" },
          issues: [{ path: "sourceId", key: "duplicates.errors.sourceAlreadyMerged", params: { id: source.mergedIntoId ?? "?" } }],
        });
      }
      if (target.status === "MERGED") {
        // No chains: say where the target went, so the moderator can merge into that one.
        throw new AppError("CONFLICT", "duplicates.errors.targetMerged", {
          params: { id: target.mergedIntoId ?? "?" },
          issues: [{ path: "targetId", key: "duplicates.errors.targetMerged", params: { id: target.mergedIntoId ?? "?" } }],
        });
      }
      if (!isPublished(target)) {
        throw new AppError("CONFLICT", "duplicates.errors.targetNotPublic", {
          issues: [{ path: "targetId", key: "duplicates.errors.targetNotPublic" }],
        });
      }

      // Earlier merges into the source now point at the target (their supports are already on the source).
      const repointed = await tx.proposal.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });

      // 공감: the (proposalId, userId) key skips whoever already supports the target. The target's
      // author cannot support their own proposal, so their 공감 on the source is not carried.
      const sourceSupports = await tx.support.findMany({ where: { proposalId: sourceId }, select: { userId: true, createdAt: true } });
      const carried = sourceSupports.filter((s) => s.userId !== target.authorId);
      const inserted = carried.length
        ? await tx.support.createMany({
            data: carried.map((s) => ({ proposalId: targetId, userId: s.userId, createdAt: s.createdAt })),
            skipDuplicates: true,
          })
        : { count: 0 };
      await tx.support.deleteMany({ where: { proposalId: sourceId } });

      // The source's author, supporters and followers follow the target.
      const sourceFollowers = await tx.follow.findMany({ where: { proposalId: sourceId }, select: { userId: true } });
      const followerIds = [...new Set([source.authorId, ...sourceSupports.map((s) => s.userId), ...sourceFollowers.map((f) => f.userId)])];
      const followed = await tx.follow.createMany({
        data: followerIds.map((userId) => ({ userId, proposalId: targetId, createdAt: now })),
        skipDuplicates: true,
      });

      const note = mergeNote(target, reason);
      await tx.proposal.update({ where: { id: sourceId }, data: { status: "MERGED", mergedIntoId: targetId } });
      await tx.proposalStatusEvent.create({ data: { proposalId: sourceId, status: "MERGED", note, createdAt: now } });

      // The carried 공감 may take the target past its threshold and tiers, as 공감 given there would.
      const { supportCount } = await tx.proposal.findUniqueOrThrow({ where: { id: targetId }, select: { supportCount: true } });
      const crossing = await recordCrossing(tx, target, supportCount, settings, now);
      const { liveVersion: version } = await tx.proposal.findUniqueOrThrow({ where: { id: targetId }, select: { liveVersion: true } });

      const result: MergeResult = {
        sourceId,
        targetId,
        supportCount,
        targetStatus: crossing.status,
        carriedSupports: inserted.count,
        alreadyCounted: sourceSupports.length - inserted.count,
        newFollowers: followed.count,
        repointed: repointed.count,
      };
      await recordAudit(tx, me, {
        action: "proposal.merged",
        targetType: "Proposal",
        targetId: sourceId,
        reason,
        details: {
          sourceId,
          sourceTitle: source.title,
          targetId,
          targetTitle: target.title,
          sourceStatus: source.status,
          carriedSupports: result.carriedSupports,
          alreadyCounted: result.alreadyCounted,
          repointed: result.repointed,
          targetSupportCount: supportCount,
        },
      });
      return { result, note, crossing, version };
    });

    const { result, note, crossing, version } = outcome;
    events.publish("proposal.statusChanged", { proposalId: sourceId, status: "MERGED", note });
    events.publish("proposal.supportChanged", {
      proposalId: targetId,
      supportCount: result.supportCount,
      status: result.targetStatus,
      version,
    });
    await announceCrossing({ events, notifications }, targetId, crossing);
    events.publish("proposal.merged", { sourceId, targetId, supportCount: result.supportCount });
    return result;
  }

  async function mergedInto(db: Tx | PrismaClient, targetIds: number[]) {
    const rows = await db.proposal.findMany({
      where: { mergedIntoId: { in: targetIds }, status: "MERGED" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        createdAt: true,
        mergedIntoId: true,
        author: { select: { displayName: true } },
        statusEvents: {
          where: { status: "MERGED" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { createdAt: true },
        },
      },
    });
    return rows.map((r) => ({
      targetId: r.mergedIntoId!,
      item: {
        id: r.id,
        title: r.title,
        authorName: r.author.displayName,
        createdAt: r.createdAt,
        mergedAt: r.statusEvents[0]?.createdAt ?? null,
      } satisfies MergedProposal,
    }));
  }

  /** The proposals merged into this one ("n건의 같은 제안"), oldest first. */
  async function mergedGroup(rawId: unknown): Promise<MergedProposal[]> {
    return (await mergedInto(prisma, [parseId(rawId)])).map((r) => r.item);
  }

  /** Proposals that absorbed at least two merges (다량민원): the matter was filed three or more times. */
  async function repeatedGroups(): Promise<RepeatedGroup[]> {
    const groups = await prisma.proposal.groupBy({
      by: ["mergedIntoId"],
      where: { status: "MERGED", mergedIntoId: { not: null } },
      _count: { _all: true },
      having: { id: { _count: { gte: REPEATED_MIN_MERGES } } },
      orderBy: [{ _count: { id: "desc" } }, { mergedIntoId: "desc" }],
      take: REPEATED_LIMIT,
    });
    const ids = groups.map((g) => g.mergedIntoId!);
    if (ids.length === 0) return [];
    const [targets, merged] = await Promise.all([
      prisma.proposal.findMany({
        where: { id: { in: ids }, AND: [publishedProposalWhere(), { status: { not: "MERGED" } }] },
        select: { id: true, title: true, status: true, _count: { select: { supports: true } } },
      }),
      mergedInto(prisma, ids),
    ]);
    const byId = new Map(targets.map((t) => [t.id, t]));
    const out: RepeatedGroup[] = [];
    for (const g of groups) {
      const t = byId.get(g.mergedIntoId!);
      if (!t) continue;
      const items = merged.filter((m) => m.targetId === t.id).map((m) => m.item);
      const last = items.reduce<Date | null>((max, m) => (m.mergedAt && (!max || m.mergedAt > max) ? m.mergedAt : max), null);
      out.push({
        id: t.id,
        title: t.title,
        status: t.status,
        supportCount: t._count.supports,
        mergedCount: g._count._all,
        lastMergedAt: last,
        merged: items,
      });
    }
    return out.sort(
      (a, b) => b.mergedCount - a.mergedCount || (b.lastMergedAt?.getTime() ?? 0) - (a.lastMergedAt?.getTime() ?? 0) || b.id - a.id,
    );
  }

  /**
   * What the merge tool previews of one proposal (moderators only, so proposals still in
   * screening show too): title, status, 공감, where it was merged, what was merged into it.
   * Null when there is no such proposal.
   */
  async function candidate(viewer: Viewer, rawId: unknown): Promise<MergeCandidate | null> {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    if (!isModerator(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const parsed = ZProposalId.safeParse(rawId);
    if (!parsed.success) return null;
    const row = await prisma.proposal.findUnique({
      where: { id: parsed.data },
      select: {
        id: true,
        title: true,
        status: true,
        createdAt: true,
        mergedIntoId: true,
        author: { select: { displayName: true } },
        _count: { select: { supports: true, mergedFrom: true } },
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      createdAt: row.createdAt,
      authorName: row.author.displayName,
      supportCount: row._count.supports,
      mergedIntoId: row.mergedIntoId,
      mergedCount: row._count.mergedFrom,
    };
  }

  return { merge, mergedGroup, repeatedGroups, candidate };
}

export type MergeService = ReturnType<typeof createMergeService>;
