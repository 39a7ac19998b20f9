// Two Madang nodes sharing one PostgreSQL database and one Redis: a 공감 on node A reaches a
// browser connected to node B through the Redis streams adapter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../app/db/database.server.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, testPostgresUrl, testRedisUrl, type TestDatabase } from "../tests/setup/test-database.ts";
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
    expect(await pushed).toEqual({ proposalId: proposal.id, supportCount: 1, status: "OPEN" });
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
