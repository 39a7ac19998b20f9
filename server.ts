// Composition root: validates config, opens the database, builds the domain once and hands
// the same instances to Remix (load context), GraphQL (context) and socket.io (handlers).
// One HTTP server, one port: Remix, /graphql and /socket.io side by side.
import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import os from "node:os";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import closeWithGrace from "close-with-grace";
import express from "express";
import { createClient } from "redis";
import { createAuth } from "./app/auth/auth.server.ts";
import { ConfigError, loadConfig, type Config } from "./app/config.server.ts";
import { DatabaseUnavailableError, type Database } from "./app/db/database.server.ts";
import { openConfiguredDatabase } from "./app/db/open-configured.server.ts";
import { createDevIdentityProvider } from "./app/domain/identity/dev-provider.server.ts";
import { createDomain } from "./app/domain/index.server.ts";
import { localize } from "./app/platform/compose.server.ts";
import { createDiskStorage } from "./app/platform/storage.server.ts";
import { SCHEDULER_INTERVAL_MS } from "./app/domain/scheduler/scheduler.server.ts";
import type { FileStorage, Mailer, RateLimiter } from "./app/domain/ports.ts";
import type { Clock } from "./app/domain/viewer.ts";
import type { MadangLoadContext } from "./app/load-context.ts";
import { bodySizeGuard, csrfGuard, securityHeaders } from "./app/platform/http-guards.server.ts";
import { createStrictRemixHandler } from "./app/platform/remix-handler.server.ts";
import { createConsoleMailer, createFileMailer, createSmtpMailer } from "./app/platform/mail.server.ts";
import { createRateLimiter } from "./app/platform/rate-limits.server.ts";
import { resolveIdentityHashKey, resolveSessionSecret } from "./app/session-secret.server.ts";
import { createMadangYoga } from "./graphql/yoga.ts";
import { seedIfEmpty } from "./prisma/seed.ts";
import { createRealtimeServer } from "./realtime/server.ts";

installGlobals({ nativeFetch: true });

const ROOT = path.dirname(new URL(import.meta.url).pathname);
const BUILD_PATH = path.join(ROOT, "build/index.js");

export type MadangServerOptions = {
  config: Config;
  db: Database;
  sessionSecret: string;
  identityHashKey?: string;
  /** Omit to serve only /graphql and /socket.io (tests). */
  remixBuild?: () => Promise<ServerBuild>;
  clock?: Clock;
  /** Override ports (tests). */
  limits?: RateLimiter;
  mailer?: Mailer;
  /** Attachment storage; DATA_DIR/uploads on local disk by default. */
  storage?: FileStorage;
};

function mailerFor(config: Config): Mailer {
  if (config.MAIL_TRANSPORT === "smtp") return createSmtpMailer(config.SMTP_URL!, config.MAIL_FROM);
  if (config.MAIL_TRANSPORT === "file") return createFileMailer(path.resolve(config.DATA_DIR, "mail"), config.MAIL_FROM);
  return createConsoleMailer();
}

