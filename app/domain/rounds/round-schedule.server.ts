// A round's phase follows its schedule: `sync` brings the stored phase in line — on every
// action that depends on it and from the scheduler — and records, audit-logs and publishes
// each change. Once a voting phase has begun, the round's rules are locked (votingStartedAt).
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound, type MessageParams } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { allows, scheduledState, type PhaseAction } from "./phase-machine.ts";

export const phaseSelect = {
  id: true,
  position: true,
  name: true,
  nameEn: true,
  startsAt: true,
  endsAt: true,
  allows: true,
} satisfies Prisma.RoundPhaseSelect;

const phaseName = (p: { name: string; nameEn: string }): MessageParams[string] => ({ ko: p.name, en: p.nameEn || p.name });

/** Who moved the round, when a moderator did (null: the schedule itself). */
export type PhaseCause = { actor: Viewer; reason: string | null } | null;

export function createRoundSchedule({ prisma, clock, events }: { prisma: PrismaClient; clock: Clock; events: EventBus }) {
  /**
   * Brings the stored phase in line with the schedule. Idempotent and safe on several nodes:
   * the update only applies if the phase is still the one read, so one node records the change.
   */
  async function sync(roundId: number, cause: PhaseCause = null): Promise<boolean> {
    const now = clock.now();
    const round = await prisma.round.findUnique({
      where: { id: roundId },
      select: {
        id: true,
        publishedAt: true,
        currentPhaseId: true,
        finishedAt: true,
        votingStartedAt: true,
        phases: { select: phaseSelect },
      },
    });
    if (!round?.publishedAt) return false;
    const state = scheduledState(round.phases, now);
    const finished = state.stage === "finished";
    if (state.phaseId === round.currentPhaseId && finished === (round.finishedAt !== null)) return false;
    const votingBegan = round.phases.filter((p) => p.allows.includes("VOTE") && p.startsAt.getTime() <= now.getTime());
    const votingStartedAt = round.votingStartedAt ?? (votingBegan.length ? now : null);
    const to = round.phases.find((p) => p.id === state.phaseId) ?? null;
    const from = round.phases.find((p) => p.id === round.currentPhaseId) ?? null;
    const moved = await prisma.$transaction(async (tx) => {
      const updated = await tx.round.updateMany({
        where: { id: round.id, currentPhaseId: round.currentPhaseId, finishedAt: round.finishedAt },
        data: { currentPhaseId: state.phaseId, finishedAt: finished ? now : null, votingStartedAt },
      });
      if (updated.count === 0) return false;
      await tx.roundPhaseChange.create({
        data: {
          roundId: round.id,
          fromPhaseId: from?.id ?? null,
          toPhaseId: to?.id ?? null,
          cause: cause ? "OVERRIDE" : "SCHEDULE",
          actorId: cause?.actor?.id ?? null,
          reason: cause?.reason ?? null,
          createdAt: now,
        },
      });
      await recordAudit(tx, cause?.actor ?? null, {
        action: cause ? "round.phase.overridden" : "round.phase.changed",
        targetType: "Round",
        targetId: round.id,
        reason: cause?.reason ?? null,
        details: { from: from?.name ?? null, to: to?.name ?? null, finished },
      });
      return true;
    });
    if (moved)
      events.publish("round.phaseChanged", {
        roundId: round.id,
        phaseId: to?.id ?? null,
        fromPhaseId: from?.id ?? null,
        finished,
        cause: cause ? "OVERRIDE" : "SCHEDULE",
      });
    return moved;
  }

  /** For the scheduler: every published round that is not over. Returns the rounds that moved. */
  async function syncDue(): Promise<number[]> {
    const rounds = await prisma.round.findMany({ where: { publishedAt: { not: null }, finishedAt: null }, select: { id: true } });
    const moved: number[] = [];
    for (const r of rounds) if (await sync(r.id)) moved.push(r.id);
    return moved;
  }

  /** Throws unless the round's current phase allows `action` (after catching up with the schedule). */
  async function assertPhaseAllows(roundId: number, action: PhaseAction) {
    await sync(roundId);
    const round = await prisma.round.findUnique({
      where: { id: roundId },
      select: { publishedAt: true, currentPhase: { select: { name: true, nameEn: true, allows: true } } },
    });
    if (!round?.publishedAt) throw notFound("rounds.errors.notFound");
    if (!allows(round.currentPhase, action)) {
      throw new AppError("CONFLICT", "rounds.errors.phaseDisallows", {
        params: { action: `@rounds.action.${action}`, phase: round.currentPhase ? phaseName(round.currentPhase) : "@rounds.noPhase" },
      });
    }
  }

  /** Throws once voting has begun: from then on the round's settings, phases, rubric and entries stay as they are. */
  async function assertUnlocked(roundId: number) {
    await sync(roundId);
    const round = await prisma.round.findUnique({ where: { id: roundId }, select: { votingStartedAt: true } });
    if (!round) throw notFound("rounds.errors.notFound");
    if (round.votingStartedAt) throw new AppError("CONFLICT", "rounds.errors.settingsLocked");
  }

  return { sync, syncDue, assertPhaseAllows, assertUnlocked };
}

export type RoundSchedule = ReturnType<typeof createRoundSchedule>;
