// Where a debate lives (ADR 0010): under a proposal, or a round's own. Every debate function —
// posting, reading, moderating, locking — takes one of these, so no rule is written per place.
export type DebateTarget = { proposalId: number; roundId?: undefined } | { roundId: number; proposalId?: undefined };

/** A target as an edge passes it, before its id is read (a URL segment, a GraphQL ID). */
export type DebateTargetInput = { proposalId: unknown } | { roundId: unknown };

/** The comment columns that name the target. */
export const targetWhere = (target: DebateTarget) => (target.roundId ? { roundId: target.roundId } : { proposalId: target.proposalId! });

/** The target of a stored comment (exactly one of the two is set: a database CHECK says so). */
export const targetOf = (c: { proposalId: number | null; roundId: number | null }): DebateTarget =>
  c.roundId ? { roundId: c.roundId } : { proposalId: c.proposalId! };

export type CommentChange = "created" | "edited" | "hidden" | "reacted" | "locked";
