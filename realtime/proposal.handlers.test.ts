import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../app/domain/db.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { collect, nextEvent, startTestServer } from "../tests/utils/server.ts";
import { sessionCookieFor } from "../tests/utils/session.ts";

let db: TestDatabase;
let app: Awaited<ReturnType<typeof startTestServer>>;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  ref = await createReferenceData(db.prisma, { threshold: 50 });
  app = await startTestServer(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function newProposal(prisma: PrismaClient) {
  const author = await createUser(prisma);
  return app.server.domain.proposals.create(author, proposalInput(ref.categories.transport.id));
}

describe("live 공감 over socket.io", () => {
  it("pushes a support given by one client to another client watching the proposal", async () => {
    const proposal = await newProposal(db.prisma);
    const supporter = await createUser(db.prisma);
    const a = await app.client(await sessionCookieFor(db.prisma, supporter.id));
    const b = await app.client(); // anonymous reader

    expect(await b.emitWithAck("proposal:watch", { proposalId: proposal.id })).toEqual({ ok: true, data: null });
    const pushed = nextEvent(b, "proposal:support-changed");
    const ack = await a.emitWithAck("proposal:support", { proposalId: proposal.id });
    expect(ack).toMatchObject({ ok: true, data: { supportCount: 1, supported: true, changed: true } });
    expect(await pushed).toMatchObject({ proposalId: proposal.id, supportCount: 1, status: "OPEN" });
  });

  it("reaches list watchers when the support comes from another edge (GraphQL or web)", async () => {
    const proposal = await newProposal(db.prisma);
    const supporter = await createUser(db.prisma);
    const watcher = await app.client();
    await watcher.emitWithAck("proposals:watch");
    const pushed = nextEvent(watcher, "proposal:support-changed");
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await sessionCookieFor(db.prisma, supporter.id) },
      body: JSON.stringify({ query: `mutation { supportProposal(id: "${proposal.id}") { supportCount } }` }),
    });
    expect((await response.json()).data.supportProposal.supportCount).toBe(1);
    expect(await pushed).toMatchObject({ proposalId: proposal.id, supportCount: 1 });
  });

  it("keeps rooms apart: a watcher of another proposal hears nothing", async () => {
    const watched = await newProposal(db.prisma);
    const other = await newProposal(db.prisma);
    const supporter = await createUser(db.prisma);
    const a = await app.client(await sessionCookieFor(db.prisma, supporter.id));
    const b = await app.client();
    await b.emitWithAck("proposal:watch", { proposalId: watched.id });
    const heard = collect(b, "proposal:support-changed");
    await a.emitWithAck("proposal:support", { proposalId: other.id });
    // A later event in b's own room proves delivery order: if the first had been sent, it would be here.
    const sync = nextEvent(b, "proposal:support-changed");
    await a.emitWithAck("proposal:support", { proposalId: watched.id });
    await sync;
    heard.stop();
    expect(heard.seen.map((e) => e.proposalId)).toEqual([watched.id]);
  });

  it("recovers events missed during a short disconnection", async () => {
    const proposal = await newProposal(db.prisma);
    const supporter = await createUser(db.prisma);
    const a = await app.client(await sessionCookieFor(db.prisma, supporter.id));
    const b = await app.client();
    await b.emitWithAck("proposal:watch", { proposalId: proposal.id });
    // Recovery needs at least one packet with an offset before the drop.
    const warmUp = await newProposal(db.prisma);
    await b.emitWithAck("proposal:watch", { proposalId: warmUp.id });
    const first = nextEvent(b, "proposal:support-changed");
    await a.emitWithAck("proposal:support", { proposalId: warmUp.id });
    await first;

    // The network drops; wait until the server has noticed, so the order is fixed.
    const serverSide = app.server.io.of("/").sockets.get(b.id!)!;
    const serverNoticed = new Promise<void>((resolve) => serverSide.once("disconnect", () => resolve()));
    b.io.engine.close();
    await serverNoticed;
    await a.emitWithAck("proposal:support", { proposalId: proposal.id }); // happens while b is away

    const missed = nextEvent(b, "proposal:support-changed");
    b.connect(); // comes back with its session id and last offset
    expect(await missed).toMatchObject({ proposalId: proposal.id, supportCount: 1 });
    expect(b.recovered).toBe(true);
  });

  it("answers bad or unauthorised commands with a localized error and changes nothing", async () => {
    const proposal = await newProposal(db.prisma);
    const anonymous = await app.client();
    const denied = await anonymous.emitWithAck("proposal:support", { proposalId: proposal.id });
    expect(denied).toEqual({ ok: false, error: { code: "UNAUTHENTICATED", message: "로그인이 필요합니다." } });

    const citizen = await createUser(db.prisma);
    const client = await app.client((await sessionCookieFor(db.prisma, citizen.id)) + "; lng=en");
    const bad = await client.emitWithAck("proposal:support", "nonsense" as never);
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Please check what you entered." } });
    const unknown = await client.emitWithAck("proposal:watch", { proposalId: 987654 });
    expect(unknown).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db.prisma.support.count({ where: { proposalId: proposal.id } })).toBe(0);
  });
});

