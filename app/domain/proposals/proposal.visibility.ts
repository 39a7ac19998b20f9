// Who may read a proposal: the one rule, as a predicate (canSeeProposal) and as a database
// filter (visibleProposalWhere), so a page, a list, an attachment, a comment thread and a
// search agree. Drafts are their author's alone; a proposal in screening (제안검토) is seen by
// its author and moderators; every other stage is public. Whoever may not see a proposal is
// told it does not exist.
import type { Prisma } from "../db.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";
import type { ProposalStatus } from "./proposal.types.ts";

/** The stages this viewer may not read unless they wrote the proposal. */
export function statusesHiddenFrom(viewer: Viewer): ProposalStatus[] {
  return isModerator(viewer) ? ["DRAFT"] : ["DRAFT", "SCREENING"];
}

export function canSeeProposal(viewer: Viewer, proposal: { authorId: number; status: ProposalStatus }): boolean {
  return (!!viewer && proposal.authorId === viewer.id) || !statusesHiddenFrom(viewer).includes(proposal.status);
}

/** Published: everyone may read it (it no longer waits for its author or for screening). */
export function isPublished(proposal: { status: ProposalStatus }): boolean {
  return !statusesHiddenFrom(null).includes(proposal.status);
}

/** canSeeProposal as a Prisma filter on Proposal. */
export function visibleProposalWhere(viewer: Viewer): Prisma.ProposalWhereInput {
  const byStatus: Prisma.ProposalWhereInput = { status: { notIn: statusesHiddenFrom(viewer) } };
  return viewer ? { OR: [byStatus, { authorId: viewer.id }] } : byStatus;
}

/** Only published proposals, as a Prisma filter. */
export const publishedProposalWhere = (): Prisma.ProposalWhereInput => visibleProposalWhere(null);
