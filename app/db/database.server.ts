// Opens the one database this process uses: PostgreSQL when DATABASE_URL is set,
// otherwise embedded PGlite in a data directory (or in memory, for tests).
import { availableParallelism } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { openPGliteDirectory } from "./data-dir.server.ts";
import { applyMigrations, type MigrationTarget } from "./migrate.server.ts";

export { DatabaseUnavailableError } from "./data-dir.server.ts";

export type Database = {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /**
   * Applies committed migrations that are not yet applied, then runs `andThen` (the seed of
   * an empty database) still under the same lock, so nodes starting together on one empty
   * database take turns: the second finds the first one's work done. Returns the migrations
   * it applied.
   */
  migrate(andThen?: () => Promise<unknown>): Promise<string[]>;
  /** Raw reachability check for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** dataDir undefined = in memory */
  | { kind: "pglite"; dataDir?: string };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === "postgres" ? openPostgres(options.url, options.poolSize) : openPGlite(options.dataDir);
}

/** The migrations, then `andThen`; the caller holds the migration lock around both. */
const thenUnderLock = async (migrate: () => Promise<string[]>, andThen?: () => Promise<unknown>) => {
  const applied = await migrate();
  if (andThen) await andThen();
  return applied;
};

async function openPGlite(dataDir?: string): Promise<Database> {
  // A data directory is locked to this process until close() (a second opener is refused
  // with a message naming the holder); an in-memory database is this process's anyway.
  const opened = dataDir ? await openPGliteDirectory(dataDir) : undefined;
  const pglite = opened?.pglite ?? new PGlite();
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let closed = false;
  const target: MigrationTarget = {
    query: async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
    exec: async (sql) => void (await pglite.exec(sql)),
    // One process (the directory lock), one connection: nothing to wait for.
    withLock: (fn) => fn(),
  };
  return {
    kind: "pglite",
    prisma,
    migrate: (andThen) => thenUnderLock(() => applyMigrations(target), andThen),
    ping: async () => void (await pglite.query("select 1")),
    // PGlite must be closed on every exit path or its data dir may not open again (TOOLCHAIN G6).
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await (opened ? opened.close() : pglite.close());
    },
  };
}

/** pg's default of 10 is for one core; the hot paths hold a connection for one statement, so more cores can keep more busy. */
export const defaultPoolSize = () => Math.max(10, 4 * availableParallelism());

/**
 * An interactive transaction (the scheduler's jobs, a merge) waits this long for a connection
 * before giving up (Prisma's default is 2 s, which a burst of 공감 could exhaust).
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

async function openPostgres(url: string, poolSize = defaultPoolSize()): Promise<Database> {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  const withClient = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  let closed = false;
  return {
    kind: "postgres",
    prisma,
    migrate: (andThen) =>
      withClient(async (client) => {
        // Several nodes may start at once: the same advisory lock key Prisma Migrate uses,
        // held on this connection through the migrations and `andThen` (the seed, which
        // writes through the pool). A node that dies holding it frees it with its connection.
        await client.query("select pg_advisory_lock(72707369)");
        try {
          const target: MigrationTarget = {
            query: async (sql, params) => (await client.query(sql, params)).rows,
            exec: async (sql) => void (await client.query(sql)),
            withLock: (fn) => fn(), // held above
          };
          return await thenUnderLock(() => applyMigrations(target), andThen);
        } finally {
          await client.query("select pg_advisory_unlock(72707369)");
        }
      }),
    ping: async () => void (await prisma.$queryRawUnsafe("select 1")),
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
    },
  };
}
