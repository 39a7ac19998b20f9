// Two Madang nodes sharing one PostgreSQL database and one Redis: a 공감 on node A reaches a
// browser connected to node B through the Redis streams adapter, presence is counted over
// both, and the domain events that drop caches reach both buses; and two nodes started
// together on one empty database both come up, with the demo city seeded exactly once.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../app/db/database.server.ts";
import { DEMO_MARKER_EMAIL } from "../prisma/seed.ts";
import { ensureBuilt } from "../scripts/ensure-build.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, testPostgresUrl, testRedisUrl, type TestDatabase } from "../tests/setup/test-database.ts";
import { startServerProcess, stopServerProcess, type ServerProcess } from "../tests/utils/process.ts";
import { nextEvent, startTestServer } from "../tests/utils/server.ts";
import { sessionCookieFor } from "../tests/utils/session.ts";

const ready = Boolean(testPostgresUrl && testRedisUrl);
if (!ready) console.warn("realtime/multi-node.test.ts skipped: set TEST_DATABASE_URL and TEST_REDIS_URL to run it.");

describe.skipIf(!ready)("two nodes on PostgreSQL + Redis", () => {
  let db: TestDatabase;
  let dbB: Database;
  let nodeA: Awaited<ReturnType<typeof startTestServer>>;
  let nodeB: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    dbB = await openDatabase({ kind: "postgres", url: db.url! }); // node B has its own pool
    nodeA = await startTestServer(db, { redisUrl: testRedisUrl });
    nodeB = await startTestServer(dbB, { redisUrl: testRedisUrl });
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await dbB?.close();
    await db?.drop();
  });

  it("delivers an event from node A to a client on node B", async () => {
    const ref = await createReferenceData(db.prisma);
    const author = await createUser(db.prisma);
    const proposal = await nodeA.server.domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    const supporter = await createUser(db.prisma);

    const onB = await nodeB.client();
    await onB.emitWithAck("proposal:watch", { proposalId: proposal.id });
    const onA = await nodeA.client(await sessionCookieFor(db.prisma, supporter.id));
    const pushed = nextEvent(onB, "proposal:support-changed");
    const ack = await onA.emitWithAck("proposal:support", { proposalId: proposal.id });
    expect(ack).toMatchObject({ ok: true, data: { supportCount: 1 } });
    expect(await pushed).toMatchObject({ proposalId: proposal.id, supportCount: 1, status: "OPEN" });
  });

  it("counts presence over both nodes: each node's clients hear the total, and a node that closes takes its share along", async () => {
    // Ids no other test's nodes on this Redis use, so no stranger shares the room.
    const start = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
    await db.prisma.$queryRawUnsafe(`select setval(pg_get_serial_sequence('"Proposal"', 'id'), ${start})`);
    const category = await db.prisma.category.findFirstOrThrow();
    const proposal = await nodeA.server.domain.proposals.create(await createUser(db.prisma), proposalInput(category.id));
    const nodeC = await startTestServer(dbB, { redisUrl: testRedisUrl });
    let closed = false;
    try {
      const clients = [
        ...(await Promise.all([nodeA.client(), nodeA.client()])),
        ...(await Promise.all([nodeB.client(), nodeB.client(), nodeB.client()])),
        await nodeC.client(),
      ];
      const last = new Map<(typeof clients)[number], number>();
      for (const client of clients) client.on("proposal:presence", ({ count }) => last.set(client, count));
      const heard = (list = clients) => list.map((client) => last.get(client));
      for (const client of clients) await client.emitWithAck("proposal:watch", { proposalId: proposal.id });
      await expect.poll(() => heard()).toEqual([6, 6, 6, 6, 6, 6]);

      clients[2]!.disconnect(); // one leaves on B
      await expect.poll(() => heard(clients.filter((_, i) => i !== 2))).toEqual([5, 5, 5, 5, 5]);
      await nodeC.close();
      closed = true;
      await expect.poll(() => heard(clients.slice(0, 2).concat(clients.slice(3, 5)))).toEqual([4, 4, 4, 4]);
    } finally {
      if (!closed) await nodeC.close();
    }
  });

  it("carries the events that drop caches to the other node's bus, once, marked remote, and never back", async () => {
    const userIds = [1_000_000 + Math.floor(Math.random() * 1_000_000_000)];
    const sessionIds = [`test-${Math.random()}`];
    const seen: string[] = [];
    const offs = [nodeA, nodeB].flatMap(({ server }, i) => {
      const on = i === 0 ? "A" : "B";
      return [
        server.domain.events.subscribe("viewer.changed", (e, meta) => {
          if (e.userIds[0] === userIds[0]) seen.push(`${on} viewer.changed${meta.remote ? " remote" : ""}`);
        }),
        server.domain.events.subscribe("session.revoked", (e, meta) => {
          if (e.sessionIds[0] === sessionIds[0]) seen.push(`${on} session.revoked${meta.remote ? " remote" : ""}`);
        }),
        server.domain.events.subscribe("proposal.progressed", (e, meta) => {
          if (e.proposalId === userIds[0]) seen.push(`${on} proposal.progressed${meta.remote ? " remote" : ""}`);
        }),
      ];
    });
    try {
      nodeA.server.domain.events.publish("proposal.progressed", { proposalId: userIds[0]! }); // not one of them: stays on A
      nodeA.server.domain.events.publish("viewer.changed", { userIds });
      nodeB.server.domain.events.publish("session.revoked", { userId: userIds[0]!, sessionIds });
      await expect.poll(() => seen.length).toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 500)); // an echo would have come back by now
      expect(seen.sort()).toEqual([
        "A proposal.progressed",
        "A session.revoked remote",
        "A viewer.changed",
        "B session.revoked",
        "B viewer.changed remote",
      ]);
    } finally {
      offs.forEach((off) => off());
    }
  });

  it("is the adapter that carries it: without Redis, node B hears nothing (negative control)", async () => {
    const lonelyA = await startTestServer(db);
    const lonelyB = await startTestServer(dbB);
    try {
      const ref = await db.prisma.category.findFirstOrThrow();
      const author = await createUser(db.prisma);
      const proposal = await lonelyA.server.domain.proposals.create(author, proposalInput(ref.id));
      const onB = await lonelyB.client();
      await onB.emitWithAck("proposal:watch", { proposalId: proposal.id });
      const onA = await lonelyA.client(await sessionCookieFor(db.prisma, (await createUser(db.prisma)).id));
      const pushed = nextEvent(onB, "proposal:support-changed", 1_500);
      await onA.emitWithAck("proposal:support", { proposalId: proposal.id });
      await expect(pushed).rejects.toThrow(/no proposal:support-changed/);
    } finally {
      await lonelyA.close();
      await lonelyB.close();
    }
  });
});

