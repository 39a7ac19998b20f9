// Presence ("N명 참여 중"): counted per node from the adapter's own rooms, summed over nodes,
// and told to each node's sockets by their node. A crowd joining one proposal costs one
// database read and a few broadcasts; with Redis, nodes converge on the total, a node that
// closes takes its share with it, and one that vanishes without a word stops counting.
import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../app/domain/db.ts";
import { createRateLimiter } from "../app/platform/rate-limits.server.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, testRedisUrl, type TestDatabase } from "../tests/setup/test-database.ts";
import { startTestServer, type TestClient } from "../tests/utils/server.ts";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./contract.ts";
import { createPresence, PRESENCE_INTERVAL_MS } from "./presence.ts";
import { rooms } from "./rooms.ts";

/** The last presence count each client heard, by client. */
function presenceOf(clients: TestClient[]) {
  const last = new Map<TestClient, number>();
  for (const client of clients) client.on("proposal:presence", ({ count }) => last.set(client, count));
  return {
    last,
    /** The counts clients heard last, as a tally: { count: how many clients }. */
    tally: () => {
      const tally: Record<number, number> = {};
      for (const client of clients) {
        const count = last.get(client) ?? -1;
        tally[count] = (tally[count] ?? 0) + 1;
      }
      return tally;
    },
  };
}

describe("one node", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof startTestServer>>;
  let ref: Awaited<ReturnType<typeof createReferenceData>>;
  let queries: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    ref = await createReferenceData(db.prisma);
    queries = [];
    // Every query the server makes, except the scheduler's lease check (held below).
    const counted = db.prisma.$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          if (model !== "JobLease") queries.push(`${model ?? "$raw"}.${operation}`);
          return query(args);
        },
      },
    });
    // A crowd from one address: the per-address limit raised, the rest as in production.
    const limits = createRateLimiter({
      limits: { socketEventIp: { points: 1_000_000, durationSeconds: 10 } },
      prefix: `madang:test:${randomBytes(4).toString("hex")}`,
    });
    app = await startTestServer({ ...db, prisma: counted as unknown as PrismaClient }, { limits });
    const later = new Date(Date.now() + 60 * 60_000);
    await db.prisma.jobLease.upsert({
      where: { name: "proposal-deadlines" },
      create: { name: "proposal-deadlines", lockedBy: "test", lockedUntil: later },
      update: { lockedBy: "test", lockedUntil: later },
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Waits until the server has made no query for a while (a scheduler pass in flight ends), then forgets them. */
  async function quiet() {
    for (let seen = -1; seen !== queries.length;) {
      seen = queries.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    queries.length = 0;
  }

  const newProposal = async () =>
    app.server.domain.proposals.create(await createUser(db.prisma), proposalInput(ref.categories.transport.id));

  it("lets 2,000 anonymous watchers join one proposal with no database read after the first, and tells each of them 2,000", async () => {
    const proposal = await newProposal();
    const crowd: TestClient[] = [];
    for (let i = 0; i < 2_000; i += 200) crowd.push(...(await Promise.all(Array.from({ length: 200 }, () => app.client()))));
    const presence = presenceOf(crowd);
    await quiet();

    const [first, ...rest] = crowd;
    expect(await first!.emitWithAck("proposal:watch", { proposalId: proposal.id })).toEqual({ ok: true, data: null });
    expect(queries.length).toBeGreaterThan(0); // control: the first watch reads the proposal
    expect(presence.last.get(first!)).toBe(1); // heard before its ack
    queries.length = 0;

    const acks = await Promise.all(rest.map((client) => client.emitWithAck("proposal:watch", { proposalId: proposal.id })));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(queries).toEqual([]);
    await expect.poll(() => presence.tally(), { timeout: 10_000 }).toEqual({ 2000: 2_000 });

    // Leaving is counted too: a tenth goes, by unwatching or by closing the page.
    const leaving = rest.slice(0, 200);
    await Promise.all(leaving.slice(0, 100).map((client) => client.emitWithAck("proposal:unwatch", { proposalId: proposal.id })));
    leaving.slice(100).forEach((client) => client.disconnect());
    const staying = crowd.filter((client) => !leaving.includes(client));
    await expect.poll(() => staying.every((client) => presence.last.get(client) === 1_800), { timeout: 10_000 }).toBe(true);
    expect(queries).toEqual([]);
    crowd.forEach((client) => client.disconnect());
  }, 60_000);

  it("keeps the count right through a connection restored by recovery, which gets its rooms back without a watch", async () => {
    const proposal = await newProposal();
    const a = await app.client();
    const b = await app.client(undefined, { reconnection: false });
    const presence = presenceOf([a, b]);
    await a.emitWithAck("proposal:watch", { proposalId: proposal.id });
    await b.emitWithAck("proposal:watch", { proposalId: proposal.id });
    await expect.poll(() => presence.tally()).toEqual({ 2: 2 });

    const serverSide = app.server.io.of("/").sockets.get(b.id!)!;
    const serverNoticed = new Promise<void>((resolve) => serverSide.once("disconnect", () => resolve()));
    b.io.engine.close();
    await serverNoticed;
    await expect.poll(() => presence.last.get(a)).toBe(1);

    // Past the presence interval, so the count is announced at once when b's rooms come back.
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_INTERVAL_MS + 50));
    presence.last.delete(b);
    b.connect();
    await new Promise<void>((resolve) => b.once("connect", () => resolve()));
    expect(b.recovered).toBe(true);
    await expect.poll(() => presence.tally()).toEqual({ 2: 2 });
    // And it leaves like anyone else.
    b.disconnect();
    await expect.poll(() => presence.last.get(a)).toBe(1);
  });
});

