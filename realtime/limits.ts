// Rate limits for socket.io, in one place for every client → server event: each event costs a
// point per connection (counted in this node's memory: a socket lives on one node) and a point
// per client address (in Redis when REDIS_URL is set, so every node counts together); opening
// a connection costs a point per address too. The numbers are DEFAULT_LIMITS.socketEvent and
// .socketEventIp in app/platform/rate-limits.server.ts. A refused event is answered with a
// localized RATE_LIMITED ack and never reaches a handler; a socket that goes on sending
// after being refused is disconnected.
import type { IncomingHttpHeaders } from "node:http";
import { AppError, isAppError } from "../app/domain/errors.ts";
import type { RateLimiter } from "../app/domain/ports.ts";
import { localizeError } from "../app/i18n/errors.ts";
import { ackIn } from "./ack.ts";
import { CLIENT_EVENTS } from "./contract.ts";
import type { RealtimeSocket } from "./server.ts";

/** Refused events in a row (no accepted one in between) after which the socket is disconnected. */
export const STRIKES_BEFORE_DISCONNECT = 20;

const KNOWN_EVENTS = new Set<string>(CLIENT_EVENTS);

/**
 * The client's address as Express computes `req.ip` with `trust proxy` set to a number of
 * hops (TRUST_PROXY): the peer address, unless up to `trustProxy` proxies in front of us
 * appended what they saw to X-Forwarded-For — then the entry that many hops back. Entries a
 * client wrote itself, further left, are never read.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .reverse();
  const chain = [remoteAddress ?? "", ...forwarded];
  const address = chain[Math.min(trustProxy, chain.length - 1)] || "unknown";
  // An IPv4 client of a dual-stack listener is the same client as over IPv4.
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/** The address of a socket.io handshake (the HTTP request that opened the connection). */
export function handshakeAddress(handshake: { address: string; headers: IncomingHttpHeaders }, trustProxy: number): string {
  return clientAddress(handshake.address, handshake.headers["x-forwarded-for"], trustProxy);
}

const isRateLimited = (error: unknown): error is AppError => isAppError(error) && error.code === "RATE_LIMITED";

/** Counts a new connection from `address`; throws AppError RATE_LIMITED when the address is over its limit. */
export async function limitConnection(limits: RateLimiter, address: string): Promise<void> {
  try {
    await limits.consume("socketEventIp", address);
  } catch (error) {
    if (isRateLimited(error)) throw error;
    console.error("socket rate limiter failed; connection let through", error);
  }
}

/** Puts every incoming event of `socket` through the limits (socket.use: before any handler). */
export function limitSocketEvents(socket: RealtimeSocket, limits: RateLimiter, address: string): void {
  let strikes = 0;
  socket.use((packet, next) => {
    const [event, ...args] = packet as [string, ...unknown[]];
    const ack = ackIn(args);
    void (async () => {
      try {
        // The connection's own bucket first: it lives in memory, so a flood never reaches Redis.
        await limits.consume("socketEvent", socket.id);
        await limits.consume("socketEventIp", address);
      } catch (error) {
        if (!isRateLimited(error)) {
          // Limits that cannot be counted (Redis gone without insurance) do not stop the site.
          console.error("socket rate limiter failed; event let through", error);
          return next();
        }
        ack?.({ ok: false, error: localizeError(error, socket.data.lng) });
        if (++strikes >= STRIKES_BEFORE_DISCONNECT) socket.disconnect(true);
        return;
      }
      strikes = 0;
      if (!KNOWN_EVENTS.has(event)) {
        // Not part of the contract: nobody would answer it.
        ack?.({ ok: false, error: localizeError(new AppError("VALIDATION", "errors.badRequest"), socket.data.lng) });
        return;
      }
      next();
    })();
  });
}
