// Assessing a round's entries while a phase allows REVIEW: the reviewing department's officer
// (or a moderator) records the feasibility review; committee members score each entry on every
// criterion of the round's rubric. Both are revisable while review is open, audit-logged, and
// published to the round's room.
import type { PrismaClient } from "../db.ts";
import { AppError } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import { assertActor } from "../roles/participation.policy.ts";
import { isCommittee, isModerator, isOfficer } from "../roles/roles.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import type { EntryReads } from "./entry-reads.server.ts";
import { parse } from "./round-guards.ts";
import type { RoundService } from "./round.service.server.ts";
import { ZReviewInput, ZScoreInput } from "./round.schema.ts";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  rounds: Pick<RoundService, "assertPhaseAllows">;
  notifications: NotificationService;
  reads: Pick<EntryReads, "roundFacts" | "entryFacts" | "one">;
};

export function createEntryAssessment({ prisma, clock, events, rounds, notifications, reads }: Deps) {
  const { roundFacts, entryFacts, one } = reads;

  /** A reviewing department's officer (or a moderator) records the feasibility review; revisable while review is open. */
  async function review(viewer: Viewer, raw: unknown) {
    assertActor(viewer, "round.review");
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
      await recordAudit(tx, viewer, {
        action: "round.entry.reviewed",
        targetType: "RoundEntry",
        targetId: entry.id,
        reason: input.reasons,
        details: { verdict: input.verdict, adjustedCostKrw: input.adjustedCostKrw ?? null },
      });
    });
    await notifications.notifyUser(entry.proposal.authorId, entry.proposal.id, {
      kind: "round.reviewed",
      messageKey: "rounds.notice.reviewed",
      params: { verdict: `@rounds.verdict.${input.verdict}` },
    });
    events.publish("round.changed", { roundId: entry.roundId, change: "reviews" });
    return one(viewer, entry.id);
  }

  /** A committee member scores an entry on every criterion of the rubric; revisable while review is open. */
  async function score(viewer: Viewer, raw: unknown) {
    assertActor(viewer, "round.score");
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
      if (!given)
        issues.push({ path: `scores.${i}`, key: "rounds.errors.scoreMissing", params: { criterion: { ko: c.name, en: c.nameEn } } });
      else if (given.points > c.maxPoints)
        issues.push({
          path: `scores.${i}`,
          key: "rounds.errors.scoreTooHigh",
          params: { criterion: { ko: c.name, en: c.nameEn }, max: c.maxPoints },
        });
    });
    if (input.scores.some((s) => !criteria.some((c) => c.id === s.criterionId)))
      issues.push({ path: "scores", key: "validation.invalidChoice" });
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
      await recordAudit(tx, viewer, {
        action: "round.entry.scored",
        targetType: "RoundEntry",
        targetId: entry.id,
        details: { scores: input.scores },
      });
    });
    events.publish("round.changed", { roundId: entry.roundId, change: "scores" });
    return one(viewer, entry.id);
  }

  return { review, score };
}
