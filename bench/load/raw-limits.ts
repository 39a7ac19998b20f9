// The raw limits, measured in the same run on the same machine: what the database does with
// plain INSERTs on a unique key (no app), and what socket.io does broadcasting to W clients
// (no app). The app's figures are reported as ratios of these.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { spawnTs } from "./app-process.ts";
import { type Percentiles, now, percentiles } from "./stats.ts";
import { startWatcherProcess } from "./watchers.ts";

export type RawInsert = { rows: number; clients: number; perSecond: number; latency: Percentiles };
export type RawBroadcast = {
  clients: number;
  joinMs: number;
  broadcasts: number;
  latency: Percentiles;
  received: number;
  expected: number;
};

const TABLE = `create table bench_raw_insert ("proposalId" integer not null, "userId" integer not null,
  "createdAt" timestamp(3) not null default current_timestamp, primary key ("proposalId", "userId"))`;

/** `rows` single-row autocommit INSERTs from `clients` concurrent connections (one at a time each). */
async function insertLoad(clients: number, rows: number, insert: (k: number, lane: number) => Promise<unknown>): Promise<RawInsert> {
  const latencies = new Float64Array(rows);
  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: clients }, async (_, lane) => {
      while (next < rows) {
        const k = next++;
        const t = now();
        await insert(k, lane);
        latencies[k] = now() - t;
      }
    }),
  );
  const seconds = (now() - started) / 1000;
  return { rows, clients, perSecond: rows / seconds, latency: percentiles(latencies) };
}

const keyOf = (k: number) => [(k % 5) + 1, Math.floor(k / 5) + 1];

export async function rawInsertPostgres(url: string, clients: number, rows: number): Promise<RawInsert> {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    await connections[0]!.query(TABLE);
    const result = await insertLoad(clients, rows, (k, lane) =>
      connections[lane]!.query(`insert into bench_raw_insert ("proposalId", "userId") values ($1, $2)`, keyOf(k)),
    );
    await connections[0]!.query(`drop table bench_raw_insert`);
    return result;
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

/** PGlite has one connection: the "clients" are concurrent callers queued on it, as the app's are. */
export async function rawInsertPGlite(clients: number, rows: number): Promise<RawInsert> {
  const dir = mkdtempSync(path.join(tmpdir(), "madang-bench-raw-"));
  const db = new PGlite(dir);
  try {
    await db.waitReady;
    await db.exec(TABLE);
    return await insertLoad(clients, rows, (k) =>
      db.query(`insert into bench_raw_insert ("proposalId", "userId") values ($1, $2)`, keyOf(k)),
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** W plain clients join a room of a plain socket.io server (its own process); it broadcasts `broadcasts` times, 100 ms apart. */
export async function rawBroadcast(clients: number, broadcasts: number, concurrency: number): Promise<RawBroadcast> {
  const watchers = await startWatcherProcess();
  const { child, output, exited } = spawnTs("bench/load/raw-broadcast-server.ts", { ...process.env }, true);
  const next = (type: string) =>
    new Promise<{ type: string; port?: number }>((resolve, reject) => {
      const onMessage = (m: { type: string; port?: number }) => {
        if (m.type !== type) return;
        child.off("message", onMessage);
        resolve(m);
      };
      child.on("message", onMessage);
      void exited.then((code) => reject(new Error(`the raw broadcast server exited (code ${code}):\n${output()}`)));
    });
  const { port } = await next("listening");
  try {
    const joined = await watchers.join({
      url: `http://127.0.0.1:${port}`,
      count: clients,
      mode: "raw",
      proposalId: 0,
      concurrency,
      addressBlock: 3,
    });
    if (joined.failures) throw new Error(`${joined.failures} raw clients failed to join: ${joined.firstError}`);
    const done = next("broadcasted");
    child.send({ type: "broadcast", count: broadcasts, intervalMs: 100 });
    await done;
    // The last message's receivers may still be reading it.
    await new Promise((r) => setTimeout(r, 500));
    const summary = await watchers.rawSummary();
    return { clients, joinMs: joined.ms, broadcasts, latency: summary.latency, received: summary.received, expected: clients * broadcasts };
  } finally {
    child.send({ type: "close" });
    await exited;
    await watchers.close();
  }
}
