// Domain events, published after a transaction commits. The realtime bridge (and, later,
// notifications) subscribe here, so a Remix action, a GraphQL mutation and a socket
// command all cause the same broadcast.
import { EventEmitter } from "node:events";
import type { ProposalStatus } from "./proposals/proposal.types.ts";

export type DomainEvents = {
  "proposal.created": { proposalId: number; title: string; districtId: number | null; categoryId: number };
  "proposal.supportChanged": {
    proposalId: number;
    supportCount: number;
    status: ProposalStatus;
  };
  "proposal.statusChanged": { proposalId: number; status: ProposalStatus; note: string | null };
  /** Sessions ended (logout, revocation, password change, deletion): their sockets disconnect. */
  "session.revoked": { userId: number; sessionIds: string[] };
  /** These people have new or newly read notifications: their unread counts changed. */
  "notifications.changed": { userIds: number[] };
  /** A comment was posted, edited, hidden, released or reacted to, or the thread was locked. */
  "comment.changed": {
    proposalId: number | null;
    roundId: number | null;
    commentId: number;
    change: "created" | "edited" | "hidden" | "reacted" | "locked";
  };
  /** A round moved to another phase (on schedule or by a moderator), or finished. */
  "round.phaseChanged": {
    roundId: number;
    phaseId: number | null;
    fromPhaseId: number | null;
    finished: boolean;
    cause: "SCHEDULE" | "OVERRIDE";
  };
  /** A round's settings, entries, reviews or scores changed: pages showing it reload. */
  "round.changed": { roundId: number; change: "settings" | "published" | "entries" | "reviews" | "scores" };
  /** A department answered (interim or final), or implementation progress changed. */
  "proposal.progressed": { proposalId: number };
  /** A moderator merged a duplicate (source) into another proposal (target); supports moved over. */
  "proposal.merged": { sourceId: number; targetId: number; supportCount: number };
};

export type DomainEventName = keyof DomainEvents;

export class EventBus {
  #emitter = new EventEmitter().setMaxListeners(100);

  publish<E extends DomainEventName>(name: E, payload: DomainEvents[E]): void {
    this.#emitter.emit(name, payload);
  }

  subscribe<E extends DomainEventName>(name: E, listener: (payload: DomainEvents[E]) => void) {
    this.#emitter.on(name, listener);
    return () => void this.#emitter.off(name, listener);
  }
}
