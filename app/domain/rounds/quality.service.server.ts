// Measures a round's debate — its own thread and the threads of its entries, public comments
// only, as the comment reads give them — (see quality.ts), for the round page and the
// moderator's dashboard.
import type { PrismaClient } from "../db.ts";
import type { CommentReads } from "../debate/comment-reads.server.ts";
import type { Viewer } from "../viewer.ts";
import { deliberationQuality } from "./quality.ts";
import { requireModerator } from "./round-guards.ts";
import type { RoundService } from "./round.service.server.ts";

type Deps = { prisma: PrismaClient; rounds: Pick<RoundService, "get">; comments: Pick<CommentReads, "publicInRound"> };

export function createQualityService({ prisma, rounds, comments }: Deps) {
  const districts = () => prisma.district.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, nameEn: true } });

  /** Public: the round's deliberation quality. */
  async function forRound(viewer: Viewer, rawRoundId: unknown) {
    const round = await rounds.get(viewer, rawRoundId);
    const [rows, all] = await Promise.all([comments.publicInRound(round.id), districts()]);
    return deliberationQuality(rows, all);
  }

  /** Moderators: the round at a glance — debate quality, entries by status, review and scoring progress, open reports, activity by day. */
  async function dashboard(viewer: Viewer, rawRoundId: unknown) {
    requireModerator(viewer);
    const round = await rounds.get(viewer, rawRoundId);
    const [all, rows, entries, reviewed, scoreSheets, openReports] = await Promise.all([
      districts(),
      comments.publicInRound(round.id),
      prisma.roundEntry.groupBy({ by: ["status"], where: { roundId: round.id }, _count: { _all: true } }),
      prisma.entryReview.count({ where: { entry: { roundId: round.id, status: { not: "WITHDRAWN" } } } }),
      prisma.entryScore.groupBy({ by: ["entryId", "scorerId"], where: { entry: { roundId: round.id } }, _count: { _all: true } }),
      prisma.report.count({
        where: { resolvedAt: null, comment: { OR: [{ roundId: round.id }, { proposal: { entries: { some: { roundId: round.id } } } }] } },
      }),
    ]);
    // One read of the debate serves both the quality measures and the activity by day.
    const quality = deliberationQuality(rows, all);
    const byDay = new Map<string, number>();
    for (const c of rows) {
      const day = new Date(c.createdAt.getTime() + 9 * 3600_000).toISOString().slice(0, 10); // KST date
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    const count = (status: string) => entries.find((e) => e.status === status)?._count._all ?? 0;
    return {
      round,
      quality,
      entries: {
        submitted: count("SUBMITTED"),
        shortlisted: count("SHORTLISTED"),
        excluded: count("EXCLUDED"),
        withdrawn: count("WITHDRAWN"),
      },
      reviewed,
      /** Complete score sheets (every criterion scored), as averages count them. */
      scoreSheets: scoreSheets.filter((s) => s._count._all >= round.criteria.length).length,
      openReports,
      activityByDay: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, comments]) => ({ day, comments })),
    };
  }

  return { forRound, dashboard };
}

export type QualityService = ReturnType<typeof createQualityService>;
