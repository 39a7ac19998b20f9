import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import type { DomainEvents } from "../events.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import { containsBannedWord, mentionedNames } from "./comment-text.ts";

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

describe("debate", () => {
  it("threads two levels deep with stances, sanitized markdown and live events", async () => {
    const { proposal } = await setup();
    const [a, b] = [await createUser(db.prisma), await createUser(db.prisma)];
    const changes: DomainEvents["comment.changed"][] = [];
    const off = domain.events.subscribe("comment.changed", (e) => changes.push(e));
    const root = await domain.comments.post(a, {
      proposalId: proposal.id,
      stance: "PRO",
      body: "**꼭 필요합니다.** <script>alert(1)</script>",
    });
    expect(root.bodyHtml).toContain("<strong>꼭 필요합니다.</strong>");
    expect(root.bodyHtml).not.toContain("<script");
    const reply = await domain.comments.post(b, { proposalId: proposal.id, parentId: root.id, stance: "CON", body: "예산이 걱정됩니다." });
    const deeper = await domain.comments.post(a, {
      proposalId: proposal.id,
      parentId: reply.id,
      stance: "NEUTRAL",
      body: "예산은 국비로 충당 가능합니다.",
    });
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
    expect(
      (
        await failure(
          domain.comments.post(await createUser(db.prisma, { verified: false }), { proposalId: proposal.id, body: "안녕하세요" }),
        )
      ).messageKey,
    ).toBe("eligibility.notVerified");
    expect(
      (
        await failure(
          domain.comments.post(await createUser(db.prisma, { suspended: true }), { proposalId: proposal.id, body: "안녕하세요" }),
        )
      ).messageKey,
    ).toBe("errors.suspended");
    const tooLong = await failure(
      domain.comments.post(await createUser(db.prisma), { proposalId: proposal.id, body: "가".repeat(3001), stance: "MAYBE" }),
    );
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
    await domain.moderation.moderate(moderator, "pin", { commentId: first.id });
    expect((await domain.comments.thread(null, proposal.id, "best")).comments[0]).toMatchObject({ id: first.id, pinned: true });

    expect((await failure(domain.comments.edit(b, { commentId: first.id, body: "남의 글 고치기" }))).code).toBe("FORBIDDEN");
    await domain.comments.edit(a, { commentId: first.id, body: "첫 의견을 고쳤습니다." });
    expect(await domain.comments.history(null, first.id)).toEqual([{ body: "첫 의견입니다.", createdAt: expect.any(Date) }]);
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
    expect((await failure(domain.comments.post(a, { roundId: draft.id, body: "공개 전에 쓰기" }))).messageKey).toBe(
      "rounds.errors.notFound",
    );
    await domain.rounds.publish(moderator, draft.id);

    const changes: DomainEvents["comment.changed"][] = [];
    const off = domain.events.subscribe("comment.changed", (e) => changes.push(e));
    const root = await domain.comments.post(a, { roundId: draft.id, stance: "PRO", body: "읍면동별 배분이 공정해 보입니다." });
    const reply = await domain.comments.post(b, {
      roundId: draft.id,
      parentId: root.id,
      stance: "CON",
      body: "인구 비례로 나누면 농촌이 불리합니다.",
    });
    off();
    expect(reply.parentId).toBe(root.id);
    expect(changes).toMatchObject([
      { proposalId: null, roundId: draft.id, commentId: root.id, change: "created", live: { comment: { id: root.id }, commentCount: 1 } },
      {
        proposalId: null,
        roundId: draft.id,
        commentId: reply.id,
        change: "created",
        live: { comment: { parentId: root.id }, commentCount: 2 },
      },
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

  it("lets a proposal submitted straight into a round be debated only while the round's phase allows it", async () => {
    const { moderator, round, resultsPhase } = await openRound();
    const [proposer, citizen] = [await createUser(db.prisma), await createUser(db.prisma)];
    const entry = await domain.entries.submit(
      proposer,
      round.id,
      proposalInput(ref.categories.transport.id, { title: "옥구읍 마을회관에 태양광 패널을 설치해 주세요" }),
    );
    const during = await domain.comments.post(citizen, {
      proposalId: entry.proposal.id,
      stance: "PRO",
      body: "전기료를 아낄 수 있습니다.",
    });
    expect(during.stance).toBe("PRO");

    await domain.rounds.override(moderator, { roundId: round.id, target: resultsPhase.id, reason: "결과 발표" });
    expect((await failure(domain.comments.post(citizen, { proposalId: entry.proposal.id, body: "결과 발표 중의 의견" }))).messageKey).toBe(
      "rounds.errors.phaseDisallows",
    );
    // A board proposal outside any round is not affected.
    const { proposal } = await setup();
    await domain.comments.post(citizen, { proposalId: proposal.id, body: "게시판 제안에는 쓸 수 있습니다." });
  });
});

describe("mentions", () => {
  it("reads @names, with or without an honorific, and not e-mail addresses", () => {
    expect(mentionedNames("@박준호님 말씀에 동의합니다. @김민지 씨도요. 문의: help@gunsan.go.kr")).toEqual([
      "박준호님",
      "박준호",
      "김민지",
    ]);
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

    const mentionsOf = async (user: typeof writer) =>
      (await domain.notifications.list(user)).items.filter((n) => n.messageKey === "debate.notice.mentioned");
    for (const named of [participant, author]) {
      expect(await mentionsOf(named)).toEqual([
        expect.objectContaining({
          proposal: expect.objectContaining({ id: proposal.id }),
          params: { author: writer.displayName, commentId: mentioning.id },
        }),
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
    const mentioning = await domain.comments.post(writer, {
      roundId: round.id,
      body: `@${participant.displayName} @${outsider.displayName} 기준 공개에 찬성합니다.`,
    });
    const mentionsOf = async (user: typeof writer) =>
      (await domain.notifications.list(user)).items.filter((n) => n.messageKey === "debate.notice.mentioned");
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
