// Opens the one database this process uses: PostgreSQL when DATABASE_URL is set,
// otherwise embedded PGlite in a data directory (or in memory, for tests).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { applyMigrations, type MigrationTarget } from "./migrate.server.ts";

export type Database = {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Applies committed migrations that are not yet applied. */
  migrate(): Promise<string[]>;
  /** Raw reachability check for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: "postgres"; url: string }
  /** dataDir undefined = in memory */
  | { kind: "pglite"; dataDir?: string };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === "postgres" ? openPostgres(options.url) : openPGlite(options.dataDir);
}

async function openPGlite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let closed = false;
  const target: MigrationTarget = {
    query: async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
    exec: async (sql) => void (await pglite.exec(sql)),
    withLock: (fn) => fn(), // single process, single connection
  };
  return {
    kind: "pglite",
    prisma,
    migrate: () => applyMigrations(target),
    ping: async () => void (await pglite.query("select 1")),
    // PGlite must be closed on every exit path or its data dir may not open again (TOOLCHAIN G6).
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
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
    migrate: () =>
      withClient((client) =>
        applyMigrations({
          query: async (sql, params) => (await client.query(sql, params)).rows,
          exec: async (sql) => void (await client.query(sql)),
          // Several nodes may start at once: the same advisory lock key Prisma Migrate uses.
          withLock: async (fn) => {
            await client.query("select pg_advisory_lock(72707369)");
            try {
              return await fn();
            } finally {
              await client.query("select pg_advisory_unlock(72707369)");
            }
          },
        }),
      ),
    ping: async () => void (await prisma.$queryRawUnsafe("select 1")),
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
    },
  };
}
