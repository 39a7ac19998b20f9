// Entries in a round: proposals that passed their 공감 threshold on the board (or that a
// moderator promoted, with a reason), and proposals submitted into the round directly.
// Departments review each entry's feasibility; committee members score it on the round's
// rubric; moderators shortlist. Reviews, scores and shortlists follow the round's phases and
// are locked once voting has begun.
import type { Prisma, PrismaClient } from "../db.ts";
import { isUniqueViolation } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { ProposalService } from "../proposals/proposal.service.server.ts";
import type { TCreateProposalInput } from "../proposals/proposal.schema.ts";
import { isCommittee, isModerator, isOfficer } from "../roles/roles.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { ZAddEntryInput, ZAssignEntryInput, ZEntryStatusInput, ZReviewInput, ZScoreInput, zId } from "./round.schema.ts";
import { parse, requireModerator, type RoundService } from "./round.service.server.ts";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  rounds: RoundService;
  proposals: ProposalService;
  eligibility: EligibilityService;
  notifications: NotificationService;
};

/** Board statuses that mean a proposal passed its threshold (or went further). */
const PASSED = ["THRESHOLD_REACHED", "ASSIGNED", "ANSWERED", "IN_PROGRESS"] as const;
/** Board statuses a moderator may promote from, with a reason. */
const PROMOTABLE = ["OPEN", "EXPIRED"] as const;

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
  review: { select: { verdict: true, reasons: true, adjustedCostKrw: true, updatedAt: true, reviewer: { select: { displayName: true } }, department: { select: { name: true, nameEn: true } } } },
  scores: { select: { criterionId: true, scorerId: true, points: true } },
} satisfies Prisma.RoundEntrySelect;
type EntryRow = Prisma.RoundEntryGetPayload<{ select: typeof entrySelect }>;

