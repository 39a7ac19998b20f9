// `npm run bench`: prints speed and memory figures for the foundation. No thresholds here:
// figures are for reading and comparing, not for failing builds.
// Measures, on a freshly seeded in-memory PGlite (or TEST_DATABASE_URL):
//  - proposal list (page of 12, sorted by 공감) latency through the domain;
//  - GraphQL proposals query latency through yoga.fetch;
//  - live 공감 propagation: client A's support until client B receives the push;
//  - a round page's data (round, entries, debate, quality) and a round comment's live push;
//  - resident memory after the run;
//  - then the load benchmark at a small scale (bench/load, `npm run bench:load` for the full one).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { seedDemoCity } from "../prisma/seed.ts";
import { createTestDatabase } from "../tests/setup/test-database.ts";
import { nextEvent, startTestServer } from "../tests/utils/server.ts";
import { sessionCookieFor } from "../tests/utils/session.ts";

function summary(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(
    `${name.padEnd(42)} n=${String(samples.length).padStart(4)}  p50=${at(0.5).toFixed(2)} ms  p95=${at(0.95).toFixed(2)} ms  max=${sorted.at(-1)!.toFixed(2)} ms`,
  );
}

const db = await createTestDatabase();
const app = await startTestServer(db);
try {
  await seedDemoCity(db.prisma);
  const domain = app.server.domain;
  console.log(`Madang benchmarks on ${db.kind}`);

  const list: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await domain.proposals.list(null, { sort: i % 2 ? "support" : "newest", limit: 12 });
    list.push(performance.now() - t);
  }
  summary("domain: list 12 proposals", list);

  const gql: number[] = [];
  const query = JSON.stringify({
    query: "{ proposals(first: 12) { totalCount edges { node { id title supportCount stance { pro con } } } } }",
  });
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    const r = await app.server.yoga.fetch("http://bench/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: query,
    });
    await r.json();
    gql.push(performance.now() - t);
  }
  summary("graphql: proposals(first: 12)", gql);

  // Live propagation: up to 40 demo residents press 공감 on open proposals they have not supported yet.
  const open = await domain.proposals.list(null, { status: "OPEN", limit: 50 });
  const residents = await db.prisma.user.findMany({ where: { email: { endsWith: "@residents.madang" } }, take: 40 });
  const watcher = await app.client();
  await watcher.emitWithAck("proposals:watch");
  const live: number[] = [];
  const supports: number[] = [];
  for (const [i, resident] of residents.entries()) {
    const proposal = open.items[i % open.items.length]!;
    const existing = await db.prisma.support.findUnique({ where: { proposalId_userId: { proposalId: proposal.id, userId: resident.id } } });
    if (existing || proposal.author.id === resident.id) continue;
    const client = await app.client(await sessionCookieFor(db.prisma, resident.id));
    const pushed = nextEvent(watcher, "proposal:support-changed");
    const t = performance.now();
    const ack = await client.emitWithAck("proposal:support", { proposalId: proposal.id });
    supports.push(performance.now() - t);
    await pushed;
    live.push(performance.now() - t);
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    client.disconnect();
  }
  summary("socket: 공감 command to ack", supports);
  summary("socket: 공감 in A until B receives the push", live);

  // Rounds: everything the round page loads, and a comment in the round reaching a watcher.
  const round = (await domain.rounds.list(null)).find((r) => r.currentPhase?.allows.includes("COMMENT"))!;
  const page: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await Promise.all([
      domain.rounds.get(null, round.id),
      domain.entries.list(null, round.id),
      domain.comments.roundThread(null, round.id),
      domain.quality.forRound(null, round.id),
    ]);
    page.push(performance.now() - t);
  }
  summary("domain: round page data", page);
  const roundWatcher = await app.client();
  await roundWatcher.emitWithAck("round:watch", { roundId: round.id });
  const roundLive: number[] = [];
  for (const resident of residents.slice(0, 20)) {
    const viewer = await domain.sessions.viewerForSession(
      await app.server.auth.sessionIdFromCookieHeader(await sessionCookieFor(db.prisma, resident.id)),
    );
    const pushed = nextEvent(roundWatcher, "comment:changed");
    const t = performance.now();
    await domain.comments.post(viewer, {
      roundId: round.id,
      stance: "PRO",
      body: "벤치마크 의견: 생활 밀착형 사업이 필요하기 때문에 찬성합니다.",
    });
    await pushed;
    roundLive.push(performance.now() - t);
  }
  summary("round comment until a watcher receives it", roundLive);

  const mem = process.memoryUsage();
  console.log(`memory: rss=${(mem.rss / 2 ** 20).toFixed(0)} MiB heapUsed=${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
} finally {
  await app.close();
  await db.drop();
}

// The load bench at a small scale, in its own processes (its figures are its own, and its exit
// code says whether its integrity check passed). Both engines when PostgreSQL is reachable.
const load = spawnSync(
  process.execPath,
  ["--import", "tsx", "bench/load/main.ts", "--voters=300", "--senders=30", "--watchers=200", "--proposals=5"],
  { stdio: "inherit", env: process.env, cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..") },
);
if (load.status !== 0) process.exit(load.status ?? 1);
