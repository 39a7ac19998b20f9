// Pure permission rules. Domain services enforce them; UIs use them only as hints.
import type { Viewer } from "../viewer.ts";
import type { ProposalStatus } from "./proposal.types.ts";

const SUPPORTABLE: ReadonlySet<ProposalStatus> = new Set(["OPEN", "THRESHOLD_REACHED"]);

export function isOpenForSupport(p: { status: ProposalStatus; closesAt: Date }, now: Date) {
  return SUPPORTABLE.has(p.status) && p.closesAt.getTime() > now.getTime();
}

export type PolicyResult = { ok: true } | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "CONFLICT"; key: string };

/** Eligibility (verification, age, affiliation) is checked by the service on top of this. */
export function canCreateProposal(viewer: Viewer): PolicyResult {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED", key: "errors.loginRequired" };
  if (viewer.suspended) return { ok: false, code: "FORBIDDEN", key: "errors.suspended" };
  return { ok: true };
}

export function canSupportProposal(
  viewer: Viewer,
  proposal: { authorId: number; status: ProposalStatus; closesAt: Date },
  now: Date,
): PolicyResult {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED", key: "errors.loginRequired" };
  if (viewer.suspended) return { ok: false, code: "FORBIDDEN", key: "errors.suspended" };
  if (proposal.authorId === viewer.id) return { ok: false, code: "FORBIDDEN", key: "errors.ownProposal" };
  if (!isOpenForSupport(proposal, now)) return { ok: false, code: "CONFLICT", key: "errors.supportClosed" };
  return { ok: true };
}
