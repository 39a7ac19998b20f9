// Sockets follow the session: revoking it (logout, password change, admin action) drops the
// live connection, a revoked session's socket can no longer act, and foreign origins are refused.
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { startTestServer } from "../tests/utils/server.ts";
import { sessionCookieFor } from "../tests/utils/session.ts";

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

async function sessionOf(userId: number) {
  const cookie = await sessionCookieFor(db.prisma, userId);
  const sessionId = await app.server.auth.sessionIdFromCookieHeader(cookie);
  return { cookie, viewer: (await app.server.domain.sessions.viewerForSession(sessionId))! };
}

describe("sockets and sessions", () => {
  it("logging out disconnects that session's sockets and only those", async () => {
    const user = await createUser(db.prisma);
    const first = await sessionOf(user.id);
    const second = await sessionOf(user.id);
    const a = await app.client(first.cookie);
    const b = await app.client(second.cookie);
    const dropped = new Promise<string>((resolve) => a.once("disconnect", (reason) => resolve(reason)));
    await app.server.domain.accounts.logOut(first.viewer);
    expect(await dropped).toBe("io server disconnect");
    expect(b.connected).toBe(true);
  });

  it("a socket whose session was revoked can no longer act, even before it is dropped", async () => {
    const user = await createUser(db.prisma);
    const author = await createUser(db.prisma);
    const proposal = await app.server.domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    const { cookie, viewer } = await sessionOf(user.id);
    const socket = await app.client(cookie);
    await db.prisma.session.deleteMany({ where: { id: viewer.sessionId } }); // revoked behind its back…
    // …and the cached viewer dropped, as every domain write that changes a viewer does (without the disconnect of session.revoked).
    app.server.domain.events.publish("viewer.changed", { userIds: [user.id] });
    const ack = await socket.emitWithAck("proposal:support", { proposalId: proposal.id });
    expect(ack).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("refuses connections from other sites", async () => {
    const socket = connect(app.url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: "https://evil.example" },
    });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    socket.close();
    expect(error.message).toMatch(/websocket error|origin/i);
    const own = connect(app.url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { origin: app.url } });
    await new Promise<void>((resolve, reject) => {
      own.once("connect", () => resolve());
      own.once("connect_error", reject);
    });
    own.close();
  });
});
