// One run of the load bench on one engine with W watchers: fresh database, raw limits, the app
// in its own process, watchers, senders, the burst, then the integrity check.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { BENCH_SESSION_SECRET, cpuSeconds, ensureAppBuilt, memoryMiB, startApp, type AppProcess } from "./app-process.ts";
import { createBenchDatabase, withAdmin } from "./database.ts";
import type { Engine, LoadOptions } from "./options.ts";
import { rawBroadcast, rawInsertPGlite, rawInsertPostgres, type RawBroadcast, type RawInsert } from "./raw-limits.ts";
import { prepareSenders, runBurst, type Command } from "./senders.ts";
import { prepare } from "./setup.ts";
import { now, percentiles, sleep, type Percentiles } from "./stats.ts";
import { startWatcherProcess } from "./watchers.ts";

export type Check = { name: string; ok: boolean; detail: string };
type Memory = { rss: number; peak: number };

export type RunResult = {
  engine: Engine;
  voters: number;
  senders: number;
  graphqlSenders: number;
  watchers: number;
  proposals: number;
  voterSockets: number;
  rawInsert: RawInsert;
  rawBroadcast: RawBroadcast;
  joinMs: number;
  votersConnectMs: number;
  commands: number;
  acknowledged: number;
  failed: number;
  failureSample?: string;
  burstMs: number;
  ackPerSecond: number;
  ack: Percentiles;
  ackSocket: Percentiles;
  ackGraphql: Percentiles;
  push: Percentiles;
  pushMissing: number;
  pushesReceived: number;
  presenceReceived: number;
  displayedFinal: number;
  settleMs: number;
  serverCpuPercent: number;
  clientCpuPercent: number;
  watcherCpuPercent: number;
  memory: { idle: Memory; joined: Memory; connected: Memory; end: Memory };
  integrity: Check[];
};

const log = (message: string) => console.log(`  · ${message}`);

async function displayedCount(url: string, proposalId: number): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
    body: JSON.stringify({ query: "query P($id: ID!) { proposal(id: $id) { supportCount } }", variables: { id: String(proposalId) } }),
  });
  const body = (await response.json()) as { data?: { proposal?: { supportCount: number } | null } };
  return body.data?.proposal?.supportCount ?? -1;
}

