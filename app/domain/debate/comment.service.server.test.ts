import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import type { DomainEvents } from "../events.ts";
import { createDomain, type Domain } from "../index.server.ts";
import { containsBannedWord } from "./comment.service.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  ref = await createReferenceData(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function setup() {
  const author = await createUser(db.prisma);
  const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
  return { author, proposal };
}

describe("debate", () => {
  it("threads two levels deep with stances, sanitized markdown and live events", async () => {
    const { proposal } = await setup();
    const [a, b] = [await createUser(db.prisma), await createUser(db.prisma)];
    const changes: DomainEvents["comment.changed"][] = [];
    const off = domain.events.subscribe("comment.changed", (e) => changes.push(e));
    const root = await domain.comments.post(a, { proposalId: proposal.id, stance: "PRO", body: "**꼭 필요합니다.** <script>alert(1)</script>" });
    expect(root.bodyHtml).toContain("<strong>꼭 필요합니다.</strong>");
    expect(root.bodyHtml).not.toContain("<script");
    const reply = await domain.comments.post(b, { proposalId: proposal.id, parentId: root.id, stance: "CON", body: "예산이 걱정됩니다." });
    const deeper = await domain.comments.post(a, { proposalId: proposal.id, parentId: reply.id, stance: "NEUTRAL", body: "예산은 국비로 충당 가능합니다." });
    expect(deeper.parentId).toBe(root.id); // a reply to a reply joins the thread
    const thread = await domain.comments.thread(null, proposal.id);
    expect(thread.comments.map((c) => c.id)).toEqual([root.id, reply.id, deeper.id]);
    expect((await domain.proposals.get(null, proposal.id)).stance).toEqual({ pro: 1, con: 1, neutral: 1 });
    off();
    expect(changes.map((c) => c.change)).toEqual(["created", "created", "created"]);
  });

  it("refuses the unverified, the suspended and bad input, writing nothing", async () => {
    const { proposal } = await setup();
    const before = await db.prisma.comment.count();
    expect((await failure(domain.comments.post(null, { proposalId: proposal.id, body: "안녕하세요" }))).code).toBe("UNAUTHENTICATED");
    expect((await failure(domain.comments.post(await createUser(db.prisma, { verified: false }), { proposalId: proposal.id, body: "안녕하세요" }))).messageKey).toBe("eligibility.notVerified");
    expect((await failure(domain.comments.post(await createUser(db.prisma, { suspended: true }), { proposalId: proposal.id, body: "안녕하세요" }))).messageKey).toBe("errors.suspended");
    const tooLong = await failure(domain.comments.post(await createUser(db.prisma), { proposalId: proposal.id, body: "가".repeat(3001), stance: "MAYBE" }));
    expect(tooLong.issues.map((i) => [i.path, i.key])).toEqual([
      ["stance", "validation.invalidChoice"],
      ["body", "validation.tooLong"],
    ]);
    expect(await db.prisma.comment.count()).toBe(before);
  });

  it("keeps an edit history, sorts by agreement, and pins key arguments first", async () => {
    const { proposal } = await setup();
    const [a, b, c] = [await createUser(db.prisma), await createUser(db.prisma), await createUser(db.prisma)];
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const first = await domain.comments.post(a, { proposalId: proposal.id, body: "첫 의견입니다." });
    const second = await domain.comments.post(b, { proposalId: proposal.id, body: "두 번째 의견입니다." });
    await domain.comments.react(c, second.id, true);
    await domain.comments.react(c, second.id, true); // once per person
    expect((await failure(domain.comments.react(b, second.id, true))).messageKey).toBe("debate.errors.ownComment");
    expect((await domain.comments.thread(null, proposal.id, "best")).comments.map((x) => x.id)).toEqual([second.id, first.id]);
    await domain.comments.moderate(moderator, "pin", { commentId: first.id });
    expect((await domain.comments.thread(null, proposal.id, "best")).comments[0]).toMatchObject({ id: first.id, pinned: true });

    expect((await failure(domain.comments.edit(b, { commentId: first.id, body: "남의 글 고치기" }))).code).toBe("FORBIDDEN");
    await domain.comments.edit(a, { commentId: first.id, body: "첫 의견을 고쳤습니다." });
    expect(await domain.comments.history(first.id)).toEqual([{ body: "첫 의견입니다.", createdAt: expect.any(Date) }]);
  });

  it("hides with a reason (a placeholder stays), tells the author, and closes the reports", async () => {
    const { proposal } = await setup();
    const [writer, reporter] = [await createUser(db.prisma), await createUser(db.prisma)];
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const bad = await domain.comments.post(writer, { proposalId: proposal.id, body: "광고: 최저가 대출 상담" });
    await domain.comments.report(reporter, { commentId: bad.id, reason: "광고성 글입니다" });
    expect((await failure(domain.comments.report(reporter, { commentId: bad.id, reason: "또 신고" }))).messageKey).toBe("debate.errors.alreadyReported");
    const queue = await domain.comments.queue(moderator);
    const report = queue.reports.find((r) => r.comment.id === bad.id)!;
    await domain.comments.assignReport(moderator, report.id);
    expect((await failure(domain.comments.moderate(reporter, "hide", { commentId: bad.id, reason: "광고" }))).code).toBe("FORBIDDEN");
    expect((await failure(domain.comments.moderate(moderator, "hide", { commentId: bad.id }))).issues[0]!.key).toBe("validation.required");
    await domain.comments.moderate(moderator, "hide", { commentId: bad.id, reason: "상업 광고는 토론에 올릴 수 없습니다." });

    const shown = (await domain.comments.thread(null, proposal.id)).comments.find((c) => c.id === bad.id)!;
    expect(shown).toMatchObject({ bodyHtml: "", hidden: { reason: "상업 광고는 토론에 올릴 수 없습니다." } });
    expect((await domain.comments.queue(moderator)).reports.map((r) => r.id)).not.toContain(report.id);
    expect((await domain.notifications.list(writer)).items[0]).toMatchObject({ messageKey: "debate.notice.hidden" });
    expect(await db.prisma.auditLog.count({ where: { action: "comment.hide", targetId: String(bad.id) } })).toBe(1);
  });

  it("holds posts with banned words for review and locks threads", async () => {
    const { proposal } = await setup();
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: ["바보", "도박 사이트"] } });
    const writer = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const held = await domain.comments.post(writer, { proposalId: proposal.id, body: "이런 바 보 같은 정책" });
    expect(held.held).toBe(true);
    expect((await domain.comments.thread(null, proposal.id)).comments.map((c) => c.id)).not.toContain(held.id);
    expect((await domain.comments.thread(writer, proposal.id)).comments.map((c) => c.id)).toContain(held.id);
    expect((await domain.comments.queue(moderator)).held.map((c) => c.id)).toContain(held.id);
    await domain.comments.moderate(moderator, "release", { commentId: held.id });
    expect((await domain.comments.thread(null, proposal.id)).comments.map((c) => c.id)).toContain(held.id);

    await domain.comments.lock(moderator, proposal.id, true, "과열된 토론");
    expect((await domain.comments.thread(null, proposal.id)).locked).toBe(true);
    expect((await failure(domain.comments.post(writer, { proposalId: proposal.id, body: "잠긴 뒤의 의견" }))).messageKey).toBe("debate.errors.locked");
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: [] } });
  });

  it("matches banned words across spacing and width", () => {
    expect(containsBannedWord("이런 바 보 같은", ["바보"])).toBe(true);
    expect(containsBannedWord("ＢＡＤ word", ["badword"])).toBe(true);
    expect(containsBannedWord("보바", ["바보"])).toBe(false);
  });
});
