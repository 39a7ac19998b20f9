// Entries in a round: proposals that passed their 공감 threshold on the board (or that a
// moderator promoted, with a reason), and proposals submitted into the round directly.
// Moderators shortlist, exclude and assign the reviewing department; all of it follows the
// round's phases and is locked once voting has begun. The service the edges see
// (domain.entries), made of:
// - this file: bringing entries in, submitting, withdrawing, shortlisting, assigning;
// - entry-assessment.server.ts: feasibility reviews and committee scores;
// - entry-reads.server.ts: the entries as the viewer may see them (entry-scores.ts sums scores).
import type { PrismaClient } from "../db.ts";
import { isUniqueViolation } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { ProposalService } from "../proposals/proposal.service.server.ts";
import type { TCreateProposalInput } from "../proposals/proposal.schema.ts";
import { assertActor } from "../roles/participation.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { createEntryAssessment } from "./entry-assessment.server.ts";
import { createEntryReads, PASSED } from "./entry-reads.server.ts";
import { parse, requireModerator } from "./round-guards.ts";
import type { RoundService } from "./round.service.server.ts";
import { ZAddEntryInput, ZAssignEntryInput, ZEntryStatusInput, zId } from "./round.schema.ts";

export type { EntryView } from "./entry-reads.server.ts";
export type { ScoreSummary } from "./entry-scores.ts";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  rounds: RoundService;
  proposals: ProposalService;
  eligibility: EligibilityService;
  notifications: NotificationService;
};

/** Board statuses a moderator may promote from, with a reason. */
const PROMOTABLE = ["OPEN", "EXPIRED"] as const;

export function createEntryService({ prisma, clock, events, rounds, proposals, eligibility, notifications }: Deps) {
  const reads = createEntryReads({ prisma, clock, rounds });
  const assessment = createEntryAssessment({ prisma, clock, events, rounds, notifications, reads });
  const { roundFacts, entryFacts, one } = reads;

  const roundTitle = async (roundId: number) =>
    (await prisma.round.findUniqueOrThrow({ where: { id: roundId }, select: { title: true } })).title;

  /** Moderators bring a board proposal into the round (a reason is needed if it has not passed its threshold). */
  async function add(viewer: Viewer, raw: unknown) {
    requireModerator(viewer, "round.manage");
    const input = parse(ZAddEntryInput, raw);
    await rounds.assertUnlocked(input.roundId);
    const round = await roundFacts(input.roundId);
    const proposal = await prisma.proposal.findUnique({
      where: { id: input.proposalId },
      select: { id: true, status: true, districtId: true, departmentId: true, roundId: true, authorId: true },
    });
    if (!proposal) throw notFound("errors.proposalNotFound");
    const passed = (PASSED as readonly string[]).includes(proposal.status);
    if (!passed) {
      if (!(PROMOTABLE as readonly string[]).includes(proposal.status) || proposal.roundId)
        throw new AppError("CONFLICT", "rounds.errors.notEligibleForRound");
      if (!input.reason)
        throw new AppError("VALIDATION", "rounds.errors.promotionReason", {
          issues: [{ path: "reason", key: "rounds.errors.promotionReason" }],
        });
    }
    if (round.districtId && proposal.districtId !== round.districtId) throw new AppError("CONFLICT", "rounds.errors.outOfScope");
    try {
      const entry = await prisma.$transaction(async (tx) => {
        const created = await tx.roundEntry.create({
          data: {
            roundId: round.id,
            proposalId: proposal.id,
            source: passed ? "MARKETPLACE" : "PROMOTED",
            departmentId: proposal.departmentId,
            addedById: viewer.id,
            reason: input.reason ?? null,
            createdAt: clock.now(),
          },
          select: { id: true },
        });
        await recordAudit(tx, viewer, {
          action: passed ? "round.entry.added" : "round.entry.promoted",
          targetType: "RoundEntry",
          targetId: created.id,
          reason: input.reason ?? null,
          details: { roundId: round.id, proposalId: proposal.id },
        });
        return created;
      });
      await notifications.notifyFollowers(proposal.id, {
        kind: "round.entered",
        messageKey: "rounds.notice.entered",
        params: { round: round.title },
      });
      events.publish("round.changed", { roundId: round.id, change: "entries" });
      return one(viewer, entry.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "rounds.errors.alreadyEntered");
      throw error;
    }
  }

  /** A citizen submits a proposal straight into the round, while its phase allows submissions. */
  async function submit(viewer: Viewer, rawRoundId: unknown, rawInput: TCreateProposalInput) {
    assertActor(viewer, "round.submitEntry");
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
      await recordAudit(tx, viewer, {
        action: "round.entry.submitted",
        targetType: "RoundEntry",
        targetId: created.id,
        details: { roundId, proposalId: proposal.id },
      });
      return created;
    });
    events.publish("round.changed", { roundId, change: "entries" });
    return one(viewer, entry.id);
  }

  /** The author withdraws their direct entry while submissions are still open. */
  async function withdraw(viewer: Viewer, rawEntryId: unknown) {
    assertActor(viewer, "round.withdrawEntry");
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
    requireModerator(viewer, "round.manage");
    const input = parse(ZEntryStatusInput, raw);
    const entry = await entryFacts(input.entryId);
    await rounds.assertUnlocked(entry.roundId);
    if (entry.status === "WITHDRAWN") throw new AppError("CONFLICT", "rounds.errors.entryWithdrawn");
    if (input.status === "SHORTLISTED" && entry.review?.verdict === "NOT_FEASIBLE")
      throw new AppError("CONFLICT", "rounds.errors.notFeasible");
    if (input.status === "EXCLUDED" && !input.reason)
      throw new AppError("VALIDATION", "validation.reasonRequired", { issues: [{ path: "reason", key: "validation.reasonRequired" }] });
    await prisma.$transaction(async (tx) => {
      await tx.roundEntry.update({
        where: { id: entry.id },
        data: { status: input.status, statusChangedAt: clock.now(), ...(input.status === "EXCLUDED" ? { reason: input.reason } : {}) },
      });
      await recordAudit(tx, viewer, {
        action: `round.entry.${input.status.toLowerCase()}`,
        targetType: "RoundEntry",
        targetId: entry.id,
        reason: input.reason ?? null,
      });
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
    requireModerator(viewer, "round.manage");
    const input = parse(ZAssignEntryInput, raw);
    const entry = await entryFacts(input.entryId);
    await rounds.assertUnlocked(entry.roundId);
    if (!(await prisma.department.findUnique({ where: { id: input.departmentId } })))
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "departmentId", key: "validation.invalidChoice" }] });
    await prisma.$transaction(async (tx) => {
      await tx.roundEntry.update({ where: { id: entry.id }, data: { departmentId: input.departmentId } });
      await recordAudit(tx, viewer, {
        action: "round.entry.assigned",
        targetType: "RoundEntry",
        targetId: entry.id,
        details: { departmentId: input.departmentId },
      });
    });
    events.publish("round.changed", { roundId: entry.roundId, change: "entries" });
    return one(viewer, entry.id);
  }

  const { list, candidates, reviewWork } = reads;
  const { review, score } = assessment;
  return { add, submit, withdraw, setStatus, assign, review, score, list, one, candidates, reviewWork };
}

export type EntryService = ReturnType<typeof createEntryService>;
