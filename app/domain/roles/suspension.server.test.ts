// A suspended person changes no public content: their edits, 공감 withdrawals, reports and
// affiliation claims are refused and write nothing, while what they keep (following, their
// notifications, their data, their sessions) still works. The rule is participation.policy.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import type { DomainEvents } from "../events.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import type { Viewer } from "../viewer.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  ref = await createReferenceData(db.prisma, { threshold: 50 });
});
afterAll(async () => {
  await db?.drop();
});

async function suspension(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "FORBIDDEN", messageKey: "errors.suspended" });
}

/**
 * A citizen who commented on and supported someone's proposal, then was suspended by a
 * moderator: the viewer as their session now resolves it.
 */
async function suspendedCitizen() {
  const proposer = await createUser(db.prisma);
  const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  const person = await createUser(db.prisma);
  const proposal = await domain.proposals.create(proposer, proposalInput(ref.categories.transport.id));
  const own = await domain.comments.post(person, { proposalId: proposal.id, stance: "PRO", body: "정지 전에 쓴 의견입니다." });
  const others = await domain.comments.post(proposer, { proposalId: proposal.id, body: "제안자의 설명입니다." });
  await domain.proposals.support(person, proposal.id);
  await domain.admin.suspendUser(moderator, { userId: person.id, days: 7, reason: "반복된 비방" });
  const session = await domain.sessions.create(person.id);
  const viewer = (await domain.sessions.viewerForSession(session.sessionId))!;
  expect(viewer.suspended).toBe(true);
  return { viewer, moderator, proposal, own, others, sessionId: session.sessionId };
}

async function lift(moderator: Viewer, userId: number) {
  await domain.admin.unsuspendUser(moderator, { userId });
}

describe("a suspended person", () => {
  it("cannot edit their comment: the text and its history stay as they were", async () => {
    const { viewer, moderator, own } = await suspendedCitizen();
    await suspension(domain.comments.edit(viewer, { commentId: own.id, body: "정지 중에 고친 의견입니다." }));
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: own.id }, select: { body: true, editedAt: true } })).toEqual({
      body: "정지 전에 쓴 의견입니다.",
      editedAt: null,
    });
    expect(await db.prisma.commentRevision.count({ where: { commentId: own.id } })).toBe(0);
    // Once the suspension is lifted, the same edit goes through: it was the suspension that refused it.
    await lift(moderator, viewer.id);
    const active = (await domain.sessions.viewerForSession((await domain.sessions.create(viewer.id)).sessionId))!;
    expect((await domain.comments.edit(active, { commentId: own.id, body: "정지가 풀린 뒤 고친 의견입니다." })).bodyHtml).toContain(
      "풀린 뒤",
    );
  });

  it("cannot withdraw 공감: the row stays, the count does not move and nothing is pushed", async () => {
    const { viewer, proposal } = await suspendedCitizen();
    const pushed: DomainEvents["proposal.supportChanged"][] = [];
    const off = domain.events.subscribe("proposal.supportChanged", (e) => pushed.push(e));
    await suspension(domain.proposals.withdrawSupport(viewer, proposal.id));
    off();
    expect(await db.prisma.support.count({ where: { proposalId: proposal.id, userId: viewer.id } })).toBe(1);
    expect((await domain.proposals.get(null, proposal.id)).supportCount).toBe(1);
    expect(pushed).toEqual([]);
  });

  it("cannot report a comment: no report reaches the moderators' queue", async () => {
    const { viewer, moderator, others } = await suspendedCitizen();
    await suspension(domain.moderation.report(viewer, { commentId: others.id, reason: "정지 중의 신고" }));
    expect(await db.prisma.report.count({ where: { reporterId: viewer.id } })).toBe(0);
    expect((await domain.moderation.queue(moderator)).reports.map((r) => r.comment.id)).not.toContain(others.id);
  });

  it("cannot declare an affiliation", async () => {
    const { viewer } = await suspendedCitizen();
    const before = await db.prisma.affiliation.count({ where: { userId: viewer.id } });
    await suspension(
      domain.identity.declareAffiliation(viewer, { kind: "WORKER", districtId: String(ref.districts.naun.id), note: "나운동 회사 근무" }),
    );
    expect(await db.prisma.affiliation.count({ where: { userId: viewer.id } })).toBe(before);
  });

  it("cannot react, post, support or propose either", async () => {
    const { viewer, proposal, others } = await suspendedCitizen();
    const before = await Promise.all([db.prisma.comment.count(), db.prisma.commentReaction.count(), db.prisma.proposal.count()]);
    await suspension(domain.comments.react(viewer, others.id, true));
    await suspension(domain.comments.post(viewer, { proposalId: proposal.id, body: "정지 중의 새 의견" }));
    await suspension(domain.proposals.create(viewer, proposalInput(ref.categories.transport.id)));
    const second = await domain.proposals.create(await createUser(db.prisma), proposalInput(ref.categories.transport.id));
    await suspension(domain.proposals.support(viewer, second.id));
    expect(await Promise.all([db.prisma.comment.count(), db.prisma.commentReaction.count(), db.prisma.proposal.count()])).toEqual([
      before[0],
      before[1],
      before[2] + 1,
    ]);
  });

  it("still follows and unfollows, reads their notifications, downloads their data and manages their sessions", async () => {
    const { viewer, proposal, own, sessionId } = await suspendedCitizen();
    expect(await domain.notifications.unfollow(viewer, proposal.id)).toBe(false);
    expect(await domain.notifications.follow(viewer, proposal.id)).toBe(true);
    expect(await domain.notifications.markRead(viewer, {})).toBe(0);
    const data = await domain.accounts.exportMyData(viewer);
    expect(data.account.comments).toEqual([
      expect.objectContaining({ id: own.id, body: "정지 전에 쓴 의견입니다.", hidden: null, held: false }),
    ]);
    await domain.sessions.revokeOwn(viewer, sessionId.slice(0, 8));
    expect(await domain.sessions.viewerForSession(sessionId)).toBeNull();
  });

  it("does no staff work while suspended, whatever their roles", async () => {
    const { others } = await suspendedCitizen();
    const moderator = { ...(await createUser(db.prisma, { roles: ["MODERATOR"] })), suspended: true };
    await suspension(domain.moderation.moderate(moderator, "hide", { commentId: others.id, reason: "정지된 운영자" }));
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: others.id }, select: { hiddenAt: true } })).toEqual({ hiddenAt: null });
  });
});