describe("socket arguments of any shape", () => {
  type AnyAck = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
  /** Emits what a hostile or sloppy client might, bypassing the typed contract. */
  function ackOf(socket: Awaited<ReturnType<typeof app.client>>, event: string, ...args: unknown[]): Promise<AnyAck> {
    return new Promise((resolve) =>
      (socket.emit as (event: string, ...args: unknown[]) => void)(event, ...args, (ack: AnyAck) => resolve(ack)),
    );
  }

  it("acks proposals:watch and proposals:unwatch sent with a payload (the ack is the last argument)", async () => {
    const client = await app.client();
    expect(await ackOf(client, "proposals:watch", { proposalId: 1 })).toEqual({ ok: true, data: null });
    expect(await ackOf(client, "proposals:watch", "x", 2, null)).toEqual({ ok: true, data: null });
    expect(await ackOf(client, "proposals:unwatch", [])).toEqual({ ok: true, data: null });
  });

  it("takes the payload from the first argument and ignores extra ones", async () => {
    const proposal = await newProposal(db.prisma);
    const client = await app.client();
    expect(await ackOf(client, "proposal:watch", { proposalId: proposal.id }, "extra", { more: true })).toEqual({ ok: true, data: null });
  });

  it("refuses ids that are not decimal strings or integers with VALIDATION, and writes nothing", async () => {
    const proposal = await newProposal(db.prisma);
    const citizen = await createUser(db.prisma);
    const cookie = await sessionCookieFor(db.prisma, citizen.id);
    const bad = [
      true,
      "0x10",
      `${proposal.id}.0`,
      ` ${proposal.id}`,
      "1e3",
      proposal.id + 0.5,
      -proposal.id,
      0,
      [proposal.id],
      { id: proposal.id },
      null,
      "",
      2 ** 53,
    ];
    for (const event of [
      "proposal:watch",
      "proposal:support",
      "proposal:withdraw-support",
      "proposal:unwatch",
      "round:watch",
      "round:unwatch",
    ]) {
      const key = event.startsWith("round") ? "roundId" : "proposalId";
      const client = await app.client(cookie); // one per event: fifteen events stay under the per-socket limit
      for (const id of bad) {
        const ack = await ackOf(client, event, { [key]: id });
        expect(ack, `${event} ${JSON.stringify(id)}`).toMatchObject({
          ok: false,
          error: { code: "VALIDATION", message: "입력 내용을 확인해 주세요." },
        });
      }
      expect(await ackOf(client, event), `${event} without a payload`).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
      expect(await ackOf(client, event, "nonsense"), `${event} with a string`).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    }
    expect(await db.prisma.support.count({ where: { proposalId: proposal.id } })).toBe(0);
    // A decimal string is an id.
    expect(await ackOf(await app.client(cookie), "proposal:support", { proposalId: String(proposal.id) })).toMatchObject({
      ok: true,
      data: { supportCount: 1 },
    });
  });
});
