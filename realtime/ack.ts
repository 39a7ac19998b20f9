// Every socket handler is registered through `handle`: socket arguments are untrusted, so the
// ack is the last argument if it is a function (wherever the payload is, or if there is none),
// the payload is the first argument that is not, and it is parsed before the handler runs —
// a bad one is answered with VALIDATION and nothing is read or written. The answer is
// `{ ok, data }` or a localized error; unknown errors are logged and reach the client only as
// INTERNAL.
import type { z } from "zod";
import { isAppError, validationError } from "../app/domain/errors.ts";
import { localizeError } from "../app/i18n/errors.ts";
import type { Language } from "../app/i18n/i18n.ts";
import type { Ack, ClientToServerEvents } from "./contract.ts";
import type { RealtimeSocket } from "./server.ts";

type AckCallback = (response: Ack<unknown>) => void;

/** The ack among a socket event's arguments: socket.io passes it last, when the client asked for one. */
export function ackIn(args: readonly unknown[]): AckCallback | undefined {
  const last = args.at(-1);
  return typeof last === "function" ? (last as AckCallback) : undefined;
}

/** The data an event's ack carries, read from the contract. */
type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [...unknown[], (response: Ack<infer T>) => void] ? T : never;

/** Runs `fn` and answers through `ack` with its result or a localized error. */
export async function respond<T>(lng: Language, ack: AckCallback | undefined, fn: () => Promise<T>): Promise<void> {
  let response: Ack<T>;
  try {
    response = { ok: true, data: await fn() };
  } catch (error) {
    if (!isAppError(error)) console.error("socket handler failed", error);
    response = { ok: false, error: localizeError(error, lng) };
  }
  ack?.(response);
}

type Listener = (...args: unknown[]) => void;

/** Registers a handler for an event without a payload: whatever else the client sent is ignored. */
export function handle<E extends keyof ClientToServerEvents>(
  socket: RealtimeSocket,
  event: E,
  schema: null,
  handler: () => Promise<AckData<E>>,
): void;
/** Registers a handler for an event whose payload `schema` parses. */
export function handle<E extends keyof ClientToServerEvents, P>(
  socket: RealtimeSocket,
  event: E,
  schema: z.ZodType<P, z.ZodTypeDef, unknown>,
  handler: (payload: P) => Promise<AckData<E>>,
): void;
export function handle<P>(
  socket: RealtimeSocket,
  event: keyof ClientToServerEvents,
  schema: z.ZodType<P, z.ZodTypeDef, unknown> | null,
  handler: (payload?: P) => Promise<unknown>,
): void {
  const listener: Listener = (...args) => {
    const ack = ackIn(args);
    const payload = args.find((arg) => typeof arg !== "function");
    void respond(socket.data.lng, ack, async () => {
      if (!schema) return handler();
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw validationError(parsed.error);
      return handler(parsed.data);
    });
  };
  // The contract types the arguments a well-behaved client sends; this listener takes any.
  (socket as unknown as { on(event: string, listener: Listener): void }).on(event, listener);
}
