import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import type { DomainEvents } from "../events.ts";
import { createDomain, type Domain } from "../index.server.ts";
import { containsBannedWord, mentionedNames } from "./comment.service.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

// System time, but strictly increasing, so "after the hide" is never the same millisecond.
let last = 0;
const clock = { now: () => new Date((last = Math.max(Date.now(), last + 1))) };

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
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

/** A published participatory-budget round whose first phase (제안 접수: submit and comment) began a minute ago. */
async function openRound() {
  const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  const draft = await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)));
  const round = await domain.rounds.publish(moderator, draft.id);
  const resultsPhase = round.phases.find((p) => p.allows.length === 1 && p.allows[0] === "RESULTS")!;
  return { moderator, round, draft, resultsPhase };
}

describe("a round's debate", () => {
  it("takes comments in a published round while its phase allows them, with replies kept in the round", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const draft = await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)));
    const [a, b] = [await createUser(db.prisma), await createUser(db.prisma)];
    expect((await failure(domain.comments.post(a, { roundId: draft.id, body: "공개 전에 쓰기" }))).messageKey).toBe("rounds.errors.notFound");
    await domain.rounds.publish(moderator, draft.id);

    const changes: DomainEvents["comment.changed"][] = [];
    const off = domain.events.subscribe("comment.changed", (e) => changes.push(e));
    const root = await domain.comments.post(a, { roundId: draft.id, stance: "PRO", body: "읍면동별 배분이 공정해 보입니다." });
    const reply = await domain.comments.post(b, { roundId: draft.id, parentId: root.id, stance: "CON", body: "인구 비례로 나누면 농촌이 불리합니다." });
    off();
    expect(reply.parentId).toBe(root.id);
    expect(changes).toEqual([
      { proposalId: null, roundId: draft.id, commentId: root.id, change: "created" },
      { proposalId: null, roundId: draft.id, commentId: reply.id, change: "created" },
    ]);
    const thread = await domain.comments.roundThread(null, draft.id);
    expect(thread).toMatchObject({ locked: false, balance: { pro: 1, con: 1, neutral: 0 } });
    expect(thread.comments.map((c) => c.id)).toEqual([root.id, reply.id]);

    // A reply cannot cross into another debate: neither a proposal's nor another round's.
    const { proposal } = await setup();
    const elsewhere = await domain.comments.post(a, { proposalId: proposal.id, body: "제안 토론의 의견입니다." });
    const other = await openRound();
    for (const [target, parentId] of [
      [{ roundId: draft.id }, elsewhere.id],
      [{ roundId: other.round.id }, root.id],
      [{ proposalId: proposal.id }, root.id],
    ] as const) {
      const refused = await failure(domain.comments.post(b, { ...target, parentId, body: "다른 토론에 답글" }));
      expect(refused.issues.map((i) => i.path)).toEqual(["parentId"]);
    }
    expect((await domain.comments.thread(null, proposal.id)).comments.map((c) => c.id)).toEqual([elsewhere.id]);
    // Exactly one target.
    expect((await failure(domain.comments.post(a, { roundId: draft.id, proposalId: proposal.id, body: "둘 다" }))).code).toBe("VALIDATION");
    expect((await failure(domain.comments.post(a, { body: "어디에도 없음" }))).code).toBe("VALIDATION");
  });

  it("closes when a moderator locks the round's debate or the phase stops allowing comments", async () => {
    const { moderator, round, resultsPhase } = await openRound();
    const citizen = await createUser(db.prisma);
    await domain.rounds.lockDebate(moderator, round.id, true, "과열");
    expect((await domain.comments.roundThread(null, round.id)).locked).toBe(true);
    expect((await failure(domain.comments.post(citizen, { roundId: round.id, body: "잠긴 뒤의 의견" }))).messageKey).toBe("debate.errors.locked");
    await domain.rounds.lockDebate(moderator, round.id, false);
    await domain.comments.post(citizen, { roundId: round.id, body: "다시 열린 뒤의 의견" });

    await domain.rounds.override(moderator, { roundId: round.id, target: resultsPhase.id, reason: "결과 발표로 넘어갑니다" });
    const closed = await failure(domain.comments.post(citizen, { roundId: round.id, body: "결과 발표 중의 의견" }));
    expect(closed).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.phaseDisallows" });
    expect((await domain.comments.roundThread(null, round.id)).comments).toHaveLength(1);
  });

  it("lets a proposal submitted straight into a round be debated only while the round's phase allows it", async () => {
    const { moderator, round, resultsPhase } = await openRound();
    const [proposer, citizen] = [await createUser(db.prisma), await createUser(db.prisma)];
    const entry = await domain.entries.submit(proposer, round.id, proposalInput(ref.categories.transport.id, { title: "옥구읍 마을회관에 태양광 패널을 설치해 주세요" }));
    const during = await domain.comments.post(citizen, { proposalId: entry.proposal.id, stance: "PRO", body: "전기료를 아낄 수 있습니다." });
    expect(during.stance).toBe("PRO");

    await domain.rounds.override(moderator, { roundId: round.id, target: resultsPhase.id, reason: "결과 발표" });
    expect((await failure(domain.comments.post(citizen, { proposalId: entry.proposal.id, body: "결과 발표 중의 의견" }))).messageKey).toBe("rounds.errors.phaseDisallows");
    // A board proposal outside any round is not affected.
    const { proposal } = await setup();
    await domain.comments.post(citizen, { proposalId: proposal.id, body: "게시판 제안에는 쓸 수 있습니다." });
  });
});

