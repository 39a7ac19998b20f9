// The phase machine, pure: which phase a round is in at a moment, what that phase allows,
// and how a moderator's "move to phase N now" rewrites the schedule so that the schedule
// and the state never disagree (the scheduler then simply keeps following the schedule).
export const PHASE_ACTIONS = ["SUBMIT", "REVIEW", "COMMENT", "VOTE", "RESULTS"] as const;
export type PhaseAction = (typeof PHASE_ACTIONS)[number];

export type PhaseSlot = { id: number; position: number; startsAt: Date; endsAt: Date; allows: readonly PhaseAction[] };

export type MachineState =
  | { stage: "upcoming"; phaseId: null }
  | { stage: "running"; phaseId: number }
  /** Between two phases (a gap in the schedule): nothing is allowed. */
  | { stage: "between"; phaseId: null }
  | { stage: "finished"; phaseId: null };

const byPosition = (phases: readonly PhaseSlot[]) => [...phases].sort((a, b) => a.position - b.position);

/** Where the schedule puts the round at `now`. A phase runs on [startsAt, endsAt). */
export function scheduledState(phases: readonly PhaseSlot[], now: Date): MachineState {
  const ordered = byPosition(phases);
  if (ordered.length === 0) return { stage: "upcoming", phaseId: null };
  const t = now.getTime();
  const running = ordered.find((p) => p.startsAt.getTime() <= t && t < p.endsAt.getTime());
  if (running) return { stage: "running", phaseId: running.id };
  if (t < ordered[0]!.startsAt.getTime()) return { stage: "upcoming", phaseId: null };
  if (t >= ordered[ordered.length - 1]!.endsAt.getTime()) return { stage: "finished", phaseId: null };
  return { stage: "between", phaseId: null };
}

export function allows(phase: Pick<PhaseSlot, "allows"> | null | undefined, action: PhaseAction): boolean {
  return !!phase && phase.allows.includes(action);
}

export type ScheduleIssue = { path: string; key: string; params?: Record<string, string | number> };

/**
 * Phases must be ordered, not end before they start, and not overlap the next. A phase of no
 * length is allowed: it is how a phase skipped by an override stays in the record.
 */
export function scheduleIssues(phases: readonly Pick<PhaseSlot, "startsAt" | "endsAt">[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  if (phases.length === 0) issues.push({ path: "phases", key: "rounds.errors.noPhases" });
  phases.forEach((p, i) => {
    if (p.startsAt.getTime() > p.endsAt.getTime())
      issues.push({ path: `phases.${i}.endsAt`, key: "rounds.errors.phaseEndsBeforeStart", params: { n: i + 1 } });
    const next = phases[i + 1];
    if (next && next.startsAt.getTime() < p.endsAt.getTime())
      issues.push({ path: `phases.${i + 1}.startsAt`, key: "rounds.errors.phasesOverlap", params: { n: i + 2 } });
  });
  return issues;
}

/**
 * A moderator moves the round to `targetId` now (forward only). Earlier phases end now; the
 * target starts now and keeps its end; later phases keep their times. Returns the new times
 * of every phase that changes, or an error key.
 */
export function overrideSchedule(
  phases: readonly PhaseSlot[],
  targetId: number,
  now: Date,
): { ok: true; changes: { id: number; startsAt: Date; endsAt: Date }[] } | { ok: false; key: string } {
  const ordered = byPosition(phases);
  const target = ordered.find((p) => p.id === targetId);
  if (!target) return { ok: false, key: "rounds.errors.phaseNotFound" };
  const current = scheduledState(ordered, now);
  const currentPosition = current.phaseId ? ordered.find((p) => p.id === current.phaseId)!.position : null;
  if (current.stage === "finished") return { ok: false, key: "rounds.errors.roundFinished" };
  if (target.endsAt.getTime() <= now.getTime() || (currentPosition !== null && target.position <= currentPosition)) {
    return { ok: false, key: "rounds.errors.overrideBackwards" };
  }
  const changes: { id: number; startsAt: Date; endsAt: Date }[] = [];
  for (const p of ordered) {
    if (p.position < target.position) {
      const endsAt = p.endsAt.getTime() > now.getTime() ? now : p.endsAt;
      const startsAt = p.startsAt.getTime() > endsAt.getTime() ? endsAt : p.startsAt;
      if (endsAt !== p.endsAt || startsAt !== p.startsAt) changes.push({ id: p.id, startsAt, endsAt });
    } else if (p.id === target.id) {
      changes.push({ id: p.id, startsAt: now, endsAt: p.endsAt });
    }
  }
  return { ok: true, changes };
}

/** Ending the round now: the current phase ends, later phases collapse to now. */
export function finishSchedule(phases: readonly PhaseSlot[], now: Date): { id: number; startsAt: Date; endsAt: Date }[] {
  return byPosition(phases)
    .filter((p) => p.endsAt.getTime() > now.getTime())
    .map((p) => ({ id: p.id, startsAt: p.startsAt.getTime() > now.getTime() ? now : p.startsAt, endsAt: now }));
}
