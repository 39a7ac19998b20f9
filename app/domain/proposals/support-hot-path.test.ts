// The 공감 hot path (issue 12): group commit, the maintained count, versions, and the caches
// it reads from — against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { openDatabase, type Database } from "../../db/database.server.ts";
import { countQueries, withQueryCount } from "../../db/query-count.server.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import { readCitySettings } from "../catalog/city-settings.server.ts";
import { isAppError } from "../errors.ts";
import { reconcileSupportCounts } from "./support-writes.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  ref = await createReferenceData(db.prisma, { threshold: 1000 });
});
afterAll(async () => {
  await db?.drop();
});

async function openProposal(on: Domain = domain) {
  const author = await createUser(db.prisma);
  return { author, proposal: await on.proposals.create(author, proposalInput(ref.categories.transport.id)) };
}

const users = (n: number) => Promise.all(Array.from({ length: n }, () => createUser(db.prisma)));

async function stored(proposalId: number) {
  const row = await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { supportCount: true, liveVersion: true } });
  return { ...row, rows: await db.prisma.support.count({ where: { proposalId } }) };
}

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => "OK",
    (error: unknown) => (isAppError(error) ? error.code : Promise.reject(error)),
  );

describe("group commit", () => {
  it("writes a crowd's concurrent 공감 in a few statements, each acknowledged with a count that includes it", async () => {
    const { proposal } = await openProposal();
    const crowd = await users(120);
    const counted = withQueryCount(db.prisma);
    const counting = createDomain({ prisma: counted });
    const versions: number[] = [];
    const off = counting.events.subscribe("proposal.supportChanged", (e) => void versions.push(e.version));
    // Each person's facts are read once and then remembered (as their socket's first command would).
    const city = await readCitySettings(db.prisma);
    for (const c of crowd) await counting.eligibility.assertEligibleNow(c, city);
    const { result: acks, operations } = await countQueries(() =>
      Promise.all(crowd.map((c) => counting.proposals.support(c, proposal.id))),
    );
    off();
    expect(acks.every((a) => a.changed && a.supported)).toBe(true);
    const after = await stored(proposal.id);
    expect(after.rows).toBe(120);
    expect(after.supportCount).toBe(120);
    // Every ack's count includes its own 공감, and the last push holds the final count.
    expect(Math.min(...acks.map((a) => a.supportCount))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...acks.map((a) => a.supportCount))).toBe(120);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(after.liveVersion);
    // One facts read and one statement per batch, not ~11 commits per 공감.
    const writes = operations.filter((o) => o === "$queryRaw").length;
    expect(writes).toBeLessThan(crowd.length / 2);
  });

  it("a person pressing twice at once writes once; the second hears it was already given", async () => {
    const { proposal } = await openProposal();
    const citizen = await createUser(db.prisma);
    const [a, b] = await Promise.all([domain.proposals.support(citizen, proposal.id), domain.proposals.support(citizen, proposal.id)]);
    expect([a.changed, b.changed].sort()).toEqual([false, true]);
    expect(a.supportCount).toBe(1);
    expect(b.supportCount).toBe(1);
    expect((await stored(proposal.id)).rows).toBe(1);
  });

  it("refuses each command of a batch for its own reason and writes the others", async () => {
    const { author, proposal } = await openProposal();
    const { proposal: closed } = await openProposal();
    await db.prisma.proposal.update({ where: { id: closed.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const [x, y] = [await createUser(db.prisma), await createUser(db.prisma)];
    const codes = await Promise.all([
      codeOf(domain.proposals.support(author, proposal.id)),
      codeOf(domain.proposals.support(x, proposal.id)),
      codeOf(domain.proposals.support(y, 999_999)),
      codeOf(domain.proposals.support(y, closed.id)),
      codeOf(domain.proposals.support(y, proposal.id)),
    ]);
    expect(codes).toEqual(["FORBIDDEN", "OK", "NOT_FOUND", "CONFLICT", "OK"]);
    expect(await stored(proposal.id)).toMatchObject({ rows: 2, supportCount: 2 });
    expect(await stored(closed.id)).toMatchObject({ rows: 0, supportCount: 0 });
  });

  it("crosses the threshold once in a burst past it, and pushes the new stage", async () => {
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { supportThreshold: 5 } });
    domain.events.publish("settings.changed", {});
    try {
      const { proposal } = await openProposal();
      const statuses: string[] = [];
      const off = domain.events.subscribe("proposal.statusChanged", (e) => e.proposalId === proposal.id && statuses.push(e.status));
      const acks = await Promise.all((await users(12)).map((c) => domain.proposals.support(c, proposal.id)));
      off();
      expect(statuses).toEqual(["THRESHOLD_REACHED"]);
      expect(acks.filter((a) => a.supportCount >= 5).every((a) => a.status === "THRESHOLD_REACHED")).toBe(true);
      expect(await db.prisma.proposalStatusEvent.count({ where: { proposalId: proposal.id, status: "THRESHOLD_REACHED" } })).toBe(1);
    } finally {
      await db.prisma.citySetting.update({ where: { id: 1 }, data: { supportThreshold: 1000 } });
      domain.events.publish("settings.changed", {});
    }
  });
});

