// Moderation of every debate through one service (ADR 0010): hides and their placeholders,
// reports and the queue, held comments, locks — a proposal's thread and a round's alike — and
// appeals with their decisions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import type { DomainEvents } from "../events.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";

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
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function setup() {
  const author = await createUser(db.prisma);
  const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
  return { author, proposal };
}

/** A published participatory-budget round whose first phase (제안 접수: submit and comment) began a minute ago. */
async function openRound() {
  const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  const draft = await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)));
  const round = await domain.rounds.publish(moderator, draft.id);
  const resultsPhase = round.phases.find((p) => p.allows.length === 1 && p.allows[0] === "RESULTS")!;
  return { moderator, round, draft, resultsPhase };
}

describe("moderation", () => {
  it("hides with a reason (a placeholder stays), tells the author, and closes the reports", async () => {
    const { proposal } = await setup();
    const [writer, reporter] = [await createUser(db.prisma), await createUser(db.prisma)];
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const bad = await domain.comments.post(writer, { proposalId: proposal.id, body: "광고: 최저가 대출 상담" });
    await domain.moderation.report(reporter, { commentId: bad.id, reason: "광고성 글입니다" });
    expect((await failure(domain.moderation.report(reporter, { commentId: bad.id, reason: "또 신고" }))).messageKey).toBe(
      "debate.errors.alreadyReported",
    );
    const queue = await domain.moderation.queue(moderator);
    const report = queue.reports.find((r) => r.comment.id === bad.id)!;
    await domain.moderation.assignReport(moderator, report.id);
    expect((await failure(domain.moderation.moderate(reporter, "hide", { commentId: bad.id, reason: "광고" }))).code).toBe("FORBIDDEN");
    expect((await failure(domain.moderation.moderate(moderator, "hide", { commentId: bad.id }))).issues[0]!.key).toBe(
      "validation.required",
    );
    await domain.moderation.moderate(moderator, "hide", { commentId: bad.id, reason: "상업 광고는 토론에 올릴 수 없습니다." });

    const shown = (await domain.comments.thread(null, proposal.id)).comments.find((c) => c.id === bad.id)!;
    expect(shown).toMatchObject({ bodyHtml: "", hidden: { reason: "상업 광고는 토론에 올릴 수 없습니다." } });
    expect((await domain.moderation.queue(moderator)).reports.map((r) => r.id)).not.toContain(report.id);
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
    expect((await domain.moderation.queue(moderator)).held.map((c) => c.id)).toContain(held.id);
    await domain.moderation.moderate(moderator, "release", { commentId: held.id });
    expect((await domain.comments.thread(null, proposal.id)).comments.map((c) => c.id)).toContain(held.id);

    await domain.moderation.lock(moderator, { proposalId: proposal.id }, true, "과열된 토론");
    expect((await domain.comments.thread(null, proposal.id)).locked).toBe(true);
    expect((await failure(domain.comments.post(writer, { proposalId: proposal.id, body: "잠긴 뒤의 의견" }))).messageKey).toBe(
      "debate.errors.locked",
    );
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: [] } });
  });
});

describe("locking a round's debate", () => {
  it("closes when a moderator locks the round's debate or the phase stops allowing comments", async () => {
    const { moderator, round, resultsPhase } = await openRound();
    const citizen = await createUser(db.prisma);
    await domain.moderation.lock(moderator, { roundId: round.id }, true, "과열");
    expect((await domain.comments.roundThread(null, round.id)).locked).toBe(true);
    expect((await failure(domain.comments.post(citizen, { roundId: round.id, body: "잠긴 뒤의 의견" }))).messageKey).toBe(
      "debate.errors.locked",
    );
    await domain.moderation.lock(moderator, { roundId: round.id }, false);
    await domain.comments.post(citizen, { roundId: round.id, body: "다시 열린 뒤의 의견" });

    await domain.rounds.override(moderator, { roundId: round.id, target: resultsPhase.id, reason: "결과 발표로 넘어갑니다" });
    const closed = await failure(domain.comments.post(citizen, { roundId: round.id, body: "결과 발표 중의 의견" }));
    expect(closed).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.phaseDisallows" });
    expect((await domain.comments.roundThread(null, round.id)).comments).toHaveLength(1);
  });
});

