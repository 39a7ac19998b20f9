// The debate is live: new, edited and hidden comments reach every client watching the
// proposal, and everyone sees how many people are there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { nextEvent, startTestServer } from "../tests/utils/server.ts";

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

describe("live debate", () => {
  it("pushes new, edited and hidden comments and presence to everyone in the room", async () => {
    const author = await createUser(db.prisma);
    const proposal = await app.server.domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    const a = await app.client();
    const b = await app.client();
    await a.emitWithAck("proposal:watch", { proposalId: proposal.id });
    const presence = nextEvent(a, "proposal:presence");
    await b.emitWithAck("proposal:watch", { proposalId: proposal.id });
    expect(await presence).toEqual({ proposalId: proposal.id, count: 2 });

    const writer = await createUser(db.prisma);
    const created = [nextEvent(a, "comment:changed"), nextEvent(b, "comment:changed")];
    const comment = await app.server.domain.comments.post(writer, {
      proposalId: proposal.id,
      stance: "CON",
      body: "반대합니다. 예산 낭비입니다.",
    });
    const pushed = await Promise.all(created);
    const expected = { proposalId: proposal.id, roundId: null, commentId: comment.id, change: "created" };
    expect(pushed).toMatchObject([
      { ...expected, comment: { id: comment.id, stance: "CON", author: { id: writer.id } }, balance: { pro: 0, con: 1, neutral: 0 } },
      { ...expected, commentCount: 1, locked: false },
    ]);
    expect(pushed[0]!.comment!.bodyHtml).toContain("예산 낭비입니다.");

    // Both hear it before the next change, so neither's next event can be this one arriving late.
    const edited = [nextEvent(a, "comment:changed"), nextEvent(b, "comment:changed")];
    await app.server.domain.comments.edit(writer, { commentId: comment.id, body: "반대합니다. 우선순위가 낮습니다." });
    const edits = await Promise.all(edited);
    expect(edits).toMatchObject([{ change: "edited" }, { change: "edited" }]);
    expect(edits[0]!.comment!.bodyHtml).toContain("우선순위가 낮습니다.");
    expect(edits[0]!.version).toBeGreaterThan(pushed[0]!.version);

    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const hidden = nextEvent(a, "comment:changed");
    await app.server.domain.moderation.moderate(moderator, "hide", { commentId: comment.id, reason: "시험용 가리기" });
    // The hidden comment's text reaches no reader of the debate; its placeholder and the tally do.
    expect(await hidden).toMatchObject({
      change: "hidden",
      comment: { bodyHtml: "", hidden: { reason: "시험용 가리기" } },
      commentCount: 0,
    });

    const left = nextEvent(a, "proposal:presence");
    b.disconnect();
    expect(await left).toEqual({ proposalId: proposal.id, count: 1 });
  });
});
