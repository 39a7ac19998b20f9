// Reading a round's entries: one entry or the round's list (ranked by committee score where it
// is visible, else by 공감), the board proposals a moderator could bring in, and the review
// work waiting for an officer or committee member. Committee scores are sealed until a results
// phase begins (moderators see them at any time; each member sees their own sheet).
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import { isCommittee, isModerator, isOfficer } from "../roles/roles.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { summarizeScores } from "./entry-scores.ts";
import { requireModerator } from "./round-guards.ts";
import type { RoundService } from "./round.service.server.ts";

/** Board statuses that mean a proposal passed its threshold (or went further). */
export const PASSED = ["THRESHOLD_REACHED", "ASSIGNED", "ANSWERED", "IN_PROGRESS"] as const;

const entrySelect = {
  id: true,
  roundId: true,
  source: true,
  status: true,
  reason: true,
  createdAt: true,
  statusChangedAt: true,
  department: { select: { id: true, name: true, nameEn: true } },
  proposal: {
    select: {
      id: true,
      title: true,
      authorId: true,
      estimatedCostKrw: true,
      author: { select: { displayName: true } },
      district: { select: { id: true, name: true, nameEn: true } },
      category: { select: { id: true, name: true, nameEn: true } },
      _count: { select: { supports: true, comments: { where: { hiddenAt: null, heldAt: null } } } },
    },
  },
  review: {
    select: {
      verdict: true,
      reasons: true,
      adjustedCostKrw: true,
      updatedAt: true,
      reviewer: { select: { displayName: true } },
      department: { select: { name: true, nameEn: true } },
    },
  },
  scores: { select: { criterionId: true, scorerId: true, points: true } },
} satisfies Prisma.RoundEntrySelect;
type EntryRow = Prisma.RoundEntryGetPayload<{ select: typeof entrySelect }>;

function toView(row: EntryRow, criteriaIds: number[], viewer: Viewer, showScores: boolean) {
  const cost = row.review?.adjustedCostKrw ?? row.proposal.estimatedCostKrw;
  return {
    id: row.id,
    roundId: row.roundId,
    source: row.source,
    status: row.status,
    reason: row.reason,
    createdAt: row.createdAt,
    statusChangedAt: row.statusChangedAt,
    department: row.department,
    proposal: {
      id: row.proposal.id,
      title: row.proposal.title,
      authorId: row.proposal.authorId,
      authorName: row.proposal.author.displayName,
      district: row.proposal.district,
      category: row.proposal.category,
      estimatedCostKrw: row.proposal.estimatedCostKrw === null ? null : Number(row.proposal.estimatedCostKrw),
      supportCount: row.proposal._count.supports,
      commentCount: row.proposal._count.comments,
    },
    review: row.review
      ? {
          verdict: row.review.verdict,
          reasons: row.review.reasons,
          adjustedCostKrw: row.review.adjustedCostKrw === null ? null : Number(row.review.adjustedCostKrw),
          reviewer: row.review.reviewer.displayName,
          department: row.review.department,
          updatedAt: row.review.updatedAt,
        }
      : null,
    /** The cost that counts against the budget: the reviewed cost if any, else the proposer's estimate. */
    costKrw: cost === null ? null : Number(cost),
    scores: showScores ? summarizeScores(row.scores, criteriaIds) : null,
    myScores: viewer
      ? row.scores.filter((s) => s.scorerId === viewer.id).map((s) => ({ criterionId: s.criterionId, points: s.points }))
      : [],
  };
}
export type EntryView = ReturnType<typeof toView>;

type Deps = { prisma: PrismaClient; clock: Clock; rounds: Pick<RoundService, "get" | "syncDue"> };

