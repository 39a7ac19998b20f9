// What a viewer can do on a round, decided from the phase, the suspension rule, roles and
// eligibility: the one decision the round page and GraphQL's Round.viewerCan show.
import { describe, expect, it } from "vitest";
import type { Role, Viewer } from "../viewer.ts";
import type { PhaseAction } from "./phase-machine.ts";
import { decideViewerCan, needsEligibility, type EligibilityAnswer, type RoundForViewer } from "./viewer-can.policy.ts";

const person = (roles: Role[] = [], options: { suspended?: boolean; departmentId?: number | null } = {}): NonNullable<Viewer> => ({
  id: 7,
  displayName: "시민7",
  roles: ["CITIZEN", ...roles],
  departmentId: options.departmentId ?? null,
  verified: true,
  suspended: options.suspended ?? false,
  sessionId: "s",
});
const inPhase = (allows: PhaseAction[] | null, commentsLocked = false): RoundForViewer => ({
  currentPhase: allows ? { allows } : null,
  commentsLocked,
});
const ELIGIBLE: EligibilityAnswer = { eligible: true, reasons: [] };
const TOO_YOUNG: EligibilityAnswer = {
  eligible: false,
  reasons: [{ path: "eligibility", key: "eligibility.tooYoung", params: { minAge: 14 } }],
};
const nothing = { submit: false, comment: false, vote: false, score: false, review: false, moderate: false };

describe("what a viewer can do on a round", () => {
  it("lets an eligible citizen do what the phase allows, and says why not to everyone else", () => {
    const submitting = inPhase(["SUBMIT", "COMMENT"]);
    expect(decideViewerCan(person(), submitting, ELIGIBLE)).toEqual({ ...nothing, submit: true, comment: true, reasons: [] });
    expect(decideViewerCan(null, submitting, null)).toEqual({ ...nothing, reasons: [{ key: "errors.loginRequired" }] });
    expect(decideViewerCan(person([], { suspended: true }), submitting, null)).toEqual({
      ...nothing,
      reasons: [{ key: "errors.suspended" }],
    });
    expect(decideViewerCan(person(), submitting, TOO_YOUNG)).toEqual({
      ...nothing,
      reasons: [{ key: "eligibility.tooYoung", params: { minAge: 14 } }],
    });
    expect(decideViewerCan(person(), inPhase(["VOTE", "COMMENT"]), ELIGIBLE)).toEqual({
      ...nothing,
      vote: true,
      comment: true,
      reasons: [],
    });
  });

  it("closes the debate while it is locked, and nothing else", () => {
    expect(decideViewerCan(person(), inPhase(["SUBMIT", "COMMENT"], true), ELIGIBLE)).toEqual({ ...nothing, submit: true, reasons: [] });
  });

  it("gives reviews to officers with a department and moderators, scores to the committee, while review is open", () => {
    const reviewing = inPhase(["REVIEW", "COMMENT"]);
    expect(decideViewerCan(person(["OFFICER"], { departmentId: 3 }), reviewing, ELIGIBLE)).toMatchObject({
      review: true,
      score: false,
      moderate: false,
      comment: true,
    });
    expect(decideViewerCan(person(["OFFICER"]), reviewing, ELIGIBLE)).toMatchObject({ review: false });
    expect(decideViewerCan(person(["COMMITTEE"]), reviewing, ELIGIBLE)).toMatchObject({ review: false, score: true });
    expect(decideViewerCan(person(["MODERATOR"]), reviewing, ELIGIBLE)).toMatchObject({ review: true, score: false, moderate: true });
    expect(decideViewerCan(person(["COMMITTEE"]), inPhase(["COMMENT"]), ELIGIBLE)).toMatchObject({ score: false });
    // Staff work waits while suspended, roles notwithstanding.
    expect(decideViewerCan(person(["MODERATOR", "COMMITTEE"], { suspended: true }), reviewing, null)).toEqual({
      ...nothing,
      reasons: [{ key: "errors.suspended" }],
    });
  });

  it("offers citizens nothing, and gives no reasons, when no phase runs or the phase only shows results", () => {
    for (const round of [inPhase(null), inPhase(["RESULTS"]), inPhase([])]) {
      expect(decideViewerCan(person(), round, null)).toEqual({ ...nothing, reasons: [] });
      expect(decideViewerCan(null, round, null)).toEqual({ ...nothing, reasons: [] });
      expect(decideViewerCan(person(["MODERATOR"]), round, null)).toEqual({ ...nothing, moderate: true, reasons: [] });
    }
  });

  it("asks for eligibility only when it decides something, and allows nothing that needs it without it", () => {
    expect(needsEligibility(person(), inPhase(["COMMENT"]))).toBe(true);
    expect(needsEligibility(person(), inPhase(["REVIEW"]))).toBe(false);
    expect(needsEligibility(null, inPhase(["SUBMIT"]))).toBe(false);
    expect(needsEligibility(person([], { suspended: true }), inPhase(["SUBMIT"]))).toBe(false);
    expect(decideViewerCan(person(), inPhase(["SUBMIT", "COMMENT"]), null)).toEqual({ ...nothing, reasons: [] });
  });
});
