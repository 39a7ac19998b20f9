// What a viewer can do on a proposal, decided once for every edge: the proposal's stage and
// window, the debate's state (lock, a round's phase), the suspension policy, eligibility,
// authorship and roles. Pure; the services still enforce each rule on the write itself, and
// pages and the API show these as hints (a button that would fail is not offered).
import type { MessageParams } from "../errors.ts";
import { canAct } from "../roles/participation.policy.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";
import { canActForDepartment, canSupportProposal, isEditable, isOpenForSupport, takesUpdates } from "./proposal.policy.ts";
import type { ProposalStatus } from "./proposal.types.ts";
import { isPublished } from "./proposal.visibility.ts";

/** A message key with its parameters; the edge localizes it. */
export type Reason = { key: string; params?: MessageParams };

export type ViewerCan = {
  /** Give 공감 (the window is open, it is someone else's proposal, the viewer is eligible; giving it twice changes nothing). */
  support: boolean;
  /** Take one's 공감 back while the window is open. */
  withdraw: boolean;
  /** Write in the proposal's debate. */
  comment: boolean;
  /** Edit the text, category, district, cost, tags and map point (the author, until the first 공감). */
  edit: boolean;
  /** Add an update (the author, in every stage but a draft's and a merged one's). */
  addUpdate: boolean;
  follow: boolean;
  /** Screen, assign, merge and moderate the debate. */
  moderate: boolean;
  /** Answer for the assigned department and report its milestones. */
  answer: boolean;
  /** Why the viewer may not take part where the proposal itself would let them: the suspension, or each failed eligibility rule. */
  reasons: Reason[];
  /** Why the debate takes no comments from anyone now (not published, locked, the round's phase); null while it is open. */
  debateClosed: Reason | null;
};

export type ViewerCanFacts = {
  authorId: number;
  status: ProposalStatus;
  closesAt: Date;
  supportCount: number;
  viewerHasSupported: boolean;
  departmentId: number | null;
  commentsLocked: boolean;
  /** Submitted straight into a round: no 공감, and the round's phase governs the debate. */
  round: { title: string; allowsComment: boolean } | null;
};

/** The viewer's eligibility where it matters (by the round's rules when a round governs the proposal). */
export type EligibilityHint = { eligible: boolean; reasons: Reason[] };

function debateClosedReason(p: ViewerCanFacts): Reason | null {
  if (!isPublished(p)) return { key: "debate.closed" };
  if (p.commentsLocked) return { key: "debate.locked" };
  if (p.round && !p.round.allowsComment) return { key: "rounds.debateClosed", params: { round: p.round.title } };
  return null;
}

/**
 * Decides every action. `eligibility` is null when it was not looked up: then nothing that
 * needs it is allowed (see needsEligibility for when the caller must look it up).
 */
export function decideViewerCan(viewer: Viewer, p: ViewerCanFacts, now: Date, eligibility: EligibilityHint | null): ViewerCan {
  const eligible = eligibility?.eligible ?? false;
  const debateClosed = debateClosedReason(p);
  const isAuthor = !!viewer && viewer.id === p.authorId;
  const reasons: Reason[] = [];
  if (viewer) {
    const taking = canAct(viewer, "proposal.support");
    if (!taking.ok) reasons.push({ key: taking.key });
    else if (eligibility && !eligibility.eligible) reasons.push(...eligibility.reasons);
  }
  return {
    support: !p.round && canSupportProposal(viewer, p, now).ok && eligible,
    withdraw: p.viewerHasSupported && canAct(viewer, "proposal.withdrawSupport").ok && isOpenForSupport(p, now),
    comment: debateClosed === null && canAct(viewer, "comment.post").ok && eligible,
    edit: isEditable(p, p.supportCount, viewer),
    addUpdate: isAuthor && canAct(viewer, "proposal.addUpdate").ok && takesUpdates(p),
    follow: canAct(viewer, "proposal.follow").ok,
    moderate: isModerator(viewer) && canAct(viewer, "proposal.screen").ok,
    answer: canActForDepartment(viewer, p.departmentId) && canAct(viewer, "department.answer").ok,
    reasons,
    debateClosed,
  };
}

/** Whether eligibility decides anything here: the viewer could support or comment if eligible. */
export function needsEligibility(viewer: Viewer, p: ViewerCanFacts, now: Date): boolean {
  const ifEligible = decideViewerCan(viewer, p, now, { eligible: true, reasons: [] });
  return ifEligible.support || ifEligible.comment;
}
