// One socket (or one address) cannot stall everyone: every client → server event passes a
// per-socket and a per-address limit, a flood is answered with RATE_LIMITED and then
// disconnected, other people's requests stay fast, and watching a room one already
// watches costs no database read and no presence broadcast.
import { randomBytes } from "node:crypto";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../app/domain/db.ts";
import { createRateLimiter, type LimitSpec } from "../app/platform/rate-limits.server.ts";
import type { RateLimitBucket } from "../app/domain/ports.ts";
import { createReferenceData, createUser, proposalInput, roundInput } from "../tests/factories.ts";
import { createTestDatabase, testRedisUrl, type TestDatabase } from "../tests/setup/test-database.ts";
import { collect, startTestServer, type TestClient } from "../tests/utils/server.ts";
import { sessionCookieFor } from "../tests/utils/session.ts";
import type { Ack } from "./contract.ts";
import { clientAddress } from "./limits.ts";

let db: TestDatabase;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let redis: ReturnType<typeof createClient> | undefined;
const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  ref = await createReferenceData(db.prisma);
  if (testRedisUrl) {
    redis = createClient({ url: testRedisUrl });
    await redis.connect();
  }
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  if (redis?.isOpen) await redis.quit();
  await db?.drop();
});

/** A made-up client address, so that runs sharing one Redis never share a bucket. */
const randomAddress = () => `10.${[...randomBytes(3)].join(".")}`;

/** Limits for one test: a fresh key prefix, in Redis when the run has one. */
function limitsFor(limits: Partial<Record<RateLimitBucket, LimitSpec>>) {
  return createRateLimiter({ redis, limits, prefix: `madang:test:${randomBytes(4).toString("hex")}` });
}

async function serve(options: Parameters<typeof startTestServer>[1] = {}, database: TestDatabase = db) {
  const server = await startTestServer(database, options);
  servers.push(server);
  return server;
}

type AnyAck = Ack<unknown>;
/** Emits without the typed contract (the tests send what a hostile client would). */
function emitRaw(socket: TestClient, event: string, ...args: unknown[]) {
  (socket.emit as (event: string, ...args: unknown[]) => void)(event, ...args);
}
function ackOf(socket: TestClient, event: string, ...args: unknown[]): Promise<AnyAck> {
  return new Promise((resolve) => emitRaw(socket, event, ...args, (ack: AnyAck) => resolve(ack)));
}
const codeOf = (ack: AnyAck) => (ack.ok ? "OK" : ack.error.code);

