// The typed event contract shared by the server and the browser.
// client → server: `entity:verb` commands with an ack; server → client: past-tense events.
import type { ProposalStatus, SupportResult } from "../app/domain/proposals/proposal.types.ts";
import type { LocalizedError } from "../app/i18n/errors.ts";
import type { Language } from "../app/i18n/i18n.ts";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: LocalizedError };
type AckFn<T> = (response: Ack<T>) => void;

export type SupportChanged = { proposalId: number; supportCount: number; status: ProposalStatus };
export type StatusChanged = { proposalId: number; status: ProposalStatus };
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
  "proposal:status-changed": (event: StatusChanged) => void;
  "proposal:created": (event: ProposalCreated) => void;
  /** An answer, milestone or reassignment: the proposal page reloads its data. */
  "proposal:progressed": (event: { proposalId: number }) => void;
  /** A debate changed (under a proposal, or a round's own): the page reloads its thread. */
  "comment:changed": (event: { proposalId: number | null; roundId: number | null; commentId: number; change: string }) => void;
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

/** Nodes talk only through the adapter's broadcasts; no events of their own. */
export type InterServerEvents = Record<string, never>;

/** The viewer is resolved from the session on every command, so a revoked or expired session loses its rights at once. */
export type SocketData = {
  sessionId: string | null;
  userId: number | null;
  lng: Language;
  /** The client's address (behind TRUST_PROXY proxies), for rate limits. */ address: string;
};
