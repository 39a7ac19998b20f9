import { describe, expect, it } from "vitest";
import { localName, nextPhaseAllowing, percent, phaseState, type PhaseData } from "./round-data.ts";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 20, 3, 0);
const phase = (id: number, startDay: number, endDay: number, allows: PhaseData["allows"]): PhaseData => ({
  id,
  position: id,
  name: `단계 ${id}`,
  nameEn: id === 2 ? "" : `Phase ${id}`,
  startsAt: new Date(now + startDay * DAY).toISOString(),
  endsAt: new Date(now + endDay * DAY).toISOString(),
  allows,
});
const phases = [
  phase(1, -10, -1, ["SUBMIT"]),
  phase(2, -1, 3, ["REVIEW", "COMMENT"]),
  phase(3, 4, 5, ["VOTE"]),
  phase(4, 5, 9, ["RESULTS"]),
];

describe("round page helpers", () => {
  it("places each phase as done, current or still to come", () => {
    expect(phases.map((p) => phaseState(p, 2, now))).toEqual(["done", "current", "next", "next"]);
    // In the gap between two phases (no current one): ended phases are done, later ones next.
    expect(phases.map((p) => phaseState(p, null, now + 3.5 * DAY))).toEqual(["done", "done", "next", "next"]);
  });

  it("finds the next phase that allows an action, ignoring the current and past ones", () => {
    expect(nextPhaseAllowing(phases, "VOTE", now)?.id).toBe(3);
    expect(nextPhaseAllowing(phases, "RESULTS", now)?.id).toBe(4);
    expect(nextPhaseAllowing(phases, "SUBMIT", now)).toBeNull();
    expect(nextPhaseAllowing(phases, "VOTE", now + 4 * DAY)).toBeNull();
  });

  it("names things in the reader's language, falling back to Korean", () => {
    expect(localName(phases[0]!, "en")).toBe("Phase 1");
    expect(localName(phases[1]!, "en")).toBe("단계 2");
    expect(localName(phases[0]!, "ko")).toBe("단계 1");
    expect(percent(0.625)).toBe("63%");
    expect(percent(0)).toBe("0%");
  });
});
