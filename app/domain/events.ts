// Domain events, published after a transaction commits. The realtime bridge (and, later,
// notifications) subscribe here, so a Remix action, a GraphQL mutation and a socket
// command all cause the same broadcast.
import { EventEmitter } from "node:events";
import type { DebateLive } from "./debate/debate-live.server.ts";
import type { ProposalStatus } from "./proposals/proposal.types.ts";

export type DomainEvents = {
  "proposal.created": { proposalId: number; title: string; districtId: number | null; categoryId: number };
  "proposal.supportChanged": {
    proposalId: number;
    supportCount: number;
    status: ProposalStatus;
    /** Proposal.liveVersion after the change: grows with every 공감 batch and status change, so a client keeps only the newest */
    version: number;
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
    /** The debate's new public state (debate-live.server.ts); absent only if reading it failed. */
    live?: DebateLive;
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
  /** What a cached viewer of these people rests on changed (roles, suspension, verification, affiliations, deletion): drop it. */
  "viewer.changed": { userIds: number[] };
  /** The city's settings changed: drop the cached copy. */
  "settings.changed": Record<string, never>;
};

/** Where an event came from: this node's domain, or another node's (forwarded by realtime/cluster-events.ts). */
export type EventMeta = { remote?: boolean };

export type DomainEventName = keyof DomainEvents;

export class EventBus {
  #emitter = new EventEmitter().setMaxListeners(100);

  publish<E extends DomainEventName>(name: E, payload: DomainEvents[E], meta: EventMeta = {}): void {
    this.#emitter.emit(name, payload, meta);
  }

  subscribe<E extends DomainEventName>(name: E, listener: (payload: DomainEvents[E], meta: EventMeta) => void) {
    this.#emitter.on(name, listener);
    return () => void this.#emitter.off(name, listener);
  }
}
