// Pure permission rules. Domain services enforce them; UIs use them only as hints.
import { canAct, type PolicyResult } from "../roles/participation.policy.ts";
import { isAdmin } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";
import type { ProposalStatus } from "./proposal.types.ts";

/** The stages in which 공감 can be given or withdrawn (while the window is open). */
export const SUPPORTABLE_STATUSES: readonly ProposalStatus[] = ["OPEN", "THRESHOLD_REACHED"];
const SUPPORTABLE: ReadonlySet<ProposalStatus> = new Set(SUPPORTABLE_STATUSES);

export function isOpenForSupport(p: { status: ProposalStatus; closesAt: Date }, now: Date) {
  return SUPPORTABLE.has(p.status) && p.closesAt.getTime() > now.getTime();
}

export type { PolicyResult };

/** Eligibility (verification, age, affiliation) is checked by the service on top of this. */
export function canCreateProposal(viewer: Viewer, action: "proposal.create" | "proposal.submitDraft" = "proposal.create"): PolicyResult {
  return canAct(viewer, action);
}

export function canSupportProposal(
  viewer: Viewer,
  proposal: { authorId: number; status: ProposalStatus; closesAt: Date },
  now: Date,
): PolicyResult {
  const allowed = canAct(viewer, "proposal.support");
  if (!allowed.ok) return allowed;
  if (proposal.authorId === viewer!.id) return { ok: false, code: "FORBIDDEN", key: "errors.ownProposal" };
  if (!isOpenForSupport(proposal, now)) return { ok: false, code: "CONFLICT", key: "errors.supportClosed" };
  return { ok: true };
}

/** The stages in which the author may still edit (until the first 공감). */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ["DRAFT", "SCREENING", "OPEN"];

/** Edits are open to the author until the first 공감, while a draft, in screening or open. */
export function isEditable(proposal: { authorId: number; status: ProposalStatus }, supportCount: number, viewer: Viewer): boolean {
  return (
    !!viewer &&
    canAct(viewer, "proposal.edit").ok &&
    proposal.authorId === viewer.id &&
    supportCount === 0 &&
    EDITABLE_STATUSES.includes(proposal.status)
  );
}

/** Updates (additions by the author) are taken in every stage but a draft's and a merged one's. */
export function takesUpdates(proposal: { status: ProposalStatus }): boolean {
  return proposal.status !== "DRAFT" && proposal.status !== "MERGED";
}

/** The department's own officers (and admins) act on an assigned proposal. */
export function canActForDepartment(viewer: Viewer, departmentId: number | null): boolean {
  return (
    !!viewer && (isAdmin(viewer) || (departmentId !== null && viewer.roles.includes("OFFICER") && viewer.departmentId === departmentId))
  );
}