describe("appeals", () => {
  async function hiddenComment() {
    const { proposal } = await setup();
    const writer = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const comment = await domain.comments.post(writer, { proposalId: proposal.id, body: "이 정책은 완전히 엉터리입니다." });
    await domain.moderation.moderate(moderator, "hide", { commentId: comment.id, reason: "비방성 표현" });
    return { proposal, writer, moderator, comment };
  }

  it("lets only the author appeal a hidden comment, once per hide; reversing shows it again and tells the author", async () => {
    const { proposal, writer, moderator, comment } = await hiddenComment();
    const stranger = await createUser(db.prisma);
    const reason = "비방이 아니라 정책에 대한 비판이었습니다. 다시 봐 주세요.";
    expect((await failure(domain.moderation.appeal(stranger, { commentId: comment.id, reason }))).messageKey).toBe(
      "debate.errors.notAuthor",
    );
    expect((await failure(domain.moderation.appeal(null, { commentId: comment.id, reason }))).code).toBe("UNAUTHENTICATED");
    expect((await failure(domain.moderation.appeal(writer, { commentId: comment.id, reason: "짧음" }))).issues.map((i) => i.path)).toEqual([
      "reason",
    ]);
    const visible = await domain.comments.post(writer, { proposalId: proposal.id, body: "가려지지 않은 의견입니다." });
    expect((await failure(domain.moderation.appeal(writer, { commentId: visible.id, reason }))).messageKey).toBe("debate.errors.notHidden");

    const appealed = await domain.moderation.appeal(writer, { commentId: comment.id, reason });
    expect(appealed.appeal).toEqual({ status: "OPEN", response: null });
    expect((await failure(domain.moderation.appeal(writer, { commentId: comment.id, reason }))).messageKey).toBe(
      "debate.errors.alreadyAppealed",
    );
    // The author and moderators see the appeal; others do not.
    const seenBy = async (viewer: Parameters<typeof domain.comments.thread>[0]) =>
      (await domain.comments.thread(viewer, proposal.id)).comments.find((c) => c.id === comment.id)!.appeal;
    expect(await seenBy(null)).toBeNull();
    expect(await seenBy(stranger)).toBeNull();
    expect(await seenBy(moderator)).toEqual({ status: "OPEN", response: null });

    const open = (await domain.moderation.queue(moderator)).appeals.find((a) => a.comment.id === comment.id)!;
    expect(open).toMatchObject({ reason, author: { id: writer.id }, comment: { hiddenReason: "비방성 표현" } });
    expect(
      (await failure(domain.moderation.resolveAppeal(writer, { appealId: open.id, outcome: "REVERSED", response: "스스로 번복" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await failure(domain.moderation.resolveAppeal(moderator, { appealId: open.id, outcome: "MAYBE", response: "검토함" }))).issues.map(
        (i) => i.path,
      ),
    ).toEqual(["outcome"]);

    const reversed = await domain.moderation.resolveAppeal(moderator, {
      appealId: open.id,
      outcome: "REVERSED",
      response: "정책 비판으로 보아 다시 보이게 했습니다.",
    });
    expect(reversed).toMatchObject({ hidden: null, appeal: { status: "REVERSED", response: "정책 비판으로 보아 다시 보이게 했습니다." } });
    expect((await domain.comments.thread(null, proposal.id)).comments.find((c) => c.id === comment.id)!.bodyHtml).toContain("엉터리");
    expect((await domain.moderation.queue(moderator)).appeals.map((a) => a.id)).not.toContain(open.id);
    expect((await domain.notifications.list(writer)).items[0]).toMatchObject({
      messageKey: "debate.notice.appealReversed",
      params: { response: "정책 비판으로 보아 다시 보이게 했습니다." },
      proposal: { id: proposal.id },
    });
    expect(
      (await failure(domain.moderation.resolveAppeal(moderator, { appealId: open.id, outcome: "UPHELD", response: "다시 결정" })))
        .messageKey,
    ).toBe("debate.errors.appealResolved");
    expect(
      await db.prisma.auditLog.count({
        where: { action: { in: ["comment.appealed", "comment.appeal.reversed"] }, targetId: String(comment.id) },
      }),
    ).toBe(2);
  });

  it("keeps the comment hidden when the hide is upheld, and allows a new appeal only after a new hide", async () => {
    const { proposal, writer, moderator, comment } = await hiddenComment();
    await domain.moderation.appeal(writer, { commentId: comment.id, reason: "표현이 거칠었지만 비방은 아니었습니다." });
    const open = (await domain.moderation.queue(moderator)).appeals.find((a) => a.comment.id === comment.id)!;
    const upheld = await domain.moderation.resolveAppeal(moderator, {
      appealId: open.id,
      outcome: "UPHELD",
      response: "특정인을 겨냥한 표현이 남아 있습니다.",
    });
    expect(upheld).toMatchObject({
      bodyHtml: "",
      hidden: { reason: "비방성 표현" },
      appeal: { status: "UPHELD", response: "특정인을 겨냥한 표현이 남아 있습니다." },
    });
    expect((await domain.notifications.list(writer)).items[0]).toMatchObject({
      messageKey: "debate.notice.appealUpheld",
      params: { response: "특정인을 겨냥한 표현이 남아 있습니다." },
    });
    expect(
      (await failure(domain.moderation.appeal(writer, { commentId: comment.id, reason: "한 번 더 봐 주세요. 부탁드립니다." }))).messageKey,
    ).toBe("debate.errors.alreadyAppealed");

    await domain.moderation.moderate(moderator, "unhide", { commentId: comment.id });
    await domain.moderation.moderate(moderator, "hide", { commentId: comment.id, reason: "다시 가림" });
    const again = await domain.moderation.appeal(writer, { commentId: comment.id, reason: "새로 가린 이유에 대해 이의를 신청합니다." });
    expect(again.appeal).toEqual({ status: "OPEN", response: null });
    expect((await domain.comments.thread(null, proposal.id)).comments.find((c) => c.id === comment.id)!.bodyHtml).toBe("");
  });

  it("works the same in a round's debate, and the notice points at the round", async () => {
    const { moderator, round } = await openRound();
    const writer = await createUser(db.prisma);
    const comment = await domain.comments.post(writer, { roundId: round.id, body: "운영 방식이 엉망입니다." });
    await domain.moderation.moderate(moderator, "hide", { commentId: comment.id, reason: "근거 없는 비난" });
    await domain.moderation.appeal(writer, { commentId: comment.id, reason: "운영 방식에 대한 정당한 비판입니다." });
    const open = (await domain.moderation.queue(moderator)).appeals.find((a) => a.comment.id === comment.id)!;
    expect(open.comment).toMatchObject({ roundId: round.id, proposalId: null });
    await domain.moderation.resolveAppeal(moderator, { appealId: open.id, outcome: "REVERSED", response: "비판은 허용됩니다." });
    expect((await domain.comments.roundThread(null, round.id)).comments[0]).toMatchObject({ id: comment.id, hidden: null });
    expect((await domain.notifications.list(writer)).items[0]).toMatchObject({
      messageKey: "debate.notice.appealReversed",
      params: { roundId: round.id },
      proposal: null,
    });
  });
});
describe("one lock for every debate", () => {
  it("locks a proposal's thread and a round's own with the same function, the same checks and the same push", async () => {
    const { proposal } = await setup();
    const { round } = await openRound();
    const [moderator, suspended, citizen] = [
      await createUser(db.prisma, { roles: ["MODERATOR"] }),
      await createUser(db.prisma, { roles: ["MODERATOR"], suspended: true }),
      await createUser(db.prisma),
    ];
    for (const target of [{ proposalId: proposal.id }, { roundId: round.id }]) {
      expect((await failure(domain.moderation.lock(null, target, true))).code).toBe("UNAUTHENTICATED");
      expect((await failure(domain.moderation.lock(citizen, target, true))).messageKey).toBe("errors.forbidden");
      expect((await failure(domain.moderation.lock(suspended, target, true))).messageKey).toBe("errors.suspended");
    }
    expect((await failure(domain.moderation.lock(moderator, { proposalId: 2_000_000_000 }, true))).messageKey).toBe(
      "errors.proposalNotFound",
    );
    expect((await failure(domain.moderation.lock(moderator, { roundId: 2_000_000_000 }, true))).messageKey).toBe("rounds.errors.notFound");
    expect((await failure(domain.moderation.lock(moderator, { roundId: "abc" }, true))).code).toBe("VALIDATION");

    const changes: DomainEvents["comment.changed"][] = [];
    const off = domain.events.subscribe("comment.changed", (e) => changes.push(e));
    await domain.moderation.lock(moderator, { proposalId: String(proposal.id) }, true, "과열");
    await domain.moderation.lock(moderator, { roundId: String(round.id) }, true, "과열");
    off();
    expect(changes).toMatchObject([
      { proposalId: proposal.id, roundId: null, commentId: 0, change: "locked", live: { locked: true, comment: null } },
      { proposalId: null, roundId: round.id, commentId: 0, change: "locked", live: { locked: true, comment: null } },
    ]);
    expect((await domain.comments.thread(null, proposal.id)).locked).toBe(true);
    expect((await domain.comments.roundThread(null, round.id)).locked).toBe(true);
    // The audit log keeps the names it always had.
    expect(
      await db.prisma.auditLog.count({ where: { action: "thread.locked", targetType: "Proposal", targetId: String(proposal.id) } }),
    ).toBe(1);
    expect(
      await db.prisma.auditLog.count({ where: { action: "round.thread.locked", targetType: "Round", targetId: String(round.id) } }),
    ).toBe(1);

    await domain.moderation.lock(moderator, { proposalId: proposal.id }, false);
    await domain.moderation.lock(moderator, { roundId: round.id }, false);
    expect((await domain.comments.thread(null, proposal.id)).locked).toBe(false);
    expect((await domain.comments.roundThread(null, round.id)).locked).toBe(false);
  });
});
