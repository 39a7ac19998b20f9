// Builds the socket.io server on an existing HTTP server: authentication from the same
// session cookie as the web, per-feature handlers, the domain-event bridge, presence, and the
// Redis streams adapter when several nodes share the work (which also carries presence counts
// and cache-dropping domain events between them).
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import type { IncomingMessage } from "node:http";
import type { Auth } from "../app/auth/auth.server.ts";
import { isAppError } from "../app/domain/errors.ts";
import type { Domain } from "../app/domain/index.server.ts";
import type { RateLimiter } from "../app/domain/ports.ts";
import { localizeError } from "../app/i18n/errors.ts";
import { languageFromHeaders } from "../app/i18n/i18n.ts";
import { bridgeDomainEvents } from "./bridge.ts";
import { clusterDomainEvents } from "./cluster-events.ts";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./contract.ts";
import { registerProposalHandlers } from "./handlers/proposal.handlers.ts";
import { registerRoundHandlers } from "./handlers/round.handlers.ts";
import { handshakeAddress, limitConnection, limitSocketEvents } from "./limits.ts";
import { createPresence } from "./presence.ts";
import { rooms } from "./rooms.ts";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export type RealtimeDeps = {
  domain: Domain;
  auth: Pick<Auth, "sessionIdFromCookieHeader">;
  redisUrl?: string;
  /** Origins besides our own that may open sockets. */
  allowedOrigins?: string[];
  /** Connection and event limits (realtime/limits.ts); the same limiter, in Redis or memory, as the domain's. */
  limits: RateLimiter;
  /** Number of proxies in front (TRUST_PROXY), to find the client's address as the HTTP side does. */
  trustProxy?: number;
};

/** Browsers always send Origin on websocket and polling requests: only our own pages (or allowed ones) may connect. */
function originAllowed(req: IncomingMessage, allowed: Set<string>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: carries no ambient cookie by accident
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export async function createRealtimeServer(
  httpServer: HttpServer,
  { domain, auth, redisUrl, allowedOrigins = [], limits, trustProxy = 0 }: RealtimeDeps,
) {
  const allowed = new Set(allowedOrigins);
  let redis: ReturnType<typeof createClient> | undefined;
  let adapter;
  if (redisUrl) {
    redis = createClient({ url: redisUrl });
    redis.on("error", (error) => console.error("redis (socket.io adapter):", error.message));
    await redis.connect();
    // Streams (not pub/sub) so connection-state recovery also works across nodes.
    adapter = createAdapter(redis, { streamName: "madang:socket.io", maxLen: 100_000 });
  }

  const io: RealtimeServer = new Server(httpServer, {
    ...(adapter ? { adapter } : {}),
    // A client that drops for a moment gets the events it missed, and keeps its rooms.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => callback(originAllowed(req, allowed) ? null : "origin not allowed", originAllowed(req, allowed)),
  });

  // Opening a connection counts against the client's address, before the session is read.
  io.use((socket, next) => {
    const { cookie, "accept-language": acceptLanguage } = socket.handshake.headers;
    socket.data.lng = languageFromHeaders(cookie ?? null, acceptLanguage ?? null);
    socket.data.address = handshakeAddress(socket.handshake, trustProxy);
    limitConnection(limits, socket.data.address).then(
      () => next(),
      (error: unknown) => {
        // The client sees connect_error with message RATE_LIMITED and the localized error as data.
        const refused = new Error(isAppError(error) ? error.code : "unavailable") as Error & { data?: unknown };
        refused.data = localizeError(error, socket.data.lng);
        next(refused);
      },
    );
  });

  const authenticate = async (socket: RealtimeSocket) => {
    const { cookie } = socket.handshake.headers;
    socket.data.sessionId = await auth.sessionIdFromCookieHeader(cookie);
    const viewer = await domain.sessions.viewerForSession(socket.data.sessionId);
    socket.data.userId = viewer?.id ?? null;
    if (!viewer) socket.data.sessionId = null;
  };
  io.use((socket, next) => {
    authenticate(socket).then(
      () => next(),
      (error: unknown) => {
        console.error("socket authentication failed", error);
        next(new Error("unavailable"));
      },
    );
  });

  const clustered = adapter !== undefined;
  const presence = createPresence(io, { clustered });
  io.on("connection", (socket) => {
    const { userId, sessionId } = socket.data;
    // A connection restored by recovery skipped the middlewares but got its data back.
    socket.data.address ??= handshakeAddress(socket.handshake, trustProxy);
    // Joined before the client can act, so a revocation always finds this socket.
    if (userId && sessionId) void socket.join([rooms.user(userId), rooms.session(sessionId)]);
    // Before any handler: every client → server event passes the limits first.
    limitSocketEvents(socket, limits, socket.data.address);
    registerProposalHandlers(socket, domain);
    registerRoundHandlers(socket, domain);
  });

  const unbridge = bridgeDomainEvents(io, domain.events, domain.notifications, domain.live);
  const uncluster = clusterDomainEvents(io, domain.events, { clustered });

  return {
    io,
    async close() {
      unbridge();
      uncluster();
      presence.close(); // before the sockets go, so the other nodes drop this node's counts at once
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      if (redis?.isOpen) await redis.quit().catch(() => undefined);
    },
  };
}
