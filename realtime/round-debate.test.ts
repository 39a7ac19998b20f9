// A round's debate is live: two browsers watching a round see each other's presence, new and
// hidden comments and phase changes; a browser that drops for a moment gets the comment
// events it missed when it reconnects (socket.io connection-state recovery).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput, roundInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { collect, nextEvent, startTestServer, type TestClient } from "../tests/utils/server.ts";

let db: TestDatabase;
let app: Awaited<ReturnType<typeof startTestServer>>;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  ref = await createReferenceData(db.prisma);
  app = await startTestServer(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** A published round whose first phase (submit and comment) began a minute ago. */
async function openRound() {
  const { domain } = app.server;
  const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  const draft = await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)));
  return { moderator, round: await domain.rounds.publish(moderator, draft.id) };
}

/** Resolves once the server has seen this client's connection close. */
function serverSeesDisconnect(client: TestClient) {
  const socket = app.server.io.of("/").sockets.get(client.id!);
  if (!socket) throw new Error("no server socket for the client");
  return new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
}

describe("live round debate", () => {
  it("pushes presence, comments, hides and phase changes to everyone watching the round", async () => {
    const { domain } = app.server;
    const { moderator, round } = await openRound();
    const a = await app.client();
    const b = await app.client();
    await a.emitWithAck("round:watch", { roundId: round.id });
    const presence = [nextEvent(a, "round:presence"), nextEvent(b, "round:presence")];
    await b.emitWithAck("round:watch", { roundId: round.id });
    expect(await Promise.all(presence)).toEqual([
      { roundId: round.id, count: 2 },
      { roundId: round.id, count: 2 },
    ]);

    const writer = await createUser(db.prisma);
    const created = [nextEvent(a, "comment:changed"), nextEvent(b, "comment:changed")];
    const comment = await domain.comments.post(writer, { roundId: round.id, stance: "PRO", body: "읍면동별 배분에 찬성합니다." });
    const expected = { proposalId: null, roundId: round.id, commentId: comment.id };
    // The push carries the comment as a public reader sees it, the tally and a version.
    const pushed = await Promise.all(created);
    expect(pushed).toMatchObject([
      {
        ...expected,
        change: "created",
        comment: { id: comment.id, stance: "PRO" },
        balance: { pro: 1, con: 0, neutral: 0 },
        commentCount: 1,
      },
      { ...expected, change: "created" },
    ]);
    expect(pushed[0]!.comment!.bodyHtml).toContain("읍면동별 배분에 찬성합니다.");

    const hidden = [nextEvent(a, "comment:changed"), nextEvent(b, "comment:changed")];
    await domain.moderation.moderate(moderator, "hide", { commentId: comment.id, reason: "시험용 가리기" });
    const hides = await Promise.all(hidden);
    expect(hides).toMatchObject([
      { ...expected, change: "hidden", comment: { hidden: { reason: "시험용 가리기" }, bodyHtml: "" }, commentCount: 0 },
      { ...expected, change: "hidden" },
    ]);
    expect(hides[0]!.version).toBeGreaterThan(pushed[0]!.version);

    const [first, second] = round.phases;
    const moved = [nextEvent(a, "round:phase-changed"), nextEvent(b, "round:phase-changed")];
    await domain.rounds.override(moderator, { roundId: round.id, target: second!.id, reason: "접수를 일찍 마감합니다" });
    const phaseChange = { roundId: round.id, phaseId: second!.id, fromPhaseId: first!.id, finished: false, cause: "OVERRIDE" };
    expect(await Promise.all(moved)).toEqual([phaseChange, phaseChange]);

    // Comments in a proposal's debate do not reach the round's room (presence, sent after, does).
    const stray = collect(a, "comment:changed");
    const proposal = await domain.proposals.create(writer, proposalInput(ref.categories.transport.id));
    await domain.comments.post(writer, { proposalId: proposal.id, body: "제안 토론의 의견입니다." });
    const left = nextEvent(a, "round:presence");
    b.disconnect();
    expect(await left).toEqual({ roundId: round.id, count: 1 });
    expect(stray.seen).toEqual([]);
    stray.stop();
  });

  it("gives a client that dropped for a moment the comment events it missed", async () => {
    const { domain } = app.server;
    const { moderator, round } = await openRound();
    const watcher = await app.client();
    await watcher.emitWithAck("round:watch", { roundId: round.id });
    const seen = collect(watcher, "comment:changed");

    const writer = await createUser(db.prisma);
    const before = await domain.comments.post(writer, { roundId: round.id, body: "연결이 끊기기 전의 의견입니다." });
    await expect.poll(() => seen.seen.length).toBe(1);

    // The transport drops (as when a phone changes networks); the socket keeps its session.
    const dropped = serverSeesDisconnect(watcher);
    const disconnected = new Promise<void>((resolve) => watcher.once("disconnect", () => resolve()));
    watcher.io.engine.close();
    await disconnected;
    expect(await dropped).toBe("transport close");

    const missed = await domain.comments.post(writer, { roundId: round.id, stance: "CON", body: "끊긴 동안 올라온 의견입니다." });
    await domain.moderation.moderate(moderator, "hide", { commentId: before.id, reason: "끊긴 동안 가림" });
    expect(seen.seen).toHaveLength(1);

    const reconnected = new Promise<void>((resolve) => watcher.once("connect", () => resolve()));
    watcher.connect();
    await reconnected;
    expect(watcher.recovered).toBe(true);
    await expect.poll(() => seen.seen.length).toBe(3);
    expect(seen.seen).toMatchObject([
      { proposalId: null, roundId: round.id, commentId: before.id, change: "created" },
      { proposalId: null, roundId: round.id, commentId: missed.id, change: "created" },
      { proposalId: null, roundId: round.id, commentId: before.id, change: "hidden" },
    ]);

    // Still in the round's room afterwards: live events keep coming without a new watch.
    const after = nextEvent(watcher, "comment:changed");
    const later = await domain.comments.post(writer, { roundId: round.id, body: "다시 연결된 뒤의 의견입니다." });
    expect(await after).toMatchObject({ commentId: later.id, change: "created" });
    seen.stop();
  });
});