export type ScoreSummary = {
  /** How many committee members have scored every criterion. */
  scorers: number;
  /** Average total across scorers (null = nobody yet), and per criterion. */
  average: number | null;
  byCriterion: { criterionId: number; average: number | null }[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function summarizeScores(scores: { criterionId: number; scorerId: number; points: number }[], criteriaIds: number[]): ScoreSummary {
  const byScorer = new Map<number, Map<number, number>>();
  for (const s of scores) byScorer.set(s.scorerId, (byScorer.get(s.scorerId) ?? new Map()).set(s.criterionId, s.points));
  // Only complete score sheets count, so a half-finished sheet never skews the average.
  const complete = [...byScorer.values()].filter((sheet) => criteriaIds.every((c) => sheet.has(c)));
  const byCriterion = criteriaIds.map((criterionId) => ({
    criterionId,
    average: complete.length ? round1(complete.reduce((sum, sheet) => sum + sheet.get(criterionId)!, 0) / complete.length) : null,
  }));
  const average = complete.length ? round1(complete.reduce((sum, sheet) => sum + criteriaIds.reduce((t, c) => t + sheet.get(c)!, 0), 0) / complete.length) : null;
  return { scorers: complete.length, average, byCriterion };
}

export function createEntryService({ prisma, clock, events, rounds, proposals, eligibility, notifications }: Deps) {
  async function roundFacts(roundId: number) {
    const round = await prisma.round.findUnique({
      where: { id: roundId },
      select: { id: true, title: true, districtId: true, publishedAt: true, votingStartedAt: true, currentPhase: { select: { allows: true } }, phases: { select: { endsAt: true }, orderBy: { position: "desc" }, take: 1 }, criteria: { select: { id: true, maxPoints: true, name: true, nameEn: true }, orderBy: { position: "asc" } } },
    });
    if (!round) throw notFound("rounds.errors.notFound");
    return round;
  }

  async function entryFacts(entryId: number) {
    const entry = await prisma.roundEntry.findUnique({
      where: { id: entryId },
      select: { id: true, roundId: true, status: true, departmentId: true, proposal: { select: { id: true, authorId: true, title: true } }, review: { select: { verdict: true } } },
    });
    if (!entry) throw notFound("rounds.errors.entryNotFound");
    return entry;
  }

  const roundTitle = async (roundId: number) => (await prisma.round.findUniqueOrThrow({ where: { id: roundId }, select: { title: true } })).title;

  /** Moderators bring a board proposal into the round (a reason is needed if it has not passed its threshold). */
  async function add(viewer: Viewer, raw: unknown) {
    requireModerator(viewer);
    const input = parse(ZAddEntryInput, raw);
    await rounds.assertUnlocked(input.roundId);
    const round = await roundFacts(input.roundId);
    const proposal = await prisma.proposal.findUnique({ where: { id: input.proposalId }, select: { id: true, status: true, districtId: true, departmentId: true, roundId: true, authorId: true } });
    if (!proposal) throw notFound("errors.proposalNotFound");
    const passed = (PASSED as readonly string[]).includes(proposal.status);
    if (!passed) {
      if (!(PROMOTABLE as readonly string[]).includes(proposal.status) || proposal.roundId) throw new AppError("CONFLICT", "rounds.errors.notEligibleForRound");
      if (!input.reason) throw new AppError("VALIDATION", "rounds.errors.promotionReason", { issues: [{ path: "reason", key: "rounds.errors.promotionReason" }] });
    }
    if (round.districtId && proposal.districtId !== round.districtId) throw new AppError("CONFLICT", "rounds.errors.outOfScope");
    try {
      const entry = await prisma.$transaction(async (tx) => {
        const created = await tx.roundEntry.create({
          data: { roundId: round.id, proposalId: proposal.id, source: passed ? "MARKETPLACE" : "PROMOTED", departmentId: proposal.departmentId, addedById: viewer.id, reason: input.reason ?? null, createdAt: clock.now() },
          select: { id: true },
        });
        await recordAudit(tx, viewer, { action: passed ? "round.entry.added" : "round.entry.promoted", targetType: "RoundEntry", targetId: created.id, reason: input.reason ?? null, details: { roundId: round.id, proposalId: proposal.id } });
        return created;
      });
      await notifications.notifyFollowers(proposal.id, { kind: "round.entered", messageKey: "rounds.notice.entered", params: { round: round.title } });
      events.publish("round.changed", { roundId: round.id, change: "entries" });
      return one(viewer, entry.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "rounds.errors.alreadyEntered");
      throw error;
    }
  }

  /** A citizen submits a proposal straight into the round, while its phase allows submissions. */
  async function submit(viewer: Viewer, rawRoundId: unknown, rawInput: TCreateProposalInput) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const roundId = parse(zId, rawRoundId);
    await rounds.assertPhaseAllows(roundId, "SUBMIT");
    const round = await roundFacts(roundId);
    await eligibility.assertEligible(viewer, await rounds.eligibilityOf(roundId));
    const input = round.districtId ? { ...rawInput, districtId: round.districtId } : rawInput;
    const proposal = await proposals.create(viewer, input, { round: { id: roundId, closesAt: round.phases[0]!.endsAt } });
    const entry = await prisma.$transaction(async (tx) => {
      const created = await tx.roundEntry.create({
        data: { roundId, proposalId: proposal.id, source: "DIRECT", departmentId: null, addedById: viewer.id, createdAt: clock.now() },
        select: { id: true },
      });
      await recordAudit(tx, viewer, { action: "round.entry.submitted", targetType: "RoundEntry", targetId: created.id, details: { roundId, proposalId: proposal.id } });
      return created;
    });
    events.publish("round.changed", { roundId, change: "entries" });
    return one(viewer, entry.id);
  }

  /** The author withdraws their direct entry while submissions are still open. */
  async function withdraw(viewer: Viewer, rawEntryId: unknown) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const entry = await entryFacts(parse(zId, rawEntryId));
    if (entry.proposal.authorId !== viewer.id) throw new AppError("FORBIDDEN", "errors.forbidden");
    await rounds.assertPhaseAllows(entry.roundId, "SUBMIT");
    await prisma.$transaction(async (tx) => {
      await tx.roundEntry.update({ where: { id: entry.id }, data: { status: "WITHDRAWN", statusChangedAt: clock.now() } });
      await recordAudit(tx, viewer, { action: "round.entry.withdrawn", targetType: "RoundEntry", targetId: entry.id });
    });
    events.publish("round.changed", { roundId: entry.roundId, change: "entries" });
    return one(viewer, entry.id);
  }

  /** Moderators: shortlist, exclude (with a reason) or return an entry to submitted. */
  async function setStatus(viewer: Viewer, raw: unknown) {
    requireModerator(viewer);
    const input = parse(ZEntryStatusInput, raw);
    const entry = await entryFacts(input.entryId);
    await rounds.assertUnlocked(entry.roundId);
    if (entry.status === "WITHDRAWN") throw new AppError("CONFLICT", "rounds.errors.entryWithdrawn");
    if (input.status === "SHORTLISTED" && entry.review?.verdict === "NOT_FEASIBLE") throw new AppError("CONFLICT", "rounds.errors.notFeasible");
    if (input.status === "EXCLUDED" && !input.reason) throw new AppError("VALIDATION", "validation.reasonRequired", { issues: [{ path: "reason", key: "validation.reasonRequired" }] });
    await prisma.$transaction(async (tx) => {
      await tx.roundEntry.update({ where: { id: entry.id }, data: { status: input.status, statusChangedAt: clock.now(), ...(input.status === "EXCLUDED" ? { reason: input.reason } : {}) } });
      await recordAudit(tx, viewer, { action: `round.entry.${input.status.toLowerCase()}`, targetType: "RoundEntry", targetId: entry.id, reason: input.reason ?? null });
    });
    if (input.status !== "SUBMITTED") {
      await notifications.notifyUser(entry.proposal.authorId, entry.proposal.id, {
        kind: `round.${input.status.toLowerCase()}`,
        messageKey: input.status === "SHORTLISTED" ? "rounds.notice.shortlisted" : "rounds.notice.excluded",
        params: { round: await roundTitle(entry.roundId), reason: input.reason ?? "" },
      });
    }
    events.publish("round.changed", { roundId: entry.roundId, change: "entries" });
    return one(viewer, entry.id);
  }

  /** Moderators: which department reviews the entry's feasibility. */
  async function assign(viewer: Viewer, raw: unknown) {
    requireModerator(viewer);
    const input = parse(ZAssignEntryInput, raw);
    const entry = await entryFacts(input.entryId);
    await rounds.assertUnlocked(entry.roundId);
    if (!(await prisma.department.findUnique({ where: { id: input.departmentId } }))) throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "departmentId", key: "validation.invalidChoice" }] });
    await prisma.$transaction(async (tx) => {
      await tx.roundEntry.update({ where: { id: entry.id }, data: { departmentId: input.departmentId } });
      await recordAudit(tx, viewer, { action: "round.entry.assigned", targetType: "RoundEntry", targetId: entry.id, details: { departmentId: input.departmentId } });
    });
    events.publish("round.changed", { roundId: entry.roundId, change: "entries" });
    return one(viewer, entry.id);
  }

  /** A reviewing department's officer (or a moderator) records the feasibility review; revisable while review is open. */
  async function review(viewer: Viewer, raw: unknown) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const input = parse(ZReviewInput, raw);
    const entry = await entryFacts(input.entryId);
    const ownDepartment = isOfficer(viewer) && viewer.departmentId !== null && viewer.departmentId === entry.departmentId;
    if (!ownDepartment && !isModerator(viewer)) throw new AppError("FORBIDDEN", "rounds.errors.notReviewer");
    if (entry.status === "WITHDRAWN") throw new AppError("CONFLICT", "rounds.errors.entryWithdrawn");
    await rounds.assertPhaseAllows(entry.roundId, "REVIEW");
    const now = clock.now();
    const data = {
      verdict: input.verdict,
      reasons: input.reasons,
      adjustedCostKrw: input.adjustedCostKrw === undefined ? null : BigInt(input.adjustedCostKrw),
      reviewerId: viewer.id,
      departmentId: ownDepartment ? viewer.departmentId : entry.departmentId,
      updatedAt: now,
    };
    await prisma.$transaction(async (tx) => {
      await tx.entryReview.upsert({ where: { entryId: entry.id }, create: { entryId: entry.id, createdAt: now, ...data }, update: data });
      await recordAudit(tx, viewer, { action: "round.entry.reviewed", targetType: "RoundEntry", targetId: entry.id, reason: input.reasons, details: { verdict: input.verdict, adjustedCostKrw: input.adjustedCostKrw ?? null } });
    });
    await notifications.notifyUser(entry.proposal.authorId, entry.proposal.id, { kind: "round.reviewed", messageKey: "rounds.notice.reviewed", params: { verdict: `@rounds.verdict.${input.verdict}` } });
    events.publish("round.changed", { roundId: entry.roundId, change: "reviews" });
    return one(viewer, entry.id);
  }

  /** A committee member scores an entry on every criterion of the rubric; revisable while review is open. */
  async function score(viewer: Viewer, raw: unknown) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    if (!isCommittee(viewer)) throw new AppError("FORBIDDEN", "rounds.errors.notCommittee");
    const input = parse(ZScoreInput, raw);
    const entry = await entryFacts(input.entryId);
    if (entry.proposal.authorId === viewer.id) throw new AppError("FORBIDDEN", "rounds.errors.ownEntry");
    if (entry.status === "WITHDRAWN" || entry.status === "EXCLUDED") throw new AppError("CONFLICT", "rounds.errors.entryNotScorable");
    await rounds.assertPhaseAllows(entry.roundId, "REVIEW");
    const { criteria } = await roundFacts(entry.roundId);
    const issues: { path: string; key: string; params?: Record<string, number | { ko: string; en: string }> }[] = [];
    criteria.forEach((c, i) => {
      const given = input.scores.find((s) => s.criterionId === c.id);
      if (!given) issues.push({ path: `scores.${i}`, key: "rounds.errors.scoreMissing", params: { criterion: { ko: c.name, en: c.nameEn } } });
      else if (given.points > c.maxPoints) issues.push({ path: `scores.${i}`, key: "rounds.errors.scoreTooHigh", params: { criterion: { ko: c.name, en: c.nameEn }, max: c.maxPoints } });
    });
    if (input.scores.some((s) => !criteria.some((c) => c.id === s.criterionId))) issues.push({ path: "scores", key: "validation.invalidChoice" });
    if (issues.length) throw new AppError("VALIDATION", issues[0]!.key, { params: issues[0]!.params, issues });
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      for (const s of input.scores) {
        await tx.entryScore.upsert({
          where: { entryId_criterionId_scorerId: { entryId: entry.id, criterionId: s.criterionId, scorerId: viewer.id } },
          create: { entryId: entry.id, criterionId: s.criterionId, scorerId: viewer.id, points: s.points, updatedAt: now },
          update: { points: s.points, updatedAt: now },
        });
      }
      await recordAudit(tx, viewer, { action: "round.entry.scored", targetType: "RoundEntry", targetId: entry.id, details: { scores: input.scores } });
    });
    events.publish("round.changed", { roundId: entry.roundId, change: "scores" });
    return one(viewer, entry.id);
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
        ? { verdict: row.review.verdict, reasons: row.review.reasons, adjustedCostKrw: row.review.adjustedCostKrw === null ? null : Number(row.review.adjustedCostKrw), reviewer: row.review.reviewer.displayName, department: row.review.department, updatedAt: row.review.updatedAt }
        : null,
      /** The cost that counts against the budget: the reviewed cost if any, else the proposer's estimate. */
      costKrw: cost === null ? null : Number(cost),
      scores: showScores ? summarizeScores(row.scores, criteriaIds) : null,
      myScores: viewer ? row.scores.filter((s) => s.scorerId === viewer.id).map((s) => ({ criterionId: s.criterionId, points: s.points })) : [],
    };
  }
  type EntryView = ReturnType<typeof toView>;

  async function one(viewer: Viewer, entryId: number): Promise<EntryView> {
    const row = await prisma.roundEntry.findUniqueOrThrow({ where: { id: entryId }, select: entrySelect });
    const criteria = await prisma.roundCriterion.findMany({ where: { roundId: row.roundId }, orderBy: { position: "asc" }, select: { id: true } });
    return toView(row, criteria.map((c) => c.id), viewer, await scoresVisible(viewer, row.roundId));
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
    const views = rows.map((r) => toView(r, round.criteria.map((c) => c.id), viewer, show));
    return views.sort((a, b) => (b.scores?.average ?? -1) - (a.scores?.average ?? -1) || b.proposal.supportCount - a.proposal.supportCount || a.id - b.id);
  }

  /** Board proposals a moderator can bring into the round: passed their threshold, in scope, not yet in. */
  async function candidates(viewer: Viewer, rawRoundId: unknown) {
    requireModerator(viewer);
    const round = await rounds.get(viewer, rawRoundId);
    return prisma.proposal.findMany({
      where: { status: { in: [...PASSED] }, roundId: null, entries: { none: { roundId: round.id } }, ...(round.district ? { districtId: round.district.id } : {}) },
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
    const reviewing = await prisma.round.findMany({ where: { publishedAt: { not: null }, finishedAt: null, currentPhaseId: { not: null } }, select: { id: true, currentPhase: { select: { allows: true } } } });
    const rows = await prisma.roundEntry.findMany({
      where: {
        status: { in: ["SUBMITTED", "SHORTLISTED"] },
        roundId: { in: reviewing.filter((r) => r.currentPhase?.allows.includes("REVIEW")).map((r) => r.id) },
        ...(isModerator(viewer) || isCommittee(viewer) ? {} : { departmentId: viewer.departmentId ?? -1 }),
      },
      orderBy: [{ roundId: "asc" }, { id: "asc" }],
      select: { ...entrySelect, round: { select: { title: true, criteria: { orderBy: { position: "asc" }, select: { id: true } } } } },
    });
    return rows.map((r) => ({ ...toView(r, r.round.criteria.map((c) => c.id), viewer, false), roundTitle: r.round.title }));
  }

  return { add, submit, withdraw, setStatus, assign, review, score, list, one, candidates, reviewWork };
}

export type EntryService = ReturnType<typeof createEntryService>;