describe("appeals", () => {
  async function hiddenComment() {
    const { proposal } = await setup();
    const writer = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const comment = await domain.comments.post(writer, { proposalId: proposal.id, body: "이 정책은 완전히 엉터리입니다." });
    await domain.comments.moderate(moderator, "hide", { commentId: comment.id, reason: "비방성 표현" });
    return { proposal, writer, moderator, comment };
  }

  it("lets only the author appeal a hidden comment, once per hide; reversing shows it again and tells the author", async () => {
    const { proposal, writer, moderator, comment } = await hiddenComment();
    const stranger = await createUser(db.prisma);
    const reason = "비방이 아니라 정책에 대한 비판이었습니다. 다시 봐 주세요.";
    expect((await failure(domain.comments.appeal(stranger, { commentId: comment.id, reason }))).messageKey).toBe("debate.errors.notAuthor");
    expect((await failure(domain.comments.appeal(null, { commentId: comment.id, reason }))).code).toBe("UNAUTHENTICATED");
    expect((await failure(domain.comments.appeal(writer, { commentId: comment.id, reason: "짧음" }))).issues.map((i) => i.path)).toEqual(["reason"]);
    const visible = await domain.comments.post(writer, { proposalId: proposal.id, body: "가려지지 않은 의견입니다." });
    expect((await failure(domain.comments.appeal(writer, { commentId: visible.id, reason }))).messageKey).toBe("debate.errors.notHidden");

    const appealed = await domain.comments.appeal(writer, { commentId: comment.id, reason });
    expect(appealed.appeal).toEqual({ status: "OPEN", response: null });
    expect((await failure(domain.comments.appeal(writer, { commentId: comment.id, reason }))).messageKey).toBe("debate.errors.alreadyAppealed");
    // The author and moderators see the appeal; others do not.
    const seenBy = async (viewer: Parameters<typeof domain.comments.thread>[0]) =>
      (await domain.comments.thread(viewer, proposal.id)).comments.find((c) => c.id === comment.id)!.appeal;
    expect(await seenBy(null)).toBeNull();
    expect(await seenBy(stranger)).toBeNull();
    expect(await seenBy(moderator)).toEqual({ status: "OPEN", response: null });

    const open = (await domain.comments.queue(moderator)).appeals.find((a) => a.comment.id === comment.id)!;
    expect(open).toMatchObject({ reason, author: { id: writer.id }, comment: { hiddenReason: "비방성 표현" } });
    expect((await failure(domain.comments.resolveAppeal(writer, { appealId: open.id, outcome: "REVERSED", response: "스스로 번복" }))).code).toBe("FORBIDDEN");
    expect((await failure(domain.comments.resolveAppeal(moderator, { appealId: open.id, outcome: "MAYBE", response: "검토함" }))).issues.map((i) => i.path)).toEqual(["outcome"]);

    const reversed = await domain.comments.resolveAppeal(moderator, { appealId: open.id, outcome: "REVERSED", response: "정책 비판으로 보아 다시 보이게 했습니다." });
    expect(reversed).toMatchObject({ hidden: null, appeal: { status: "REVERSED", response: "정책 비판으로 보아 다시 보이게 했습니다." } });
    expect((await domain.comments.thread(null, proposal.id)).comments.find((c) => c.id === comment.id)!.bodyHtml).toContain("엉터리");
    expect((await domain.comments.queue(moderator)).appeals.map((a) => a.id)).not.toContain(open.id);
    expect((await domain.notifications.list(writer)).items[0]).toMatchObject({
      messageKey: "debate.notice.appealReversed",
      params: { response: "정책 비판으로 보아 다시 보이게 했습니다." },
      proposal: { id: proposal.id },
    });
    expect((await failure(domain.comments.resolveAppeal(moderator, { appealId: open.id, outcome: "UPHELD", response: "다시 결정" }))).messageKey).toBe("debate.errors.appealResolved");
    expect(await db.prisma.auditLog.count({ where: { action: { in: ["comment.appealed", "comment.appeal.reversed"] }, targetId: String(comment.id) } })).toBe(2);
  });

  it("keeps the comment hidden when the hide is upheld, and allows a new appeal only after a new hide", async () => {
    const { proposal, writer, moderator, comment } = await hiddenComment();
    await domain.comments.appeal(writer, { commentId: comment.id, reason: "표현이 거칠었지만 비방은 아니었습니다." });
    const open = (await domain.comments.queue(moderator)).appeals.find((a) => a.comment.id === comment.id)!;
    const upheld = await domain.comments.resolveAppeal(moderator, { appealId: open.id, outcome: "UPHELD", response: "특정인을 겨냥한 표현이 남아 있습니다." });
    expect(upheld).toMatchObject({ bodyHtml: "", hidden: { reason: "비방성 표현" }, appeal: { status: "UPHELD", response: "특정인을 겨냥한 표현이 남아 있습니다." } });
    expect((await domain.notifications.list(writer)).items[0]).toMatchObject({ messageKey: "debate.notice.appealUpheld", params: { response: "특정인을 겨냥한 표현이 남아 있습니다." } });
    expect((await failure(domain.comments.appeal(writer, { commentId: comment.id, reason: "한 번 더 봐 주세요. 부탁드립니다." }))).messageKey).toBe("debate.errors.alreadyAppealed");

    await domain.comments.moderate(moderator, "unhide", { commentId: comment.id });
    await domain.comments.moderate(moderator, "hide", { commentId: comment.id, reason: "다시 가림" });
    const again = await domain.comments.appeal(writer, { commentId: comment.id, reason: "새로 가린 이유에 대해 이의를 신청합니다." });
    expect(again.appeal).toEqual({ status: "OPEN", response: null });
    expect((await domain.comments.thread(null, proposal.id)).comments.find((c) => c.id === comment.id)!.bodyHtml).toBe("");
  });

  it("works the same in a round's debate, and the notice points at the round", async () => {
    const { moderator, round } = await openRound();
    const writer = await createUser(db.prisma);
    const comment = await domain.comments.post(writer, { roundId: round.id, body: "운영 방식이 엉망입니다." });
    await domain.comments.moderate(moderator, "hide", { commentId: comment.id, reason: "근거 없는 비난" });
    await domain.comments.appeal(writer, { commentId: comment.id, reason: "운영 방식에 대한 정당한 비판입니다." });
    const open = (await domain.comments.queue(moderator)).appeals.find((a) => a.comment.id === comment.id)!;
    expect(open.comment).toMatchObject({ roundId: round.id, proposalId: null });
    await domain.comments.resolveAppeal(moderator, { appealId: open.id, outcome: "REVERSED", response: "비판은 허용됩니다." });
    expect((await domain.comments.roundThread(null, round.id)).comments[0]).toMatchObject({ id: comment.id, hidden: null });
    expect((await domain.notifications.list(writer)).items[0]).toMatchObject({ messageKey: "debate.notice.appealReversed", params: { roundId: round.id }, proposal: null });
  });
});

