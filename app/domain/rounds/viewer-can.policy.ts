// What a viewer can do on a round right now, decided once for every edge (the round page,
// GraphQL's Round.viewerCan): from what the current phase allows, the suspension rule
// (participation.policy.ts), the viewer's roles, and their eligibility under the round's rules.
// Pure; round.service.server.ts loads the eligibility when it is needed. The services stay
// authoritative: this is the same rule, asked ahead so a page shows why instead of failing.
import type { FieldIssue, MessageParams } from "../errors.ts";
import { canAct, type Action } from "../roles/participation.policy.ts";
import { isCommittee, isModerator, isOfficer } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";
import { allows, type PhaseAction } from "./phase-machine.ts";

/** A round exists for everyone once published; a draft only for moderators. */
export function canSeeRound(viewer: Viewer, round: { publishedAt: Date | null }): boolean {
  return round.publishedAt !== null || isModerator(viewer);
}

/** Why not, as an i18n key with its parameters; each edge localizes it. */
export type ViewerCanReason = { key: string; params?: MessageParams };

export type RoundViewerCan = {
  /** Submit a proposal into the round (entries.submit). */
  submit: boolean;
  /** Write in the round's own debate (comments.post): also false while the debate is locked. */
  comment: boolean;
  /** Cast a ballot. */
  vote: boolean;
  /** Score entries on the rubric, as a committee member (entries.score). */
  score: boolean;
  /** Record feasibility reviews, as a department officer or a moderator (entries.review). */
  review: boolean;
  /** Run the round and moderate its debate. */
  moderate: boolean;
  /**
   * Why the viewer, as who they are, cannot take part in what the phase offers citizens
   * (submitting, commenting, voting): not signed in, suspended, or the eligibility rules that
   * fail. Empty when they can, or when the phase offers citizens nothing. What the phase or a
   * lock closes is in the booleans (and in the round's currentPhase and commentsLocked).
   */
  reasons: ViewerCanReason[];
};

/** What viewerCan reads of a round (a RoundView has it). */
export type RoundForViewer = { currentPhase: { allows: readonly PhaseAction[] } | null; commentsLocked: boolean };

/** The viewer's eligibility under the round's rules, as the eligibility service explains it. */
export type EligibilityAnswer = { eligible: boolean; reasons: FieldIssue[] };

/** What citizens do in a round, with the write each is in the participation policy. */
const TAKING_PART = [
  ["SUBMIT", "round.submitEntry"],
  ["COMMENT", "comment.post"],
  ["VOTE", "round.vote"],
] as const satisfies readonly (readonly [PhaseAction, Action])[];

const invited = (round: RoundForViewer) => TAKING_PART.filter(([action]) => allows(round.currentPhase, action));

/** Whether deciding needs the viewer's eligibility: signed in, free to act, and the phase invites citizens to take part. */
export function needsEligibility(viewer: Viewer, round: RoundForViewer): viewer is NonNullable<Viewer> {
  const first = invited(round)[0];
  return !!first && canAct(viewer, first[1]).ok;
}

/**
 * The decision. `eligibility` is null when it was not looked up: then nothing that needs it is
 * allowed (needsEligibility says when the caller must look it up).
 */
export function decideViewerCan(viewer: Viewer, round: RoundForViewer, eligibility: EligibilityAnswer | null): RoundViewerCan {
  const phaseAllows = (action: PhaseAction) => allows(round.currentPhase, action);
  const first = invited(round)[0];
  let reasons: ViewerCanReason[] = [];
  if (first) {
    const acting = canAct(viewer, first[1]);
    if (!acting.ok) reasons = [{ key: acting.key }];
    else if (eligibility && !eligibility.eligible)
      reasons = eligibility.reasons.map((r) => (r.params ? { key: r.key, params: r.params } : { key: r.key }));
  }
  const takesPart = !!first && reasons.length === 0 && !!eligibility?.eligible;
  return {
    submit: takesPart && phaseAllows("SUBMIT"),
    comment: takesPart && phaseAllows("COMMENT") && !round.commentsLocked,
    vote: takesPart && phaseAllows("VOTE"),
    score: phaseAllows("REVIEW") && canAct(viewer, "round.score").ok && isCommittee(viewer),
    review:
      phaseAllows("REVIEW") &&
      canAct(viewer, "round.review").ok &&
      (isModerator(viewer) || (isOfficer(viewer) && viewer?.departmentId != null)),
    moderate: canAct(viewer, "comment.moderate").ok && isModerator(viewer),
    reasons,
  };
}
