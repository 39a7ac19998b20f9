// Runs a handler and answers through the ack with `{ ok, data }` or a localized error.
// Unknown errors are logged and reach the client only as INTERNAL.
import { isAppError } from "../app/domain/errors.ts";
import { localizeError } from "../app/i18n/errors.ts";
import type { Language } from "../app/i18n/i18n.ts";
import type { Ack } from "./contract.ts";

export async function respond<T>(lng: Language, ack: unknown, fn: () => Promise<T>): Promise<void> {
  let response: Ack<T>;
  try {
    response = { ok: true, data: await fn() };
  } catch (error) {
    if (!isAppError(error)) console.error("socket handler failed", error);
    response = { ok: false, error: localizeError(error, lng) };
  }
  if (typeof ack === "function") ack(response);
}

/** Socket payloads are untrusted: read a proposal id without assuming the shape. */
export function proposalIdOf(payload: unknown): unknown {
  return payload && typeof payload === "object" ? (payload as { proposalId?: unknown }).proposalId : undefined;
}

/** The same for a round id. */
export function roundIdOf(payload: unknown): unknown {
  return payload && typeof payload === "object" ? (payload as { roundId?: unknown }).roundId : undefined;
}