describe("mentions", () => {
  it("reads @names, with or without an honorific, and not e-mail addresses", () => {
    expect(mentionedNames("@박준호님 말씀에 동의합니다. @김민지 씨도요. 문의: help@gunsan.go.kr")).toEqual(["박준호님", "박준호", "김민지"]);
  });


  it("tells the people named with @ who take part in the debate, and nobody else", async () => {
    const { author, proposal } = await setup();
    const [participant, outsider, writer] = [await createUser(db.prisma), await createUser(db.prisma), await createUser(db.prisma)];
    await domain.comments.post(participant, { proposalId: proposal.id, body: "조명은 꼭 필요합니다." });
    const mentioning = await domain.comments.post(writer, {
      proposalId: proposal.id,
      body: `@${participant.displayName} 님 말씀에 동의합니다. @${author.displayName} 제안자께도 묻습니다. @${outsider.displayName} @없는사람 @${writer.displayName}`,
    });
    expect(mentioning.bodyHtml).toContain(`<span class="mention">@${participant.displayName}</span>`);

    const mentionsOf = async (user: typeof writer) => (await domain.notifications.list(user)).items.filter((n) => n.messageKey === "debate.notice.mentioned");
    for (const named of [participant, author]) {
      expect(await mentionsOf(named)).toEqual([
        expect.objectContaining({ proposal: expect.objectContaining({ id: proposal.id }), params: { author: writer.displayName, commentId: mentioning.id } }),
      ]);
    }
    expect(await mentionsOf(outsider)).toEqual([]);
    expect(await mentionsOf(writer)).toEqual([]);
  });

  it("in a round, notifies the round's participants with a link to the round", async () => {
    const { round } = await openRound();
    const [participant, outsider, writer] = [await createUser(db.prisma), await createUser(db.prisma), await createUser(db.prisma)];
    // Taking part in another debate does not count.
    const { proposal } = await setup();
    await domain.comments.post(outsider, { proposalId: proposal.id, body: "다른 토론의 의견입니다." });
    await domain.comments.post(participant, { roundId: round.id, body: "예산 배분 기준을 공개해 주세요." });
    const mentioning = await domain.comments.post(writer, { roundId: round.id, body: `@${participant.displayName} @${outsider.displayName} 기준 공개에 찬성합니다.` });
    const mentionsOf = async (user: typeof writer) => (await domain.notifications.list(user)).items.filter((n) => n.messageKey === "debate.notice.mentioned");
    expect(await mentionsOf(participant)).toEqual([
      expect.objectContaining({ proposal: null, params: { author: writer.displayName, roundId: round.id, commentId: mentioning.id } }),
    ]);
    expect(await mentionsOf(outsider)).toEqual([]);
  });

  it("does not notify from a comment held for review", async () => {
    const { proposal } = await setup();
    const [participant, writer] = [await createUser(db.prisma), await createUser(db.prisma)];
    await domain.comments.post(participant, { proposalId: proposal.id, body: "좋은 제안입니다." });
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: ["멍청이"] } });
    try {
      const held = await domain.comments.post(writer, { proposalId: proposal.id, body: `@${participant.displayName} 멍청이 같은 소리` });
      expect(held.held).toBe(true);
    } finally {
      await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: [] } });
    }
    expect((await domain.notifications.list(participant)).items.filter((n) => n.messageKey === "debate.notice.mentioned")).toEqual([]);
  });
});
