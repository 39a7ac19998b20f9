// The typed event contract shared by the server and the browser.
// client → server: `entity:verb` commands with an ack; server → client: past-tense events.
import type { DebateLive } from "../app/domain/debate/debate-live.server.ts";
import type { ProposalCore, ProposalLive } from "../app/domain/proposals/proposal-live.server.ts";
import type { SupportResult } from "../app/domain/proposals/proposal.types.ts";
import type { LocalizedError } from "../app/i18n/errors.ts";
import type { Language } from "../app/i18n/i18n.ts";
import type { ClusterEvent } from "./cluster-events.ts";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: LocalizedError };
type AckFn<T> = (response: Ack<T>) => void;

/** What JSON makes of a domain shape: dates travel as ISO strings. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type { StageMessage } from "../app/domain/proposals/proposal-live.server.ts";
/**
 * A proposal's count, status and the 공감 box's stage message at `version` (Proposal.liveVersion).
 * Every push about a proposal carries a version; a page keeps only a newer one than it has.
 */
export type SupportChanged = ProposalCore;
export type StatusChanged = ProposalCore;
/** The proposal's public state for its page: the core plus timeline, answers, milestones. */
export type ProposalProgressed = Wire<ProposalLive>;
/** A debate changed: the comment as a public reader sees it (null: not theirs to see, or the whole thread), the tally, the version. */
export type CommentChanged = {
  proposalId: number | null;
  roundId: number | null;
  commentId: number;
  change: string;
} & Wire<DebateLive>;
export type ProposalCreated = { proposalId: number; title: string };
export type RoundPhaseChanged = {
  roundId: number;
  phaseId: number | null;
  fromPhaseId: number | null;
  finished: boolean;
  cause: "SCHEDULE" | "OVERRIDE";
};

export interface ServerToClientEvents {
  "proposal:support-changed": (event: SupportChanged) => void;
  /** To the list: a status changed (the proposal's own room gets `proposal:progressed`). */
  "proposal:status-changed": (event: StatusChanged) => void;
  "proposal:created": (event: ProposalCreated) => void;
  /** A status change, an answer, a milestone or a reassignment: the page patches what it shows. */
  "proposal:progressed": (event: ProposalProgressed) => void;
  /** A debate changed (under a proposal, or a round's own): the page patches its thread. */
  "comment:changed": (event: CommentChanged) => void;
  /** A round entered another phase (or ended): what is allowed changed. */
  "round:phase-changed": (event: RoundPhaseChanged) => void;
  /** A round's settings, entries, reviews or scores changed: the page reloads its data. */
  "round:changed": (event: { roundId: number; change: string }) => void;
  /** How many people have the round open right now. */
  "round:presence": (event: { roundId: number; count: number }) => void;
  /** How many people have the proposal open right now. */
  "proposal:presence": (event: { proposalId: number; count: number }) => void;
  /** Sent to one person: their unread notification count. */
  "notifications:changed": (event: { unread: number }) => void;
}

export interface ClientToServerEvents {
  /** Follow the proposal list (new proposals and every count change). */
  "proposals:watch": (ack: AckFn<null>) => void;
  "proposals:unwatch": (ack: AckFn<null>) => void;
  /** Follow one proposal. */
  "proposal:watch": (payload: { proposalId: number }, ack: AckFn<null>) => void;
  "proposal:unwatch": (payload: { proposalId: number }, ack: AckFn<null>) => void;
  "proposal:support": (payload: { proposalId: number }, ack: AckFn<SupportResult>) => void;
  "proposal:withdraw-support": (payload: { proposalId: number }, ack: AckFn<SupportResult>) => void;
  /** Follow one round: phase changes, entries, its debate, presence. */
  "round:watch": (payload: { roundId: number }, ack: AckFn<null>) => void;
  "round:unwatch": (payload: { roundId: number }, ack: AckFn<null>) => void;
}

/** Every client → server event at run time (registration check, the rate limiter, the fuzz test); the type keeps it complete. */
export const CLIENT_EVENTS = Object.keys({
  "proposals:watch": true,
  "proposals:unwatch": true,
  "proposal:watch": true,
  "proposal:unwatch": true,
  "proposal:support": true,
  "proposal:withdraw-support": true,
  "round:watch": true,
  "round:unwatch": true,
} satisfies Record<keyof ClientToServerEvents, true>) as (keyof ClientToServerEvents)[];

/** Between nodes, through the adapter (serverSideEmit): presence counts (realtime/presence.ts) and domain events (realtime/cluster-events.ts). */
export interface InterServerEvents {
  /** A node's own count of some rooms, as [room, count] pairs (0: none left). */
  "presence:counts": (node: string, counts: [room: string, count: number][]) => void;
  /** A node has its first socket in these rooms: the others answer with their counts. */
  "presence:hello": (node: string, rooms: string[]) => void;
  /** A node is closing: drop its counts. */
  "presence:bye": (node: string) => void;
  /** A domain event published on another node. */
  "domain:event": (...event: ClusterEvent) => void;
}

/** The viewer is resolved from the session on every command, so a revoked or expired session loses its rights at once. */
export type SocketData = {
  sessionId: string | null;
  userId: number | null;
  lng: Language;
  /** The client's address (behind TRUST_PROXY proxies), for rate limits. */ address: string;
};