describe("the maintained count", () => {
  it("always equals a recount of the rows, whatever mix of 공감, withdrawals and merges happened", async () => {
    const crowd = await users(8);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom("support", "withdraw"), fc.nat(7), fc.nat(2)), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        async (ops, merge) => {
          const proposals = [(await openProposal()).proposal, (await openProposal()).proposal, (await openProposal()).proposal];
          // Fresh limits per run: the property is about counts, not the toggle limit.
          const on = createDomain({ prisma: db.prisma });
          await Promise.all(
            ops.map(([op, who, which]) => {
              const call = op === "support" ? on.proposals.support : on.proposals.withdrawSupport;
              return call(crowd[who]!, proposals[which]!.id).catch(() => undefined);
            }),
          );
          if (merge) await on.merge.merge(moderator, { sourceId: proposals[0]!.id, targetId: proposals[1]!.id, reason: "중복 제안" });
          for (const p of proposals) {
            const s = await stored(p.id);
            expect(s.supportCount).toBe(s.rows);
          }
        },
      ),
      { numRuns: 15 },
    );
    expect(await reconcileSupportCounts(db.prisma)).toEqual([]);
  });

  it("the reconcile finds a count set around the domain, reports it and sets it right", async () => {
    const { proposal } = await openProposal();
    await Promise.all((await users(3)).map((c) => domain.proposals.support(c, proposal.id)));
    await db.prisma.$executeRaw`UPDATE "Proposal" SET "supportCount" = 40 WHERE id = ${proposal.id}`;
    expect(await reconcileSupportCounts(db.prisma)).toEqual([{ id: proposal.id, stored: 40, counted: 3 }]);
    expect(await stored(proposal.id)).toMatchObject({ supportCount: 3, rows: 3 });
    expect(await reconcileSupportCounts(db.prisma)).toEqual([]);
  });

  it("withdrawing takes one off in one statement, and a version newer than the 공감's", async () => {
    const on = createDomain({ prisma: withQueryCount(db.prisma) });
    const { proposal } = await openProposal(on);
    const citizen = await createUser(db.prisma);
    const given = await on.proposals.support(citizen, proposal.id);
    const { result: taken, operations } = await countQueries(() => on.proposals.withdrawSupport(citizen, proposal.id));
    expect(taken).toMatchObject({ supportCount: 0, changed: true, supported: false });
    expect(taken.version).toBeGreaterThan(given.version);
    expect(operations).toEqual(["$queryRaw"]);
    expect((await on.proposals.withdrawSupport(citizen, proposal.id)).changed).toBe(false);
  });

  it.skipIf(!testPostgresUrl)("writes a 공감 that waited for the proposal's row while another transaction changed its stage", async () => {
    const other = await openDatabase({ kind: "postgres", url: db.url! });
    try {
      const { proposal } = await openProposal();
      const citizen = await createUser(db.prisma);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // A threshold crossing on another node: the row is updated and not yet committed.
      const crossing = other.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Proposal" SET status = 'THRESHOLD_REACHED' WHERE id = ${proposal.id}`;
        locked();
        await held;
      });
      await isLocked;
      const given = domain.proposals.support(citizen, proposal.id);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the batch now waits for the row
      release();
      await crossing;
      expect(await given).toMatchObject({ changed: true, supportCount: 1, status: "THRESHOLD_REACHED" });
    } finally {
      await other.close();
    }
  });

  it.skipIf(!testPostgresUrl)("keeps times right when the database's time zone is Korea's", async () => {
    const [{ name }] = (await db.prisma.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`) as [{ name: string }];
    await db.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone TO 'Asia/Seoul'`);
    const seoul = await openDatabase({ kind: "postgres", url: db.url! });
    try {
      const on = createDomain({ prisma: seoul.prisma });
      const { proposal } = await openProposal(on);
      // Closing in an hour: open now, whatever the session's zone makes of a timestamp.
      await db.prisma.proposal.update({ where: { id: proposal.id }, data: { closesAt: new Date(Date.now() + 3_600_000) } });
      const citizen = await createUser(db.prisma);
      const before = Date.now();
      expect(await on.proposals.support(citizen, proposal.id)).toMatchObject({ changed: true });
      const row = await db.prisma.support.findUniqueOrThrow({
        where: { proposalId_userId: { proposalId: proposal.id, userId: citizen.id } },
      });
      expect(Math.abs(row.createdAt.getTime() - before)).toBeLessThan(60_000);
      expect((await on.proposals.withdrawSupport(citizen, proposal.id)).changed).toBe(true);
    } finally {
      await seoul.close();
      await db.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET timezone`);
    }
  });

  it.skipIf(!testPostgresUrl)("stays exact when two nodes on PostgreSQL write 공감 to the same proposals at once", async () => {
    const nodes: Database[] = [];
    try {
      for (let i = 0; i < 2; i++) nodes.push(await openDatabase({ kind: "postgres", url: db.url! }));
      const [a, b] = nodes.map((n) => createDomain({ prisma: n.prisma })) as [Domain, Domain];
      const proposals = [(await openProposal()).proposal, (await openProposal()).proposal];
      const crowd = await users(80);
      // Each node writes to both proposals in a different order, which would deadlock without ordered locks.
      const acks = await Promise.all(
        crowd.flatMap((c, i) => [
          (i % 2 ? a : b).proposals.support(c, proposals[0]!.id),
          (i % 2 ? b : a).proposals.support(c, proposals[1]!.id),
        ]),
      );
      expect(acks.every((x) => x.changed)).toBe(true);
      for (const p of proposals) expect(await stored(p.id)).toMatchObject({ rows: 80, supportCount: 80 });
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });
});

describe("the caches the hot path reads", () => {
  it("resolves a session once, and drops it when the person is suspended", async () => {
    const counted = withQueryCount(db.prisma);
    const on = createDomain({ prisma: counted });
    const citizen = await createUser(db.prisma);
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const { sessionId } = await on.sessions.create(citizen.id);
    await on.sessions.viewerForSession(sessionId);
    const again = await countQueries(() => on.sessions.viewerForSession(sessionId));
    expect(again.result?.id).toBe(citizen.id);
    expect(again.count).toBe(0);
    await on.admin.suspendUser(admin, { userId: citizen.id, reason: "반복된 욕설", days: 3 });
    const viewer = await on.sessions.viewerForSession(sessionId);
    expect(viewer?.suspended).toBe(true);
    const { proposal } = await openProposal(on);
    expect(await codeOf(on.proposals.support(viewer, proposal.id))).toBe("FORBIDDEN");
  });

  it("drops a session on logout at once", async () => {
    const citizen = await createUser(db.prisma);
    const { sessionId } = await domain.sessions.create(citizen.id);
    expect((await domain.sessions.viewerForSession(sessionId))?.id).toBe(citizen.id);
    await domain.sessions.revoke(citizen.id, [sessionId]);
    expect(await domain.sessions.viewerForSession(sessionId)).toBeNull();
  });

  it("reads the person's facts once: a verified citizen's second 공감 reads only the proposal and writes", async () => {
    const counted = withQueryCount(db.prisma);
    const on = createDomain({ prisma: counted });
    const { proposal: first } = await openProposal(on);
    const { proposal: second } = await openProposal(on);
    const citizen = await createUser(db.prisma);
    await on.proposals.support(citizen, first.id);
    const { operations } = await countQueries(() => on.proposals.support(citizen, second.id));
    expect(operations).toEqual(["$queryRaw", "$queryRaw"]);
  });
});