export async function runLoad(engine: Engine, watchers: number, options: LoadOptions): Promise<RunResult> {
  const { voters, senders, proposals } = options;
  console.log(`\n=== load bench: ${engine}, V=${voters}, C=${senders}, W=${watchers}, P=${proposals} ===`);
  const db = await createBenchDatabase(engine, options.adminUrl, options.keep);
  // Secrets, uploads and mail of the app (PGlite keeps its database here too).
  const dataDir = db.appEnv.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "madang-bench-data-"));
  const appEnv: Record<string, string> = { DATA_DIR: dataDir, ...db.appEnv, SEED_ON_START: "false" };
  if (options.redisUrl) appEnv.REDIS_URL = options.redisUrl;
  let app: AppProcess | undefined;
  try {
    log(`fresh database: ${db.where}`);
    const rows = Math.min(20_000, Math.max(5_000, voters * proposals));
    const rawInsert =
      engine === "postgres"
        ? await rawInsertPostgres(db.appEnv.DATABASE_URL!, options.rawClients, rows)
        : await rawInsertPGlite(options.rawClients, rows);
    log(
      `raw INSERT: ${rawInsert.perSecond.toFixed(0)} rows/s over ${rows} rows, p50/p99 ${rawInsert.latency.p50.toFixed(1)}/${rawInsert.latency.p99.toFixed(1)} ms`,
    );
    const rawBc = await rawBroadcast(watchers, options.rawBroadcasts, options.connectConcurrency);
    log(
      `raw broadcast: ${watchers} clients joined in ${(rawBc.joinMs / 1000).toFixed(2)} s; p50/p99 ${rawBc.latency.p50.toFixed(1)}/${rawBc.latency.p99.toFixed(1)} ms`,
    );

    // The app migrates the empty database, stops; the bench fills it; the app starts again on it.
    ensureAppBuilt();
    let t = now();
    app = await startApp(appEnv);
    await app.stop();
    log(`app migrated the database in ${((now() - t) / 1000).toFixed(1)} s`);
    t = now();
    const sql = await db.open();
    const prepared = await prepare(sql, { voters, proposals, secret: BENCH_SESSION_SECRET }).finally(() => sql.close());
    log(`prepared ${voters} verified voters with sessions and ${proposals} open proposals in ${((now() - t) / 1000).toFixed(1)} s`);
    t = now();
    app = await startApp(appEnv);
    log(`app ready in ${((now() - t) / 1000).toFixed(1)} s (pid ${app.pid})`);
    const hot = prepared.proposalIds[0]!;
    const idle = memoryMiB(app.pid);

    const watcherProcess = await startWatcherProcess();
    const joined = await watcherProcess.join({
      url: app.url,
      count: watchers,
      mode: "app",
      proposalId: hot,
      concurrency: options.connectConcurrency,
      addressBlock: 1,
    });
    if (joined.failures) throw new Error(`${joined.failures} watchers failed to join: ${joined.firstError}`);
    log(`${watchers} watchers joined proposal ${hot} in ${(joined.ms / 1000).toFixed(2)} s`);
    const joinedMemory = memoryMiB(app.pid);
    const sendersReady = await prepareSenders(app.url, prepared.voters, senders, options.graphqlShare, options.connectConcurrency);
    log(`${sendersReady.sockets} voter sockets connected in ${(sendersReady.connectMs / 1000).toFixed(2)} s`);
    const connected = memoryMiB(app.pid);

    const cpu0 = cpuSeconds(app.pid);
    const watcherCpu0 = cpuSeconds(watcherProcess.pid);
    const client0 = process.cpuUsage();
    const burst = await runBurst(app.url, sendersReady.lanes, prepared.proposalIds);
    const burstMs = burst.endedAt - burst.startedAt;
    const serverCpuPercent = ((cpuSeconds(app.pid) - cpu0) * 1000 * 100) / burstMs;
    const watcherCpuPercent = ((cpuSeconds(watcherProcess.pid) - watcherCpu0) * 1000 * 100) / burstMs;
    const clientUsage = process.cpuUsage(client0);
    const clientCpuPercent = ((clientUsage.user + clientUsage.system) / 1000 / burstMs) * 100;
    const end = memoryMiB(app.pid);
    const ok = burst.commands.filter((c) => c.ok);
    log(`burst: ${burst.commands.length} commands in ${(burstMs / 1000).toFixed(1)} s, ${ok.length} acknowledged`);

    // Pushes still on their way: wait until every watcher holds the final count (or 30 s).
    const final = new Map<number, number>();
    for (const id of prepared.proposalIds) final.set(id, await displayedCount(app.url, id));
    const hotFinal = final.get(hot)!;
    const settleStart = burst.endedAt;
    let settledAt = NaN;
    while (now() - settleStart < 30_000) {
      const state = await watcherProcess.state();
      if (state.minHeld >= hotFinal) {
        settledAt = now();
        break;
      }
      await sleep(50);
    }
    await sleep(300); // late or reordered pushes still land on the displayed value
    const hotCommands = ok.filter((c) => c.proposal === hot);
    const analyzed = await watcherProcess.analyze(
      Float64Array.from(hotCommands, (c) => c.sentAt),
      Int32Array.from(hotCommands, (c) => c.count),
      hotFinal,
    );
    sendersReady.close();
    await watcherProcess.close();
    const exitCode = await app.stop();
    // The app's own words about failed commands (a timeout, a refused transaction), once each.
    const appErrors = [
      ...new Set(
        app
          .output()
          .split("\n")
          .filter((line) => /error|timed out|timeout/i.test(line)),
      ),
    ].slice(0, 5);
    app = undefined;

    const integrity = await checkIntegrity(db, prepared.proposalIds, burst.commands, final, analyzed, watchers, exitCode);
    const failed = burst.commands.filter((c) => !c.ok);
    const errorKinds = new Map<string, number>();
    for (const c of failed) errorKinds.set(c.error ?? "?", (errorKinds.get(c.error ?? "?") ?? 0) + 1);
    if (failed.length && appErrors.length) log(`app log on failures:\n      ${appErrors.map((l) => l.slice(0, 300)).join("\n      ")}`);
    const latencies = (list: Command[]) => percentiles(list.map((c) => c.ackAt - c.sentAt));
    return {
      engine,
      voters,
      senders,
      graphqlSenders: sendersReady.lanes.filter((l) => l.via === "graphql").length,
      watchers,
      proposals,
      voterSockets: sendersReady.sockets,
      rawInsert,
      rawBroadcast: rawBc,
      joinMs: joined.ms,
      votersConnectMs: sendersReady.connectMs,
      commands: burst.commands.length,
      acknowledged: ok.length,
      failed: failed.length,
      failureSample:
        [...errorKinds]
          .map(([e, n]) => `${n}× ${e}`)
          .slice(0, 3)
          .join("; ") || undefined,
      burstMs,
      ackPerSecond: ok.length / (burstMs / 1000),
      ack: latencies(ok),
      ackSocket: latencies(ok.filter((c) => c.via === "socket")),
      ackGraphql: latencies(ok.filter((c) => c.via === "graphql")),
      push: analyzed.latency,
      pushMissing: analyzed.missing,
      pushesReceived: analyzed.pushes,
      presenceReceived: analyzed.presence,
      displayedFinal: analyzed.displayedFinal,
      settleMs: settledAt - burst.endedAt,
      serverCpuPercent,
      clientCpuPercent,
      watcherCpuPercent,
      memory: { idle, joined: joinedMemory, connected, end },
      integrity,
    };
  } catch (error) {
    if (app) console.error(`app output (tail):\n${app.output().slice(-4000)}`);
    throw error;
  } finally {
    await app?.stop();
    await db.drop();
    if (!db.appEnv.DATA_DIR && !options.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function checkIntegrity(
  db: Awaited<ReturnType<typeof createBenchDatabase>>,
  proposalIds: number[],
  commands: Command[],
  displayed: Map<number, number>,
  analyzed: { heldFinal: number; displayedFinal: number; displayedSamples: number[]; watchers: number },
  watchers: number,
  exitCode: number | null,
): Promise<Check[]> {
  const sql = await db.open();
  try {
    const counts = await sql.query<{ proposalId: number; n: number }>(
      `select "proposalId", count(*)::int as n from "Support" where "proposalId" = any(string_to_array($1, ',')::int[]) group by "proposalId"`,
      [proposalIds.join(",")],
    );
    const rows = new Map(counts.map((c) => [c.proposalId, c.n]));
    const doubles = await sql.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from "Support" group by "proposalId", "userId" having count(*) > 1) d`,
    );
    const changed = new Map<number, number>();
    for (const c of commands) if (c.ok && c.changed) changed.set(c.proposal, (changed.get(c.proposal) ?? 0) + 1);
    const per = (f: (id: number) => string) => proposalIds.map(f).join(", ");
    const rowsOk = proposalIds.every((id) => (rows.get(id) ?? 0) === (changed.get(id) ?? 0));
    const displayedOk = proposalIds.every((id) => displayed.get(id) === (rows.get(id) ?? 0));
    const hotRows = rows.get(proposalIds[0]!) ?? 0;
    return [
      {
        name: "rows = acknowledged (changed) per proposal",
        ok: rowsOk,
        detail: per((id) => `#${id} ${rows.get(id) ?? 0}/${changed.get(id) ?? 0}`),
      },
      { name: "no (proposalId, userId) doubles", ok: doubles[0]!.n === 0, detail: `${doubles[0]!.n} doubled pairs` },
      {
        name: "displayed (GraphQL proposal.supportCount) = rows",
        ok: displayedOk,
        detail: per((id) => `#${id} ${displayed.get(id)}/${rows.get(id) ?? 0}`),
      },
      {
        name: "every watcher's last value = final",
        ok: analyzed.watchers === watchers && analyzed.displayedFinal === watchers,
        detail:
          `${analyzed.displayedFinal}/${watchers} display ${hotRows}, ${analyzed.heldFinal}/${watchers} received it` +
          (analyzed.displayedSamples.length ? `; others display ${analyzed.displayedSamples.join(", ")}` : ""),
      },
      { name: "app shut down cleanly", ok: exitCode === 0, detail: `exit code ${exitCode}` },
    ];
  } finally {
    await sql.close();
  }
}

export async function machine(adminUrl: string, engines: Engine[]): Promise<Record<string, string>> {
  const info: Record<string, string> = {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    kernel: readFileSync("/proc/sys/kernel/osrelease", "utf8").trim(),
  };
  if (engines.includes("postgres")) {
    await withAdmin(adminUrl, async (c) => {
      const settings = await c.query<{ name: string; setting: string }>(
        `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'max_connections', 'shared_buffers')`,
      );
      const version = await c.query<{ server_version: string }>("show server_version");
      info.postgresql = `${version.rows[0]!.server_version}; ${settings.rows.map((s) => `${s.name}=${s.setting}`).join(", ")}`;
    });
  }
  return info;
}