// Bare socket.io servers on one Redis stream of their own (so no other test's nodes take
// part), with short intervals, each with its own presence.
describe.skipIf(!testRedisUrl)("several nodes on Redis", () => {
  const streamName = `madang:test:presence:${randomBytes(4).toString("hex")}`;
  const room = rooms.proposal(1);
  type Node = {
    io: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
    http: HttpServer;
    url: string;
    close(): Promise<void>;
  };
  const nodes: Node[] = [];
  const clients: ClientSocket[] = [];

  async function startNode({ withPresence = true, heartbeatMs = 60_000 } = {}): Promise<Node> {
    const redis = createClient({ url: testRedisUrl });
    await redis.connect();
    const http = createServer();
    const io: Node["io"] = new Server(http, { adapter: createAdapter(redis, { streamName }) });
    const presence = withPresence ? createPresence(io, { clustered: true, intervalMs: 50, heartbeatMs }) : null;
    io.on("connection", (socket) => {
      (socket as unknown as { on(e: string, l: (ack: () => void) => void): void }).on("join", (ack) => {
        void socket.join(room);
        ack();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const node: Node = {
      io,
      http,
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
      async close() {
        presence?.close();
        await new Promise<void>((resolve) => void io.close(() => resolve()));
        if (redis.isOpen) await redis.quit();
      },
    };
    nodes.push(node);
    return node;
  }

  /** `n` clients on `node`, each in the room. */
  async function watchers(node: Node, n: number) {
    const joined: ClientSocket[] = [];
    for (let i = 0; i < n; i++) {
      const client = connect(node.url, { transports: ["websocket"], forceNew: true, reconnection: false });
      clients.push(client);
      await new Promise<void>((resolve) => client.once("connect", () => resolve()));
      await (client as unknown as { emitWithAck(e: string): Promise<void> }).emitWithAck("join");
      joined.push(client);
    }
    return joined;
  }

  function lastCounts(list: ClientSocket[]) {
    const last = new Map<ClientSocket, number>();
    for (const client of list) client.on("proposal:presence", ({ count }: { count: number }) => last.set(client, count));
    return () => list.map((client) => last.get(client) ?? null);
  }

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.disconnect());
    await Promise.all(nodes.splice(0).map((n) => n.close().catch(() => undefined)));
  });

  // Heartbeats are far off here: what a node learns, it learns from the others' changes, from asking, and from a goodbye.
  it("converges on the total on every node, tells a node that arrives late, and drops a closing node's share", async () => {
    const [a, b] = [await startNode(), await startNode()];
    const onA = await watchers(a, 3);
    const heardOnA = lastCounts(onA);
    const onB = await watchers(b, 2); // B's first socket asks A for its count
    const heardOnB = lastCounts(onB);
    await expect.poll(() => [...heardOnA(), ...heardOnB()]).toEqual([5, 5, 5, 5, 5]);

    const c = await startNode();
    const onC = await watchers(c, 1);
    const heardOnC = lastCounts(onC);
    await expect.poll(() => [...heardOnA(), ...heardOnB(), ...heardOnC()]).toEqual([6, 6, 6, 6, 6, 6]);

    await b.close();
    await expect.poll(() => [...heardOnA(), ...heardOnC()]).toEqual([4, 4, 4, 4]);
    onA[0]!.disconnect();
    await expect.poll(() => [...heardOnA().slice(1), ...heardOnC()]).toEqual([3, 3, 3]);
  });

  it("forgets the count of a node that vanished without a word after three heartbeats", async () => {
    const a = await startNode({ heartbeatMs: 300 });
    const onA = await watchers(a, 2);
    const heard = lastCounts(onA);
    const ghost = await startNode({ withPresence: false });
    ghost.io.serverSideEmit("presence:counts", "ghost", [[room, 7]]);
    await expect.poll(() => heard()).toEqual([9, 9]);
    await expect.poll(() => heard(), { timeout: 3_000 }).toEqual([2, 2]);
  });
});
