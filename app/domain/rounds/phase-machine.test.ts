import { describe, expect, it } from "vitest";
import { allows, finishSchedule, overrideSchedule, scheduleIssues, scheduledState, type PhaseSlot } from "./phase-machine.ts";

const t = (day: number) => new Date(Date.UTC(2026, 10, day));
const phases: PhaseSlot[] = [
  { id: 11, position: 1, startsAt: t(1), endsAt: t(10), allows: ["SUBMIT", "COMMENT"] },
  { id: 12, position: 2, startsAt: t(10), endsAt: t(15), allows: ["REVIEW"] },
  // a gap from the 15th to the 16th
  { id: 13, position: 3, startsAt: t(16), endsAt: t(20), allows: ["VOTE"] },
  { id: 14, position: 4, startsAt: t(20), endsAt: t(25), allows: ["RESULTS"] },
];

describe("the phase machine", () => {
  it("follows the schedule: upcoming, each phase on [start, end), gaps, finished", () => {
    expect(scheduledState(phases, t(0))).toEqual({ stage: "upcoming", phaseId: null });
    expect(scheduledState(phases, t(1))).toEqual({ stage: "running", phaseId: 11 });
    expect(scheduledState(phases, new Date(t(10).getTime() - 1))).toEqual({ stage: "running", phaseId: 11 });
    expect(scheduledState(phases, t(10))).toEqual({ stage: "running", phaseId: 12 });
    expect(scheduledState(phases, new Date(t(15).getTime() + 3600_000))).toEqual({ stage: "between", phaseId: null });
    expect(scheduledState(phases, t(20))).toEqual({ stage: "running", phaseId: 14 });
    expect(scheduledState(phases, t(25))).toEqual({ stage: "finished", phaseId: null });
    expect(scheduledState([], t(1))).toEqual({ stage: "upcoming", phaseId: null });
    // order comes from position, not from the array
    expect(scheduledState([...phases].reverse(), t(11))).toEqual({ stage: "running", phaseId: 12 });
  });

  it("says what each phase allows, and nothing between phases", () => {
    expect(allows(phases[0], "SUBMIT")).toBe(true);
    expect(allows(phases[0], "VOTE")).toBe(false);
    expect(allows(phases[1], "REVIEW")).toBe(true);
    expect(allows(null, "COMMENT")).toBe(false);
  });

  it("rejects schedules whose phases end before they start or overlap", () => {
    expect(scheduleIssues(phases)).toEqual([]);
    expect(scheduleIssues([])).toEqual([{ path: "phases", key: "rounds.errors.noPhases" }]);
    expect(scheduleIssues([{ startsAt: t(5), endsAt: t(4) }]).map((i) => i.key)).toEqual(["rounds.errors.phaseEndsBeforeStart"]);
    expect(
      scheduleIssues([
        { startsAt: t(1), endsAt: t(10) },
        { startsAt: t(9), endsAt: t(12) },
      ]),
    ).toEqual([{ path: "phases.1.startsAt", key: "rounds.errors.phasesOverlap", params: { n: 2 } }]);
  });

  it("overrides forward only: earlier phases end now, the target starts now and keeps its end", () => {
    const now = new Date(t(3).getTime() + 3600_000);
    const planned = overrideSchedule(phases, 13, now);
    expect(planned).toEqual({
      ok: true,
      changes: [
        { id: 11, startsAt: t(1), endsAt: now },
        { id: 12, startsAt: now, endsAt: now }, // skipped: collapses to an instant
        { id: 13, startsAt: now, endsAt: t(20) },
      ],
    });
    // Applying the changes puts the schedule in the target phase.
    const applied = phases.map((p) => ({ ...p, ...(planned.ok ? planned.changes.find((c) => c.id === p.id) : {}) }));
    expect(scheduledState(applied, now)).toEqual({ stage: "running", phaseId: 13 });
    expect(scheduleIssues(applied)).toEqual([]);

    expect(overrideSchedule(phases, 11, now)).toEqual({ ok: false, key: "rounds.errors.overrideBackwards" });
    expect(overrideSchedule(phases, 99, now)).toEqual({ ok: false, key: "rounds.errors.phaseNotFound" });
    expect(overrideSchedule(phases, 14, t(26))).toEqual({ ok: false, key: "rounds.errors.roundFinished" });
  });

  it("starts an upcoming round early by overriding to its first phase", () => {
    const planned = overrideSchedule(phases, 11, t(0));
    expect(planned).toEqual({ ok: true, changes: [{ id: 11, startsAt: t(0), endsAt: t(10) }] });
  });

  it("finishes a round now: every phase still running or ahead ends now", () => {
    const now = t(12);
    const changes = finishSchedule(phases, now);
    const applied = phases.map((p) => ({ ...p, ...changes.find((c) => c.id === p.id) }));
    expect(scheduledState(applied, now)).toEqual({ stage: "finished", phaseId: null });
    expect(applied[0]).toEqual(phases[0]); // the past is not rewritten
  });
});