describe.skipIf(!ready)("two nodes starting together on one empty PostgreSQL database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "madang-two-nodes-"));
  const created: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const everyNode: ServerProcess[] = [];

  beforeAll(() => {
    expect(ensureBuilt()).toBe(true); // the nodes run the real startup, which needs the web build
  }, 180_000);
  afterAll(async () => {
    for (const node of everyNode) if (node.child.exitCode === null) node.child.kill("SIGKILL");
    for (const name of created) await admin(`drop database if exists "${name}" with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Resolves once `count` sessions on the database wait for a lock (a table lock or the migration lock). */
  async function lockWaiters(url: string, count: number) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
        const { rows } = await client.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (rows[0]!.n >= count) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`fewer than ${count} sessions came to wait for a lock`);
    } finally {
      await client.end();
    }
  }

  // A brand-new database: the nodes race for the migrations, then the seed, as timing has it.
  // A migrated one without data, made deterministic: the city settings table is locked until
  // both nodes stand at their seed — both at the "is it seeded?" read when the seed is not
  // under the migration lock, one at the read and one at the lock when it is.
  it.each([
    { state: "without tables", migrated: false },
    { state: "migrated, both at the seed at once", migrated: true },
  ])(
    "both come up on a database $state, and the demo city is seeded exactly once",
    async ({ migrated }) => {
      const name = `madang_test_${randomBytes(6).toString("hex")}`;
      await admin(`create database "${name}"`);
      created.push(name);
      const url = new URL(testPostgresUrl!);
      url.pathname = `/${name}`;
      let blocker: pg.Client | undefined;
      if (migrated) {
        const db = await openDatabase({ kind: "postgres", url: url.toString() });
        await db.migrate();
        await db.close();
        blocker = new pg.Client({ connectionString: url.toString() });
        await blocker.connect();
        await blocker.query(`begin; lock table "CitySetting" in access exclusive mode`);
      }
      const env = {
        DATABASE_URL: url.toString(),
        REDIS_URL: testRedisUrl!,
        DATA_DIR: dataDir,
        SESSION_SECRET: "two-nodes-session-secret-0123456789",
        IDENTITY_HASH_KEY: "two-nodes-identity-key-0123456789",
        SEED_ON_START: "true",
      };
      const starting = Promise.allSettled([startServerProcess(env, 120_000), startServerProcess(env, 120_000)]);
      if (blocker) {
        await lockWaiters(url.toString(), 2).finally(() => blocker.query("commit").then(() => blocker.end()));
      }
      const started = await starting;
      const nodes = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
      everyNode.push(...nodes);
      expect(started.map((s) => (s.status === "fulfilled" ? "up" : String(s.reason)))).toEqual(["up", "up"]);

      const outputs = nodes.map((n) => n.output());
      expect(
        outputs.filter((o) => o.includes("Seeded the demo city")),
        outputs.join("\n---\n"),
      ).toHaveLength(1);
      expect(
        outputs.filter((o) => o.includes("Applied migrations")),
        outputs.join("\n---\n"),
      ).toHaveLength(migrated ? 0 : 1);

      const db = await openDatabase({ kind: "postgres", url: url.toString() });
      try {
        expect({
          cities: await db.prisma.citySetting.count(),
          districts: await db.prisma.district.count(),
          categories: await db.prisma.category.count(),
          markers: await db.prisma.user.count({ where: { email: DEMO_MARKER_EMAIL } }),
          proposals: await db.prisma.proposal.count(),
          rounds: await db.prisma.round.count(),
        }).toEqual({ cities: 1, districts: 27, categories: 13, markers: 1, proposals: 31, rounds: 2 });
      } finally {
        await db.close();
      }
      // Both serve the same seeded city.
      const totals = [];
      for (const node of nodes) {
        const response = await fetch(`${node.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ proposals(first: 1) { totalCount } }" }),
        });
        totals.push(((await response.json()) as { data: { proposals: { totalCount: number } } }).data.proposals.totalCount);
      }
      expect(totals[0]).toBeGreaterThan(0);
      expect(totals[1]).toBe(totals[0]);
      expect(await Promise.all(nodes.map((n) => stopServerProcess(n)))).toEqual([0, 0]);
    },
    240_000,
  );
});
