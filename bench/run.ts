// `npm run bench`: prints speed and memory figures for the foundation. No thresholds here:
// figures are for reading and comparing, not for failing builds.
// Measures, on a freshly seeded in-memory PGlite (or TEST_DATABASE_URL):
//  - proposal list (page of 12, sorted by 공감) latency through the domain;
//  - GraphQL proposals query latency through yoga.fetch;
//  - live 공감 propagation: client A's support until client B receives the push;
//  - resident memory after the run.
import { performance } from "node:perf_hooks";
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
  const query = JSON.stringify({ query: "{ proposals(first: 12) { totalCount edges { node { id title supportCount stance { pro con } } } } }" });
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    const r = await app.server.yoga.fetch("http://bench/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: query });
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

  const mem = process.memoryUsage();
  console.log(`memory: rss=${(mem.rss / 2 ** 20).toFixed(0)} MiB heapUsed=${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
} finally {
  await app.close();
  await db.drop();
}
