// Debates over GraphQL: a round's own debate, the pro/con balance, and appeals against a
// hide, with the same rules as the web.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import { createReferenceData, createUser, proposalInput, roundInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { gql } from "../tests/utils/graphql.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../tests/utils/session.ts";
import { createMadangYoga, type MadangYoga } from "./yoga.ts";

let db: TestDatabase;
let domain: Domain;
let yoga: MadangYoga;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });
  ref = await createReferenceData(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db.prisma, options);
  return { user, cookie: await sessionCookieFor(db.prisma, user.id) };
}

const codes = (result: { errors?: { extensions?: Record<string, any> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

const POST = /* GraphQL */ `
  mutation Post($proposalId: ID, $roundId: ID, $parentId: ID, $stance: Stance, $body: String!) {
    postComment(proposalId: $proposalId, roundId: $roundId, parentId: $parentId, stance: $stance, body: $body) {
      id
      parentId
      stance
      bodyHtml
    }
  }
`;
const ROUND_DEBATE = /* GraphQL */ `
  query RoundDebate($roundId: ID!, $sort: CommentSort) {
    roundDebate(roundId: $roundId, sort: $sort) {
      locked
      balance {
        pro
        con
        neutral
      }
      comments {
        id
        parentId
        stance
        authorName
        hiddenReason
        appeal {
          status
          response
        }
      }
    }
  }
`;

describe("GraphQL debates", () => {
  it("posts in a round's own debate and reads it back with its balance", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const draft = await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)));
    const { user: citizen, cookie } = await signedIn();

    // A draft round is not there for the public, and takes no comments.
    expect(codes(await gql(yoga, ROUND_DEBATE, { roundId: draft.id }))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(yoga, POST, { roundId: draft.id, body: "공개 전의 의견" }, { cookie }))).toEqual(["NOT_FOUND"]);
    await domain.rounds.publish(moderator, draft.id);

    const root = await gql(yoga, POST, { roundId: draft.id, stance: "PRO", body: "마을버스 증차 사업을 지지합니다." }, { cookie });
    expect(root.errors).toBeUndefined();
    const { cookie: otherCookie } = await signedIn();
    const reply = await gql(
      yoga,
      POST,
      { roundId: draft.id, parentId: root.data.postComment.id, stance: "CON", body: "운영비가 계속 듭니다." },
      { cookie: otherCookie },
    );
    expect(reply.data.postComment).toMatchObject({ parentId: root.data.postComment.id, stance: "CON" });

    const read = await gql(yoga, ROUND_DEBATE, { roundId: draft.id, sort: "NEWEST" });
    expect(read.errors).toBeUndefined();
    expect(read.data.roundDebate).toEqual({
      locked: false,
      balance: { pro: 1, con: 1, neutral: 0 },
      comments: [
        { id: root.data.postComment.id, parentId: null, stance: "PRO", authorName: citizen.displayName, hiddenReason: null, appeal: null },
        {
          id: reply.data.postComment.id,
          parentId: root.data.postComment.id,
          stance: "CON",
          authorName: expect.any(String),
          hiddenReason: null,
          appeal: null,
        },
      ],
    });

    // Exactly one of proposalId and roundId; anonymous callers are refused before the domain.
    const proposal = await domain.proposals.create(citizen, proposalInput(ref.categories.transport.id));
    const both = await gql(yoga, POST, { roundId: draft.id, proposalId: proposal.id, body: "둘 다 적은 의견" }, { cookie });
    expect(codes(both)).toEqual(["VALIDATION"]);
    expect(codes(await gql(yoga, POST, { body: "어디에도 없는 의견" }, { cookie }))).toEqual(["VALIDATION"]);
    expect(codes(await gql(yoga, POST, { roundId: draft.id, body: "익명 의견" }))).toEqual(["UNAUTHENTICATED"]);

    // The proposal's debate reports its balance too.
    await gql(yoga, POST, { proposalId: proposal.id, stance: "NEUTRAL", body: "조금 더 알아봐야겠습니다." }, { cookie: otherCookie });
    const debate = await gql(yoga, `query($id: ID!) { debate(proposalId: $id) { balance { pro con neutral } } }`, { id: proposal.id });
    expect(debate.data.debate.balance).toEqual({ pro: 0, con: 0, neutral: 1 });
  });

  it("lets the author appeal a hide and a moderator decide it", async () => {
    const { user: writer, cookie } = await signedIn();
    const { cookie: strangerCookie } = await signedIn();
    const { user: moderator, cookie: moderatorCookie } = await signedIn({ roles: ["MODERATOR"] });
    const proposal = await domain.proposals.create(writer, proposalInput(ref.categories.transport.id));
    const comment = await domain.comments.post(writer, { proposalId: proposal.id, body: "담당 공무원은 일을 안 합니다." });
    await domain.moderation.moderate(moderator, "hide", { commentId: comment.id, reason: "특정인 비난" });

    const APPEAL = `mutation($id: ID!, $reason: String!) { appealComment(commentId: $id, reason: $reason) { id hiddenReason appeal { status response } } }`;
    const reason = "특정인이 아니라 부서의 업무 처리를 비판한 것입니다.";
    expect(codes(await gql(yoga, APPEAL, { id: comment.id, reason }, { cookie: strangerCookie }))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(yoga, APPEAL, { id: comment.id, reason }))).toEqual(["UNAUTHENTICATED"]);
    const appealed = await gql(yoga, APPEAL, { id: comment.id, reason }, { cookie });
    expect(appealed.data.appealComment).toEqual({
      id: String(comment.id),
      hiddenReason: "특정인 비난",
      appeal: { status: "OPEN", response: null },
    });
    const again = await gql(yoga, APPEAL, { id: comment.id, reason }, { cookie, lang: "en" });
    expect(codes(again)).toEqual(["CONFLICT"]);
    expect(again.errors![0]!.message).toBe("You have already appealed this decision.");

    const OPEN = `query { openAppeals { id commentId proposalId roundId reason authorName hiddenReason body } }`;
    expect(codes(await gql(yoga, OPEN, {}, { cookie }))).toEqual(["FORBIDDEN"]);
    const open = (await gql(yoga, OPEN, {}, { cookie: moderatorCookie })).data.openAppeals.find(
      (a: { commentId: string }) => a.commentId === String(comment.id),
    );
    expect(open).toMatchObject({
      proposalId: String(proposal.id),
      roundId: null,
      reason,
      authorName: writer.displayName,
      hiddenReason: "특정인 비난",
      body: "담당 공무원은 일을 안 합니다.",
    });

    const RESOLVE = `mutation($id: ID!, $outcome: AppealOutcome!, $response: String!) { resolveAppeal(appealId: $id, outcome: $outcome, response: $response) { hiddenReason bodyHtml appeal { status response } } }`;
    expect(codes(await gql(yoga, RESOLVE, { id: open.id, outcome: "REVERSED", response: "번복합니다" }, { cookie }))).toEqual([
      "FORBIDDEN",
    ]);
    const decided = await gql(
      yoga,
      RESOLVE,
      { id: open.id, outcome: "REVERSED", response: "부서 업무에 대한 비판으로 봅니다." },
      { cookie: moderatorCookie },
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data.resolveAppeal).toMatchObject({
      hiddenReason: null,
      appeal: { status: "REVERSED", response: "부서 업무에 대한 비판으로 봅니다." },
    });
    expect(decided.data.resolveAppeal.bodyHtml).toContain("일을 안 합니다");
    expect(codes(await gql(yoga, RESOLVE, { id: open.id, outcome: "UPHELD", response: "다시 결정" }, { cookie: moderatorCookie }))).toEqual(
      ["CONFLICT"],
    );

    // Others never see the appeal, the author does.
    const seen = async (c?: string) =>
      (
        await gql(
          yoga,
          `query($id: ID!) { debate(proposalId: $id) { comments { id appeal { status } } } }`,
          { id: proposal.id },
          { cookie: c },
        )
      ).data.debate.comments[0].appeal;
    expect(await seen()).toBeNull();
    expect(await seen(strangerCookie)).toBeNull();
    expect(await seen(cookie)).toEqual({ status: "REVERSED" });
  });
});