describe("client address behind proxies", () => {
  it("uses the socket's peer unless TRUST_PROXY says how many proxies to look through, as Express does", () => {
    expect(clientAddress("127.0.0.1", "1.2.3.4", 0)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "1.2.3.4", 1)).toBe("1.2.3.4");
    expect(clientAddress("127.0.0.1", "9.9.9.9, 1.2.3.4", 1)).toBe("1.2.3.4"); // the client cannot prepend its way out
    expect(clientAddress("127.0.0.1", "9.9.9.9, 1.2.3.4", 2)).toBe("9.9.9.9");
    expect(clientAddress("127.0.0.1", "1.2.3.4", 5)).toBe("1.2.3.4"); // fewer hops than proxies: the farthest one
    expect(clientAddress("::ffff:127.0.0.1", undefined, 1)).toBe("127.0.0.1");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("socket event limits", () => {
  it("answers a flood from one socket with a localized RATE_LIMITED, disconnects it, and other requests stay fast", async () => {
    // The production numbers, in Redis when the run has it; the flood comes from its own address.
    const app = await serve({ redisUrl: testRedisUrl, env: { TRUST_PROXY: "1" } });
    const author = await createUser(db.prisma);
    const proposal = await app.server.domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    const flooder = await app.client(undefined, { headers: { "x-forwarded-for": randomAddress() } });
    const disconnected = new Promise<string>((resolve) => flooder.once("disconnect", (reason) => resolve(reason)));

    const codes: string[] = [];
    let rateLimitedMessage = "";
    for (let i = 0; i < 2_000; i++) {
      emitRaw(flooder, "proposal:watch", { proposalId: 900_000 + i }, (ack: AnyAck) => {
        codes.push(codeOf(ack));
        if (!ack.ok && ack.error.code === "RATE_LIMITED") rateLimitedMessage = ack.error.message;
      });
    }
    // Someone else reads a proposal meanwhile (through the database).
    const started = performance.now();
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ proposal(id: "${proposal.id}") { title } }` }),
    });
    const elapsed = performance.now() - started;
    expect((await response.json()).data.proposal.title).toBe(proposal.title);
    expect(elapsed).toBeLessThan(5_000); // loose: it was 13 s before the limits

    expect(await disconnected).toBe("io server disconnect");
    expect(codes).toContain("RATE_LIMITED");
    expect(rateLimitedMessage).toBe("요청을 너무 빠르게 보내고 있습니다. 잠시 뒤에 다시 시도해 주세요.");
    // Only what the per-socket limit allows reached the domain; the rest was refused or dropped with the socket.
    const served = codes.filter((c) => c !== "RATE_LIMITED");
    expect(served.every((c) => c === "NOT_FOUND")).toBe(true);
    expect(served.length).toBeLessThanOrEqual(100);
    expect(codes.length).toBeLessThan(2_000);
  });

  it("lets a socket that slows down after being limited go on, without disconnecting it", async () => {
    const app = await serve({ limits: limitsFor({ socketEvent: { points: 5, durationSeconds: 1 } }) });
    const socket = await app.client();
    const first = await Promise.all(Array.from({ length: 6 }, () => ackOf(socket, "proposals:watch")));
    expect(first.map(codeOf)).toEqual(["OK", "OK", "OK", "OK", "OK", "RATE_LIMITED"]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(codeOf(await ackOf(socket, "proposals:watch"))).toBe("OK");
    expect(socket.connected).toBe(true);
  });

  it("limits all sockets of one client address together, reading the address through TRUST_PROXY", async () => {
    const ipPoints = 10;
    const limits = limitsFor({ socketEventIp: { points: ipPoints, durationSeconds: 60 } });
    const app = await serve({ limits, env: { TRUST_PROXY: "1" } });
    const [a, b] = [randomAddress(), randomAddress()];
    const fromA = [
      await app.client(undefined, { headers: { "x-forwarded-for": a } }),
      await app.client(undefined, { headers: { "x-forwarded-for": a } }),
    ];
    const fromB = await app.client(undefined, { headers: { "x-forwarded-for": b } });

    const acks: AnyAck[] = [];
    for (const socket of fromA) for (let i = 0; i < 6; i++) acks.push(await ackOf(socket, "proposals:watch"));
    // Each connection counts once too: two connections and eight events fill A's bucket.
    expect(acks.map(codeOf)).toEqual([...Array(ipPoints - 2).fill("OK"), ...Array(12 - (ipPoints - 2)).fill("RATE_LIMITED")]);
    expect(codeOf(await ackOf(fromB, "proposals:watch"))).toBe("OK");
    // A new connection from the exhausted address is refused, with a code.
    const refused = app.client(undefined, { headers: { "x-forwarded-for": a } });
    await expect(refused).rejects.toMatchObject({ message: "RATE_LIMITED" });
  });

  it("does not believe X-Forwarded-For without TRUST_PROXY", async () => {
    const app = await serve({ limits: limitsFor({ socketEventIp: { points: 4, durationSeconds: 60 } }) });
    const one = await app.client(undefined, { headers: { "x-forwarded-for": randomAddress() } });
    const two = await app.client(undefined, { headers: { "x-forwarded-for": randomAddress() } });
    const codes = [
      codeOf(await ackOf(one, "proposals:watch")),
      codeOf(await ackOf(two, "proposals:watch")),
      codeOf(await ackOf(two, "proposals:watch")),
    ];
    expect(codes).toEqual(["OK", "OK", "RATE_LIMITED"]);
  });

  it.skipIf(!testRedisUrl)("counts one address together on every node, through Redis", async () => {
    const second: ReturnType<typeof createClient> = createClient({ url: testRedisUrl });
    await second.connect();
    try {
      const prefix = `madang:test:${randomBytes(4).toString("hex")}`;
      const spec = { socketEventIp: { points: 5, durationSeconds: 60, shield: true } };
      const nodeA = await serve({ env: { TRUST_PROXY: "1" }, limits: createRateLimiter({ redis, prefix, limits: spec }) });
      const nodeB = await serve({ env: { TRUST_PROXY: "1" }, limits: createRateLimiter({ redis: second, prefix, limits: spec }) });
      const headers = { "x-forwarded-for": randomAddress() };
      const onA = await nodeA.client(undefined, { headers });
      const onB = await nodeB.client(undefined, { headers });
      const codes = [];
      for (const socket of [onA, onB, onA, onB]) codes.push(codeOf(await ackOf(socket, "proposals:watch")));
      // Two connections and three events fill the address's five points, whichever node counted them.
      expect(codes).toEqual(["OK", "OK", "OK", "RATE_LIMITED"]);
    } finally {
      await second.quit();
    }
  });

  it("answers an event outside the contract with a coded error, counted like any other", async () => {
    const app = await serve({ limits: limitsFor({ socketEvent: { points: 2, durationSeconds: 60 } }) });
    const socket = await app.client();
    expect(await ackOf(socket, "proposal:delete", { proposalId: 1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(codeOf(await ackOf(socket, "proposals:watch"))).toBe("OK");
    expect(codeOf(await ackOf(socket, "proposals:watch"))).toBe("RATE_LIMITED");
  });
});

describe("watching a room twice", () => {
  let queries: string[];
  let app: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    queries = [];
    // Counts every query the server makes, except the scheduler's lease check (held below).
    const counted = db.prisma.$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          if (model !== "JobLease") queries.push(`${model ?? "$raw"}.${operation}`);
          return query(args);
        },
      },
    });
    app = await startTestServer({ ...db, prisma: counted as unknown as PrismaClient });
    const later = new Date(Date.now() + 60 * 60_000);
    await db.prisma.jobLease.upsert({
      where: { name: "proposal-deadlines" },
      create: { name: "proposal-deadlines", lockedBy: "test", lockedUntil: later },
      update: { lockedBy: "test", lockedUntil: later },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Waits until the server has made no query for a while (a scheduler pass in flight ends). */
  async function quiet() {
    for (let seen = -1; seen !== queries.length;) {
      seen = queries.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    queries.length = 0;
  }

  it("costs no database read and announces no presence for a proposal already watched", async () => {
    const author = await createUser(db.prisma);
    const proposal = await app.server.domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    const viewer = await createUser(db.prisma);
    const watcher = await app.client(await sessionCookieFor(db.prisma, viewer.id));
    const other = await app.client();
    await quiet();
    expect(await ackOf(watcher, "proposal:watch", { proposalId: proposal.id })).toEqual({ ok: true, data: null });
    expect(queries.length).toBeGreaterThan(0); // control: the first watch reads the proposal
    expect(await ackOf(other, "proposal:watch", { proposalId: proposal.id })).toEqual({ ok: true, data: null });
    await quiet();

    const presence = collect(other, "proposal:presence");
    for (let i = 0; i < 10; i++) {
      expect(await ackOf(watcher, "proposal:watch", { proposalId: proposal.id })).toEqual({ ok: true, data: null });
      expect(await ackOf(watcher, "proposal:watch", { proposalId: String(proposal.id) })).toEqual({ ok: true, data: null });
    }
    expect(queries).toEqual([]);
    // A real change (a third person) is still announced, and is the only announcement.
    const third = await app.client();
    await ackOf(third, "proposal:watch", { proposalId: proposal.id });
    await expect.poll(() => presence.seen.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    presence.stop();
    expect(presence.seen).toEqual([{ proposalId: proposal.id, count: 3 }]);
  });

  it("costs no database read for a round already watched", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const draft = await app.server.domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)));
    const round = await app.server.domain.rounds.publish(moderator, draft.id);
    const watcher = await app.client(await sessionCookieFor(db.prisma, moderator.id));
    expect(await ackOf(watcher, "round:watch", { roundId: round.id })).toEqual({ ok: true, data: null });
    await quiet();
    for (let i = 0; i < 10; i++) expect(await ackOf(watcher, "round:watch", { roundId: round.id })).toEqual({ ok: true, data: null });
    expect(queries).toEqual([]);
  });
});