export function createEntryReads({ prisma, clock, rounds }: Deps) {
  /** What the writes check about a round. */
  async function roundFacts(roundId: number) {
    const round = await prisma.round.findUnique({
      where: { id: roundId },
      select: {
        id: true,
        title: true,
        districtId: true,
        publishedAt: true,
        votingStartedAt: true,
        currentPhase: { select: { allows: true } },
        phases: { select: { endsAt: true }, orderBy: { position: "desc" }, take: 1 },
        criteria: { select: { id: true, maxPoints: true, name: true, nameEn: true }, orderBy: { position: "asc" } },
      },
    });
    if (!round) throw notFound("rounds.errors.notFound");
    return round;
  }

  /** What the writes check about an entry. */
  async function entryFacts(entryId: number) {
    const entry = await prisma.roundEntry.findUnique({
      where: { id: entryId },
      select: {
        id: true,
        roundId: true,
        status: true,
        departmentId: true,
        proposal: { select: { id: true, authorId: true, title: true } },
        review: { select: { verdict: true } },
      },
    });
    if (!entry) throw notFound("rounds.errors.entryNotFound");
    return entry;
  }

  /**
   * Committee scores are sealed: moderators see the averages at any time, everyone once a
   * results phase has begun; a committee member sees their own sheet.
   */
  async function scoresVisible(viewer: Viewer, roundId: number) {
    if (isModerator(viewer)) return true;
    // Filtered here, not with `has`: the PGlite driver adapter mis-encodes enum-array filters.
    const begun = await prisma.roundPhase.findMany({ where: { roundId, startsAt: { lte: clock.now() } }, select: { allows: true } });
    return begun.some((p) => p.allows.includes("RESULTS"));
  }

  async function one(viewer: Viewer, entryId: number): Promise<EntryView> {
    const row = await prisma.roundEntry.findUniqueOrThrow({ where: { id: entryId }, select: entrySelect });
    const criteria = await prisma.roundCriterion.findMany({
      where: { roundId: row.roundId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    return toView(
      row,
      criteria.map((c) => c.id),
      viewer,
      await scoresVisible(viewer, row.roundId),
    );
  }

  /** The round's entries; ranked by committee score where it is visible, else by 공감. Withdrawn ones only for moderators. */
  async function list(viewer: Viewer, rawRoundId: unknown, { status }: { status?: EntryRow["status"] } = {}): Promise<EntryView[]> {
    const round = await rounds.get(viewer, rawRoundId);
    const rows = await prisma.roundEntry.findMany({
      where: { roundId: round.id, status: status ?? (isModerator(viewer) ? undefined : { not: "WITHDRAWN" }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: entrySelect,
    });
    const show = await scoresVisible(viewer, round.id);
    const views = rows.map((r) =>
      toView(
        r,
        round.criteria.map((c) => c.id),
        viewer,
        show,
      ),
    );
    return views.sort(
      (a, b) => (b.scores?.average ?? -1) - (a.scores?.average ?? -1) || b.proposal.supportCount - a.proposal.supportCount || a.id - b.id,
    );
  }

  /** Board proposals a moderator can bring into the round: passed their threshold, in scope, not yet in. */
  async function candidates(viewer: Viewer, rawRoundId: unknown) {
    requireModerator(viewer);
    const round = await rounds.get(viewer, rawRoundId);
    return prisma.proposal.findMany({
      where: {
        status: { in: [...PASSED] },
        roundId: null,
        entries: { none: { roundId: round.id } },
        ...(round.district ? { districtId: round.district.id } : {}),
      },
      orderBy: [{ createdAt: "desc" }],
      take: 50,
      select: { id: true, title: true, status: true, _count: { select: { supports: true } } },
    });
  }

  /** What a reviewer or committee member has to do: entries of rounds now in a review phase. */
  async function reviewWork(viewer: Viewer) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const reviewer = isOfficer(viewer) || isModerator(viewer);
    if (!reviewer && !isCommittee(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
    await rounds.syncDue();
    const reviewing = await prisma.round.findMany({
      where: { publishedAt: { not: null }, finishedAt: null, currentPhaseId: { not: null } },
      select: { id: true, currentPhase: { select: { allows: true } } },
    });
    const rows = await prisma.roundEntry.findMany({
      where: {
        status: { in: ["SUBMITTED", "SHORTLISTED"] },
        roundId: { in: reviewing.filter((r) => r.currentPhase?.allows.includes("REVIEW")).map((r) => r.id) },
        ...(isModerator(viewer) || isCommittee(viewer) ? {} : { departmentId: viewer.departmentId ?? -1 }),
      },
      orderBy: [{ roundId: "asc" }, { id: "asc" }],
      select: { ...entrySelect, round: { select: { title: true, criteria: { orderBy: { position: "asc" }, select: { id: true } } } } },
    });
    return rows.map((r) => ({
      ...toView(
        r,
        r.round.criteria.map((c) => c.id),
        viewer,
        false,
      ),
      roundTitle: r.round.title,
    }));
  }

  return { roundFacts, entryFacts, one, list, candidates, reviewWork };
}

export type EntryReads = ReturnType<typeof createEntryReads>;