export async function createMadangServer(options: MadangServerOptions) {
  const { config, db, sessionSecret, remixBuild, clock } = options;
  const isDev = config.NODE_ENV === "development";
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;

  // Rate limits count across nodes in Redis when there is one.
  let limitsRedis: ReturnType<typeof createClient> | undefined;
  if (config.REDIS_URL && !options.limits) {
    limitsRedis = createClient({ url: config.REDIS_URL });
    limitsRedis.on("error", (error) => console.error("redis (rate limits):", error.message));
    await limitsRedis.connect();
  }
  // One limiter for the domain's limits and the socket edge's (realtime/limits.ts).
  const limits = options.limits ?? createRateLimiter({ redis: limitsRedis });
  const domain = createDomain({
    prisma: db.prisma,
    clock,
    limits,
    mailer: options.mailer ?? mailerFor(config),
    localize,
    identityProviders: [createDevIdentityProvider()],
    storage: options.storage ?? createDiskStorage(path.resolve(config.DATA_DIR, "uploads")),
    identityHashKey: options.identityHashKey ?? sessionSecret,
    publicUrl,
  });
  const auth = createAuth({
    sessions: domain.sessions,
    secret: sessionSecret,
    secure: config.NODE_ENV === "production" && config.COOKIE_SECURE,
  });
  const allowedOrigins = [...config.ALLOWED_ORIGINS, ...(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [])];
  const yoga = createMadangYoga({
    domain,
    auth,
    graphiql: isDev,
    introspection: config.GRAPHQL_INTROSPECTION ?? isDev,
  });

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  app.use(...securityHeaders({ isDev }));
  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  app.get("/readyz", (_req, res) => {
    db.ping().then(
      () => void res.json({ status: "ready", database: db.kind }),
      () => void res.status(503).json({ status: "unavailable", database: db.kind }),
    );
  });
  app.use("/build", express.static(path.join(ROOT, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(ROOT, "public"), { maxAge: "1h" }));
  app.use(bodySizeGuard(), csrfGuard(allowedOrigins));
  app.use(yoga.graphqlEndpoint, yoga as unknown as express.RequestHandler);
  if (remixBuild) {
    app.all(
      "*",
      // Like @remix-run/express's handler, but bodies with invalid UTF-8 are refused first.
      createStrictRemixHandler({
        build: remixBuild,
        mode: config.NODE_ENV,
        getLoadContext: (req, res): MadangLoadContext => ({ domain, auth, clientIp: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
      }),
    );
  }

  const httpServer = http.createServer(app);
  const realtime = await createRealtimeServer(httpServer, {
    domain,
    auth,
    redisUrl: config.REDIS_URL,
    allowedOrigins,
    limits,
    trustProxy: config.TRUST_PROXY,
  });

  // Deadlines run themselves (expiry, overdue answers); on several nodes, once per interval.
  const nodeId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const runScheduler = () =>
    void domain.scheduler
      .runOnce(nodeId)
      .then(({ countsFixed }) => {
        if (countsFixed.length) console.warn("scheduler: 공감 counts differed from their rows and were set right", countsFixed);
      })
      .catch((error) => console.error("scheduler: deadline jobs failed", error));
  const scheduler = setInterval(runScheduler, SCHEDULER_INTERVAL_MS);
  scheduler.unref();
  runScheduler();

  return {
    app,
    httpServer,
    io: realtime.io,
    domain,
    auth,
    yoga,
    listen(port = config.PORT, host = config.HOST): Promise<number> {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    /** Stops accepting connections and closes sockets; the caller closes the database. */
    async close() {
      clearInterval(scheduler);
      await realtime.close(); // io.close() also closes the HTTP server
      httpServer.closeAllConnections?.();
      if (limitsRedis?.isOpen) await limitsRedis.quit().catch(() => undefined);
    },
  };
}

export type MadangServer = Awaited<ReturnType<typeof createMadangServer>>;

async function loadRemixBuild(): Promise<ServerBuild> {
  // Cache-busting re-import so `npm run dev` picks up rebuilds.
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${statSync(BUILD_PATH).mtimeMs}`);
}

export async function main() {
  let config: Config;
  let sessionSecret: string;
  let identityHashKey: string;
  try {
    config = loadConfig();
    sessionSecret = resolveSessionSecret(config);
    identityHashKey = resolveIdentityHashKey(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!existsSync(BUILD_PATH)) {
    console.error("The web app is not built yet: run `npm run build` (or `npm start`, which builds when needed).");
    process.exit(1);
  }

  // The embedded directory is locked by another process, or will not open: the message names
  // the directory and says what to do; a stack trace would only hide it.
  const db = await openConfiguredDatabase(config).catch((error: unknown) => {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    console.error(error.message);
    return process.exit(1);
  });
  // Assigned once the server is built; the shutdown handler below may run before that.
  const running: { server?: MadangServer } = {};
  // Graceful shutdown on SIGTERM/SIGINT: stop accepting, close sockets, close the database.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) console.error(err);
    else console.log(`${signal}: shutting down`);
    await running.server?.close();
    await db.close();
  });

  // Seeding an empty database happens under the migration lock, so of several nodes starting
  // together on one empty database exactly one seeds it and the others find it seeded.
  let seeded = false;
  const applied = await db.migrate(config.SEED_ON_START ? async () => void (seeded = await seedIfEmpty(db.prisma)) : undefined);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (seeded) console.log("Seeded the demo city (군산시) into the empty database.");

  let build = await loadRemixBuild();
  const server = await createMadangServer({ config, db, sessionSecret, identityHashKey, remixBuild: async () => build });
  running.server = server;
  // Proposals stored without search tokens (rows from before search existed) become searchable.
  const reindexed = await server.domain.search.reindexMissing();
  if (reindexed) console.log(`Indexed ${reindexed} proposals for search.`);
  const port = await server.listen();
  const where = db.kind === "postgres" ? "PostgreSQL" : `embedded PGlite (${path.resolve(config.DATA_DIR, "pglite")})`;
  console.log(`Madang is running at http://localhost:${port} on ${where}${config.REDIS_URL ? " with Redis" : ""}`);

  if (config.NODE_ENV === "development") {
    const { watch } = await import("chokidar");
    const reload = async () => {
      build = await loadRemixBuild();
      await broadcastDevReady(build);
    };
    watch(path.join(ROOT, "build/version.txt"), { ignoreInitial: true }).on("all", () => {
      reload().catch((error: unknown) => console.error("reloading the web app failed", error));
    });
    await broadcastDevReady(build);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
