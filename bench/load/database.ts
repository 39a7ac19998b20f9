// A fresh database per run: a new database on the PostgreSQL server (dropped afterwards), or
// a temporary PGlite data directory. The bench reads and writes it directly only while the
// app is stopped (PGlite allows one process) — to prepare people and proposals, and to count
// rows at the end.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Engine } from "./options.ts";

/** The little the bench needs from either engine. */
export type Sql = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export type BenchDatabase = {
  engine: Engine;
  /** What the app is started with: DATABASE_URL, or DATA_DIR (PGlite in DATA_DIR/pglite). */
  appEnv: Record<string, string>;
  /** A label for the report. */
  where: string;
  open(): Promise<Sql>;
  drop(): Promise<void>;
};

export async function postgresReachable(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function pgSql(url: string): Sql {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    close: () => pool.end(),
  };
}

export async function pgliteSql(dataDir: string): Promise<Sql> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  return {
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    close: () => db.close(),
  };
}

export async function createBenchDatabase(engine: Engine, adminUrl: string, keep: boolean): Promise<BenchDatabase> {
  if (engine === "postgres") {
    const name = `madang_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${process.pid}`;
    await withAdmin(adminUrl, (c) => c.query(`create database "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      engine,
      appEnv: { DATABASE_URL: url.toString() },
      where: `PostgreSQL database ${name}`,
      open: async () => pgSql(url.toString()),
      drop: async () => {
        if (keep) return console.log(`  kept database ${name}`);
        await withAdmin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "madang-bench-"));
  return {
    engine,
    appEnv: { DATA_DIR: dataDir },
    where: `PGlite in ${dataDir}`,
    open: () => pgliteSql(path.join(dataDir, "pglite")),
    drop: async () => {
      if (keep) return console.log(`  kept data directory ${dataDir}`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
