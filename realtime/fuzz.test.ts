// Property-based fuzz of every client → server socket event: random JSON arguments (one, none
// or several, with or without an ack) from a real socket.io client against a real server.
// The server never crashes, every ack is `ok: true` or a coded error (never INTERNAL), and
// nothing is written except by a command that was accepted.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ErrorCodes } from "../app/domain/errors.ts";
import { createRateLimiter } from "../app/platform/rate-limits.server.ts";
import { createReferenceData, createUser, proposalInput, roundInput } from "../tests/factories.ts";
import { createTestDatabase, testRedisUrl, type TestDatabase } from "../tests/setup/test-database.ts";
import { startTestServer, type TestClient } from "../tests/utils/server.ts";
import { sessionCookieFor } from "../tests/utils/session.ts";
import { CLIENT_EVENTS } from "./contract.ts";

let db: TestDatabase;
let redis: ReturnType<typeof createClient> | undefined;
let app: Awaited<ReturnType<typeof startTestServer>>;
let sockets: Record<"anonymous" | "citizen", TestClient>;
let ids: { proposal: number; round: number };

/** Commands that may write when accepted; every other event only joins or leaves rooms. */
const COMMANDS = new Set<string>(["proposal:support", "proposal:withdraw-support"]);

beforeAll(async () => {
  db = await createTestDatabase();
  const ref = await createReferenceData(db.prisma, { threshold: 1000 });
  if (testRedisUrl) {
    redis = createClient({ url: testRedisUrl });
    await redis.connect();
  }
  // The fuzz is about argument shapes, not rates: limits high enough never to answer.
  const unlimited = { points: 1_000_000, durationSeconds: 60 };
  const limits = createRateLimiter({
    redis,
    prefix: `madang:test:${randomBytes(4).toString("hex")}`,
    limits: { socketEvent: unlimited, socketEventIp: unlimited, support: unlimited, supportToggle: unlimited },
  });
  app = await startTestServer(db, { limits });
  const { domain } = app.server;
  const author = await createUser(db.prisma);
  const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
  const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  const round = await domain.rounds.publish(
    moderator,
    (await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)))).id,
  );
  ids = { proposal: proposal.id, round: round.id };
  const citizen = await createUser(db.prisma);
  sockets = { anonymous: await app.client(), citizen: await app.client(await sessionCookieFor(db.prisma, citizen.id)) };
});
afterAll(async () => {
  await app?.close();
  if (redis?.isOpen) await redis.quit();
  await db?.drop();
});

/** Row counts of the tables a socket command could touch, in one round trip. */
async function rowCounts(): Promise<string> {
  const tables = [
    "User",
    "Session",
    "AuditLog",
    "Proposal",
    "ProposalStatusEvent",
    "Follow",
    "Notification",
    "Support",
    "Comment",
    "Report",
    "Round",
    "RoundEntry",
  ];
  const rows = await db.prisma.$queryRawUnsafe<Record<string, bigint>[]>(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`,
  );
  return JSON.stringify(rows[0], (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
}

type Emit = (event: string, ...args: unknown[]) => void;
/** Emits with an ack as the last argument; resolves with what the server answered, or "no ack". */
function emitWithAck(socket: TestClient, event: string, args: readonly unknown[]): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("no ack within 5 s"), 5_000);
    (socket.emit as Emit)(event, ...args, (response: unknown) => {
      clearTimeout(timer);
      resolve(response);
    });
  });
}

const CODES = new Set(Object.keys(ErrorCodes).filter((code) => code !== "INTERNAL"));
function isWellFormedAck(response: unknown): boolean {
  if (!response || typeof response !== "object") return false;
  const r = response as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return "data" in r;
  return (
    r.ok === false &&
    typeof r.error?.code === "string" &&
    CODES.has(r.error.code) &&
    typeof r.error.message === "string" &&
    r.error.message.length > 0
  );
}

describe("socket fuzz", () => {
  it("has every contract event registered on the server", async () => {
    const server = [...app.server.io.of("/").sockets.values()][0]!;
    const registered = server
      .eventNames()
      .map(String)
      .filter((e) => !["error", "disconnect", "disconnecting"].includes(e));
    expect([...CLIENT_EVENTS].sort()).toEqual(registered.sort());
  });

  it("answers random arguments to every event with ok or a coded error, crashes never, writes nothing it refused", async () => {
    const failures = vi.spyOn(console, "error");
    const json = fc.jsonValue({ maxDepth: 3 });
    // Ids that exist (so some calls get through), near misses, and anything at all.
    const id = fc.oneof(
      fc.constantFrom(ids.proposal, ids.round),
      fc.constantFrom(String(ids.proposal), String(ids.round), `0x${ids.proposal.toString(16)}`, `${ids.proposal}.0`, ` ${ids.round}`),
      fc.integer(),
      fc.string(),
      json,
    );
    const payload = fc.oneof(
      json,
      fc.record({ proposalId: id }),
      fc.record({ roundId: id }),
      fc.record({ proposalId: id, roundId: id, extra: json }, { requiredKeys: [] }),
    );
    const acked = fc.record({
      withAck: fc.constant(true),
      args: fc.oneof(
        fc.constant([]),
        payload.map((p) => [p]),
        fc.array(payload, { minLength: 2, maxLength: 4 }),
      ),
    });
    // Without an ack nobody learns when a command ends: only arguments that cannot be valid.
    const unacked = fc.record({
      withAck: fc.constant(false),
      args: fc.oneof(
        fc.constant([]),
        json.map((p) => [p]),
        fc.array(json, { minLength: 2, maxLength: 4 }),
      ),
    });
    const call = fc.record({
      event: fc.constantFrom(...CLIENT_EVENTS),
      who: fc.constantFrom("anonymous" as const, "citizen" as const),
      how: fc.oneof(acked, unacked),
    });

    await fc.assert(
      fc.asyncProperty(call, async ({ event, who, how }) => {
        const socket = sockets[who];
        const before = await rowCounts();
        let response: unknown = null;
        if (how.withAck) {
          response = await emitWithAck(socket, event, how.args);
          expect(isWellFormedAck(response), `${event}(${JSON.stringify(how.args)}) answered ${JSON.stringify(response)}`).toBe(true);
        } else {
          (socket.emit as Emit)(event, ...how.args);
          // The server handles one socket's packets in order: an answer to the next one means it saw this one.
          expect(await emitWithAck(socket, "proposals:unwatch", [])).toEqual({ ok: true, data: null });
        }
        const accepted = (response as { ok?: boolean } | null)?.ok === true;
        if (!(COMMANDS.has(event) && accepted)) expect(await rowCounts(), `${event}(${JSON.stringify(how.args)}) wrote`).toBe(before);
      }),
      { numRuns: 150, endOnFailure: true },
    );

    expect(failures.mock.calls.filter((c) => String(c[0]).includes("socket"))).toEqual([]);
    failures.mockRestore();
    expect(sockets.anonymous.connected && sockets.citizen.connected).toBe(true);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
