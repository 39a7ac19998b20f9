// A real Madang server (GraphQL + socket.io, optionally Remix) on an ephemeral port.
import { io as connect, type Socket } from "socket.io-client";
import { loadConfig } from "../../app/config.server.ts";
import type { Database } from "../../app/db/database.server.ts";
import type { RateLimiter } from "../../app/domain/ports.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "../../realtime/contract.ts";
import { createMadangServer } from "../../server.ts";
import { TEST_SESSION_SECRET } from "./session.ts";

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export type TestServerOptions = {
  redisUrl?: string;
  /** Extra environment, e.g. TRUST_PROXY. */
  env?: Record<string, string>;
  /** Rate limits to use instead of the defaults (e.g. a fresh key prefix or other numbers). */
  limits?: RateLimiter;
};

export async function startTestServer(db: Database, { redisUrl, env = {}, limits }: TestServerOptions = {}) {
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", ...(redisUrl ? { REDIS_URL: redisUrl } : {}), ...env });
  const server = await createMadangServer({ config, db, sessionSecret: TEST_SESSION_SECRET, ...(limits ? { limits } : {}) });
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const clients: TestClient[] = [];
  return {
    url,
    server,
    /** Connects a socket.io client, optionally with a session cookie. */
    async client(
      cookie?: string,
      { reconnection = false, headers = {} }: { reconnection?: boolean; headers?: Record<string, string> } = {},
    ): Promise<TestClient> {
      const socket: TestClient = connect(url, {
        transports: ["websocket"],
        forceNew: true,
        reconnection,
        reconnectionDelay: 50,
        extraHeaders: { ...headers, ...(cookie ? { cookie } : {}) },
      });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async close() {
      clients.forEach((c) => c.disconnect());
      await server.close();
    },
  };
}

/** Resolves with the next payload of `event`, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: TestClient, event: E, ms = 5_000) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${ms} ms`)), ms);
    socket.once(
      event as any,
      ((payload: any) => {
        clearTimeout(timer);
        resolve(payload);
      }) as any,
    );
  });
}

/** Collects every payload of `event` until stopped. */
export function collect<E extends keyof ServerToClientEvents>(socket: TestClient, event: E) {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  const listener = (payload: any) => seen.push(payload);
  socket.on(event as any, listener);
  return { seen, stop: () => socket.off(event as any, listener) };
}
