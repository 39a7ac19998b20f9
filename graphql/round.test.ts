import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import type { Viewer } from "../app/domain/viewer.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { gql } from "../tests/utils/graphql.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../tests/utils/session.ts";
import { createMadangYoga, type MadangYoga } from "./yoga.ts";

const DAY = 24 * 60 * 60 * 1000;
// A fixed moment before the real date, so the test sessions (valid for an hour of real time) stay valid as the clock moves.
const START = new Date("2026-03-02T00:00:00Z");
let now = START;
const clock = { now: () => now };
const at = (days: number) => new Date(START.getTime() + days * DAY);

let db: TestDatabase;
let domain: Domain;
let yoga: MadangYoga;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
type Person = { user: NonNullable<Viewer>; cookie: string };
let moderator: Person;
let citizen: Person;
let officer: Person;
let otherOfficer: Person;
let committee: Person;

async function person(options: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(db.prisma, options);
  return { user, cookie: await sessionCookieFor(db.prisma, user.id) };
}

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });
  ref = await createReferenceData(db.prisma, { threshold: 2 });
  const parks = await db.prisma.department.create({ data: { code: "parks", name: "공원녹지과", nameEn: "Parks", sortOrder: 2 } });
  moderator = await person({ roles: ["MODERATOR"] });
  citizen = await person({ districtId: ref.districts.naun.id });
  officer = await person({ roles: ["OFFICER"], departmentId: ref.department.id });
  otherOfficer = await person({ roles: ["OFFICER"], departmentId: parks.id });
  committee = await person({ roles: ["COMMITTEE"] });
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(() => {
  now = START;
});

/** 제안 접수 → 부서 검토 → 투표 → 결과 발표, a week each from `start`. */
function phases(start = START) {
  const day = (n: number) => new Date(start.getTime() + n * DAY).toISOString();
  return [
    { name: "제안 접수", nameEn: "Call for proposals", startsAt: day(0), endsAt: day(7), allows: ["SUBMIT", "COMMENT"] },
    { name: "부서 검토", nameEn: "Department review", startsAt: day(7), endsAt: day(14), allows: ["REVIEW", "COMMENT"] },
    { name: "투표", nameEn: "Voting", startsAt: day(14), endsAt: day(21), allows: ["VOTE", "COMMENT"] },
    { name: "결과 발표", nameEn: "Results", startsAt: day(21), endsAt: day(28), allows: ["RESULTS"] },
  ];
}

function roundInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: "CONTEST",
    title: "2026 우리들의 군산 정책 공모전",
    description: "시민이 직접 **정책**을 제안하고 함께 토론하는 공모전입니다.",
    phases: phases(),
    ...overrides,
  };
}

const ROUND_FIELDS = `id kind title descriptionHtml published stage budgetCapKrw settingsLocked votingStartedAt commentsLocked entryCount
  district { name } pots { district { name } amountKrw } eligibility { minAge openToAnyone excludedGroups }
  currentPhase { id name } phases { id position name nameEn allows startsAt endsAt } criteria { id name maxPoints } startsAt endsAt`;
const CREATE = `mutation($input: RoundInput!) { createRound(input: $input) { ${ROUND_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: RoundInput!) { updateRound(id: $id, input: $input) { ${ROUND_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishRound(id: $id) { ${ROUND_FIELDS} } }`;
const READ = `query($id: ID!) { round(id: $id) { ${ROUND_FIELDS} } }`;
const OVERRIDE = `mutation($id: ID!, $target: String!, $reason: String!) { overrideRoundPhase(roundId: $id, target: $target, reason: $reason) { stage currentPhase { name } } }`;
const ENTRY_FIELDS = `id source status reason department { name } costKrw
  proposal { id title authorName supportCount estimatedCostKrw }
  review { verdict reasons adjustedCostKrw reviewerName departmentName }
  scores { scorers average byCriterion { criterionId average } } myScores { criterionId points }`;
const ENTRIES = `query($id: ID!) { roundEntries(roundId: $id) { ${ENTRY_FIELDS} } }`;

/** A round created and published by the moderator through the API, starting at START. */
async function publishedRound(overrides: Record<string, unknown> = {}) {
  const created = await gql(yoga, CREATE, { input: roundInput(overrides) }, { cookie: moderator.cookie });
  expect(created.errors).toBeUndefined();
  const published = await gql(yoga, PUBLISH, { id: created.data.createRound.id }, { cookie: moderator.cookie });
  expect(published.errors).toBeUndefined();
  return published.data.publishRound;
}

describe("GraphQL rounds", () => {
  it("lets a moderator create and publish a round that everyone can then read", async () => {
    const created = await gql(
      yoga,
      CREATE,
      {
        input: roundInput({
          kind: "PARTICIPATORY_BUDGET",
          title: "2027 군산시 주민참여예산",
          budgetCapKrw: 3_500_000_000, // above 2^31: Won amounts travel as Float
          pots: [{ districtId: String(ref.districts.naun.id), amountKrw: 1_200_000_000 }],
          eligibility: { minAge: 16 },
        }),
      },
      { cookie: moderator.cookie },
    );
    expect(created.errors).toBeUndefined();
    const draft = created.data.createRound;
    expect(draft).toMatchObject({
      kind: "PARTICIPATORY_BUDGET",
      published: false,
      stage: "DRAFT",
      budgetCapKrw: 3_500_000_000,
      pots: [{ district: { name: "나운2동" }, amountKrw: 1_200_000_000 }],
      eligibility: { minAge: 16, openToAnyone: false, excludedGroups: null },
      district: null,
      currentPhase: null,
    });
    expect(draft.criteria.map((c: any) => [c.name, c.maxPoints])).toEqual([
      ["창의성", 25],
      ["주민편익", 25],
      ["경제성", 25],
      ["실현가능성", 25],
    ]);
    expect(draft.phases.map((p: any) => p.allows)).toEqual([
      ["SUBMIT", "COMMENT"],
      ["REVIEW", "COMMENT"],
      ["VOTE", "COMMENT"],
      ["RESULTS"],
    ]);

    // A draft is the moderators' alone.
    const hidden = await gql(yoga, READ, { id: draft.id });
    expect(hidden.errors?.[0]).toMatchObject({ message: "라운드를 찾을 수 없습니다.", extensions: { code: "NOT_FOUND" } });
    const drafts = await gql(yoga, `{ rounds(includeDrafts: true) { id } }`, {}, { cookie: moderator.cookie });
    expect(drafts.data.rounds.map((r: any) => r.id)).toContain(draft.id);
    const publicDrafts = await gql(yoga, `{ rounds(includeDrafts: true) { id } }`, {}, { cookie: citizen.cookie });
    expect(publicDrafts.data.rounds.map((r: any) => r.id)).not.toContain(draft.id);

    const published = await gql(yoga, PUBLISH, { id: draft.id }, { cookie: moderator.cookie });
    expect(published.errors).toBeUndefined();
    expect(published.data.publishRound).toMatchObject({ published: true, stage: "RUNNING", currentPhase: { name: "제안 접수" } });

    const read = await gql(yoga, READ, { id: draft.id });
    expect(read.errors).toBeUndefined();
    expect(read.data.round).toMatchObject({
      title: "2027 군산시 주민참여예산",
      stage: "RUNNING",
      budgetCapKrw: 3_500_000_000,
      settingsLocked: false,
      startsAt: START.toISOString(),
      endsAt: at(28).toISOString(),
    });
    expect(read.data.round.descriptionHtml).toContain("<strong>정책</strong>");
    const list = await gql(yoga, `{ rounds { id title stage } }`);
    expect(list.data.rounds).toContainEqual({ id: draft.id, title: "2027 군산시 주민참여예산", stage: "RUNNING" });

    const again = await gql(yoga, PUBLISH, { id: draft.id }, { cookie: moderator.cookie });
    expect(again.errors?.[0]).toMatchObject({ message: "이미 공개한 라운드입니다.", extensions: { code: "CONFLICT" } });
  });

  it("refuses citizens and anonymous callers, and changes nothing", async () => {
    const before = await db.prisma.round.count();
    const asCitizen = await gql(yoga, CREATE, { input: roundInput() }, { cookie: citizen.cookie });
    expect(asCitizen.errors?.[0]).toMatchObject({ message: "권한이 없습니다.", extensions: { code: "FORBIDDEN" } });
    const anonymous = await gql(yoga, CREATE, { input: roundInput() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await db.prisma.round.count()).toBe(before);

    const round = await publishedRound();
    const dashboard = await gql(
      yoga,
      `query($id: ID!) { roundDashboard(roundId: $id) { reviewed } }`,
      { id: round.id },
      { cookie: citizen.cookie },
    );
    expect(dashboard.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const override = await gql(
      yoga,
      OVERRIDE,
      { id: round.id, target: round.phases[1].id, reason: "시민이 바꾸려 함" },
      { cookie: citizen.cookie },
    );
    expect(override.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("explains a bad schedule in the caller's language", async () => {
    const overlapping = phases();
    overlapping[1] = { ...overlapping[1]!, startsAt: at(5).toISOString() };
    const korean = await gql(yoga, CREATE, { input: roundInput({ phases: overlapping, title: "짧" }) }, { cookie: moderator.cookie });
    expect(korean.errors?.[0]?.extensions?.code).toBe("VALIDATION");
    expect(korean.errors?.[0]?.extensions?.issues).toEqual(expect.arrayContaining([{ path: "title", message: "4자 이상 입력해 주세요." }]));

    const ko = await gql(yoga, CREATE, { input: roundInput({ phases: overlapping }) }, { cookie: moderator.cookie });
    expect(ko.errors?.[0]).toMatchObject({ message: "2단계는 앞 단계가 끝난 뒤에 시작해야 합니다.", extensions: { code: "VALIDATION" } });
    expect(ko.errors?.[0]?.extensions?.issues).toEqual([
      { path: "phases.1.startsAt", message: "2단계는 앞 단계가 끝난 뒤에 시작해야 합니다." },
    ]);
    const en = await gql(yoga, CREATE, { input: roundInput({ phases: overlapping }) }, { cookie: moderator.cookie, lang: "en" });
    expect(en.errors?.[0]).toMatchObject({
      message: "Phase 2 must start after the previous phase ends.",
      extensions: { code: "VALIDATION" },
    });

    const pots = await gql(
      yoga,
      CREATE,
      { input: roundInput({ pots: [{ districtId: String(ref.districts.okgu.id), amountKrw: 1000 }] }) },
      { cookie: moderator.cookie },
    );
    expect(pots.errors?.[0]?.message).toBe("읍면동별 배분액은 주민참여예산에만 정할 수 있습니다.");
    const fraction = await gql(yoga, CREATE, { input: roundInput({ budgetCapKrw: 1.5 }) }, { cookie: moderator.cookie });
    expect(fraction.errors?.[0]?.extensions?.issues).toEqual([{ path: "budgetCapKrw", message: expect.any(String) }]);
  });

  it("moves the phase on a moderator's override and records it in the history", async () => {
    const round = await publishedRound();
    const [submit, review] = round.phases;
    const moved = await gql(
      yoga,
      OVERRIDE,
      { id: round.id, target: review.id, reason: "접수가 일찍 마감되어 검토를 시작합니다." },
      { cookie: moderator.cookie },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data.overrideRoundPhase).toEqual({ stage: "RUNNING", currentPhase: { name: "부서 검토" } });

    const back = await gql(yoga, OVERRIDE, { id: round.id, target: submit.id, reason: "되돌리기" }, { cookie: moderator.cookie });
    expect(back.errors?.[0]).toMatchObject({
      message: "이미 지난 단계로는 되돌릴 수 없습니다. 다음 단계만 고를 수 있습니다.",
      extensions: { code: "CONFLICT" },
    });
    const noReason = await gql(yoga, OVERRIDE, { id: round.id, target: "finish", reason: "" }, { cookie: moderator.cookie });
    expect(noReason.errors?.[0]?.extensions?.code).toBe("VALIDATION");

    const history = await gql(yoga, `query($id: ID!) { roundHistory(roundId: $id) { from { name } to { name } cause reason at } }`, {
      id: round.id,
    });
    expect(history.errors).toBeUndefined();
    expect(history.data.roundHistory).toEqual([
      { from: null, to: { name: "제안 접수" }, cause: "SCHEDULE", reason: null, at: START.toISOString() },
      {
        from: { name: "제안 접수" },
        to: { name: "부서 검토" },
        cause: "OVERRIDE",
        reason: "접수가 일찍 마감되어 검토를 시작합니다.",
        at: START.toISOString(),
      },
    ]);

    const finished = await gql(
      yoga,
      OVERRIDE,
      { id: round.id, target: "FINISH", reason: "일정을 마칩니다." },
      { cookie: moderator.cookie },
    );
    expect(finished.data.overrideRoundPhase).toEqual({ stage: "FINISHED", currentPhase: null });
  });

  it("takes an entry through department review and sealed committee scoring", async () => {
    const round = await publishedRound();
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, {
      ...proposalInput(ref.categories.transport.id),
      estimatedCostKrw: 3_000_000_000,
    });
    for (let i = 0; i < 2; i++) await domain.proposals.support(await createUser(db.prisma), proposal.id);
    expect((await domain.proposals.get(null, proposal.id)).status).toBe("THRESHOLD_REACHED");

    const candidates = await gql(
      yoga,
      `query($id: ID!) { roundCandidates(roundId: $id) { id status supportCount } }`,
      { id: round.id },
      { cookie: moderator.cookie },
    );
    expect(candidates.data.roundCandidates).toContainEqual({ id: String(proposal.id), status: "THRESHOLD_REACHED", supportCount: 2 });

    const ADD = `mutation($r: ID!, $p: ID!) { addRoundEntry(roundId: $r, proposalId: $p) { ${ENTRY_FIELDS} } }`;
    expect((await gql(yoga, ADD, { r: round.id, p: proposal.id }, { cookie: citizen.cookie })).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    const added = await gql(yoga, ADD, { r: round.id, p: proposal.id }, { cookie: moderator.cookie });
    expect(added.errors).toBeUndefined();
    const entry = added.data.addRoundEntry;
    expect(entry).toMatchObject({
      source: "MARKETPLACE",
      status: "SUBMITTED",
      costKrw: 3_000_000_000,
      proposal: { title: proposal.title, supportCount: 2 },
      review: null,
    });

    const assigned = await gql(
      yoga,
      `mutation($e: ID!, $d: ID!) { assignRoundEntry(entryId: $e, departmentId: $d) { department { name } } }`,
      { e: entry.id, d: ref.department.id },
      { cookie: moderator.cookie },
    );
    expect(assigned.data.assignRoundEntry.department).toEqual({ name: "교통행정과" });

    const REVIEW = `mutation($e: ID!, $c: Float) { reviewRoundEntry(entryId: $e, verdict: FEASIBLE_WITH_CHANGES, reasons: "부지 확보가 필요해 규모를 줄이면 가능합니다.", adjustedCostKrw: $c) { ${ENTRY_FIELDS} } }`;
    const tooEarly = await gql(yoga, REVIEW, { e: entry.id, c: 2_400_000_000 }, { cookie: officer.cookie });
    expect(tooEarly.errors?.[0]).toMatchObject({
      message: "지금 단계(제안 접수)에서는 검토·심사을(를) 할 수 없습니다.",
      extensions: { code: "CONFLICT" },
    });

    now = at(7); // the schedule opens department review
    const stranger = await gql(yoga, REVIEW, { e: entry.id, c: 2_400_000_000 }, { cookie: otherOfficer.cookie });
    expect(stranger.errors?.[0]).toMatchObject({
      message: "배정된 부서의 담당자만 검토할 수 있습니다.",
      extensions: { code: "FORBIDDEN" },
    });
    const reviewed = await gql(yoga, REVIEW, { e: entry.id, c: 2_400_000_000 }, { cookie: officer.cookie });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data.reviewRoundEntry).toMatchObject({
      costKrw: 2_400_000_000,
      review: {
        verdict: "FEASIBLE_WITH_CHANGES",
        adjustedCostKrw: 2_400_000_000,
        reviewerName: officer.user.displayName,
        departmentName: "교통행정과",
      },
    });

    const WORK = `{ reviewWork { roundTitle entry { id } } }`;
    expect((await gql(yoga, WORK, {}, { cookie: officer.cookie })).data.reviewWork).toContainEqual({
      roundTitle: round.title,
      entry: { id: entry.id },
    });
    expect((await gql(yoga, WORK, {}, { cookie: otherOfficer.cookie })).data.reviewWork).toEqual([]);
    expect((await gql(yoga, WORK, {}, { cookie: citizen.cookie })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const SCORE = `mutation($e: ID!, $s: [CriterionScoreInput!]!) { scoreRoundEntry(entryId: $e, scores: $s) { ${ENTRY_FIELDS} } }`;
    const sheet = (points: number[]) => round.criteria.map((c: any, i: number) => ({ criterionId: c.id, points: points[i] }));
    const notCommittee = await gql(yoga, SCORE, { e: entry.id, s: sheet([20, 20, 20, 20]) }, { cookie: officer.cookie });
    expect(notCommittee.errors?.[0]).toMatchObject({ message: "심사위원만 점수를 매길 수 있습니다.", extensions: { code: "FORBIDDEN" } });
    const tooHigh = await gql(yoga, SCORE, { e: entry.id, s: sheet([30, 20, 20, 20]) }, { cookie: committee.cookie });
    expect(tooHigh.errors?.[0]).toMatchObject({ message: "「창의성」은(는) 25점까지입니다.", extensions: { code: "VALIDATION" } });
    const tooHighEn = await gql(yoga, SCORE, { e: entry.id, s: sheet([30, 20, 20, 20]) }, { cookie: committee.cookie, lang: "en" });
    expect(tooHighEn.errors?.[0]?.message).toBe("“Creativity” is worth at most 25 points.");
    const scored = await gql(yoga, SCORE, { e: entry.id, s: sheet([20, 18, 15, 22]) }, { cookie: committee.cookie });
    expect(scored.errors).toBeUndefined();
    expect(scored.data.scoreRoundEntry.myScores).toEqual(sheet([20, 18, 15, 22]));
    expect(scored.data.scoreRoundEntry.scores).toBeNull(); // sealed for the committee member too

    // Sealed for citizens until results; moderators see the averages.
    const publicView = await gql(yoga, ENTRIES, { id: round.id }, { cookie: citizen.cookie });
    expect(publicView.errors).toBeUndefined();
    expect(publicView.data.roundEntries).toEqual([expect.objectContaining({ id: entry.id, scores: null, myScores: [] })]);
    const moderatorView = await gql(yoga, ENTRIES, { id: round.id }, { cookie: moderator.cookie });
    expect(moderatorView.data.roundEntries[0].scores).toEqual({
      scorers: 1,
      average: 75,
      byCriterion: sheet([20, 18, 15, 22]).map((s: any) => ({ criterionId: s.criterionId, average: s.points })),
    });

    const shortlisted = await gql(
      yoga,
      `mutation($e: ID!) { setRoundEntryStatus(entryId: $e, status: SHORTLISTED) { status } }`,
      { e: entry.id },
      { cookie: moderator.cookie },
    );
    expect(shortlisted.data.setRoundEntryStatus).toEqual({ status: "SHORTLISTED" });
    const noReason = await gql(
      yoga,
      `mutation($e: ID!) { setRoundEntryStatus(entryId: $e, status: EXCLUDED) { status } }`,
      { e: entry.id },
      { cookie: moderator.cookie },
    );
    expect(noReason.errors?.[0]?.extensions?.code).toBe("VALIDATION");

    now = at(21); // results: the seal is lifted for everyone
    const afterResults = await gql(yoga, ENTRIES, { id: round.id }, { cookie: citizen.cookie });
    expect(afterResults.data.roundEntries[0].scores).toMatchObject({ scorers: 1, average: 75 });
  });

  it("takes direct submissions while the phase allows them, and lets only the proposer withdraw", async () => {
    const round = await publishedRound();
    const SUBMIT = `mutation($r: ID!, $input: SubmitRoundEntryInput!) { submitRoundEntry(roundId: $r, input: $input) { id source status proposal { title } } }`;
    const input = {
      ...proposalInput(ref.categories.transport.id),
      categoryId: String(ref.categories.transport.id),
      title: "월명공원 입구에 자전거 대여소를 만들어 주세요",
    };
    const submitted = await gql(yoga, SUBMIT, { r: round.id, input }, { cookie: citizen.cookie });
    expect(submitted.errors).toBeUndefined();
    const entry = submitted.data.submitRoundEntry;
    expect(entry).toMatchObject({ source: "DIRECT", status: "SUBMITTED", proposal: { title: input.title } });

    const WITHDRAW = `mutation($e: ID!) { withdrawRoundEntry(entryId: $e) { status } }`;
    expect((await gql(yoga, WITHDRAW, { e: entry.id }, { cookie: moderator.cookie })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(yoga, WITHDRAW, { e: entry.id }, { cookie: citizen.cookie })).data.withdrawRoundEntry).toEqual({
      status: "WITHDRAWN",
    });
    expect((await gql(yoga, ENTRIES, { id: round.id })).data.roundEntries).toEqual([]);
    expect((await gql(yoga, ENTRIES, { id: round.id }, { cookie: moderator.cookie })).data.roundEntries).toHaveLength(1);

    now = at(8); // review: submissions are closed
    const late = await gql(
      yoga,
      SUBMIT,
      { r: round.id, input: { ...input, title: "늦게 낸 제안도 받아 주실 수 있나요" } },
      { cookie: citizen.cookie },
    );
    expect(late.errors?.[0]).toMatchObject({
      message: "지금 단계(부서 검토)에서는 제안 접수을(를) 할 수 없습니다.",
      extensions: { code: "CONFLICT" },
    });
  });

  it("measures deliberation quality and shows it on the dashboard", async () => {
    const round = await publishedRound();
    const a = await createUser(db.prisma, { districtId: ref.districts.naun.id });
    const b = await createUser(db.prisma, { districtId: ref.districts.okgu.id });
    const c = await createUser(db.prisma);
    const pro = await domain.comments.post(a, {
      roundId: round.id,
      stance: "PRO",
      body: "주차난이 심각하기 때문에 이 공모전에 찬성합니다.",
    });
    await domain.comments.post(b, { roundId: round.id, parentId: pro.id, stance: "CON", body: "예산이 부족하므로 반대합니다." });
    await domain.comments.post(c, { roundId: round.id, stance: "NEUTRAL", body: "좀 더 지켜보겠습니다." });

    const QUALITY = `query($id: ID!) { roundQuality(roundId: $id) { commentCount participantCount stance { pro con neutral } proConBalance reasonedShare crossStanceReplyShare
      districts { total reached reachedShare evenness unknownParticipants perDistrict { district { name } participants comments } } } }`;
    const quality = await gql(yoga, QUALITY, { id: round.id });
    expect(quality.errors).toBeUndefined();
    expect(quality.data.roundQuality).toEqual({
      commentCount: 3,
      participantCount: 3,
      stance: { pro: 1, con: 1, neutral: 1 },
      proConBalance: 1,
      reasonedShare: 0.667,
      crossStanceReplyShare: 1,
      districts: {
        total: 2,
        reached: 2,
        reachedShare: 1,
        evenness: 1,
        unknownParticipants: 1,
        perDistrict: [
          { district: { name: "나운2동" }, participants: 1, comments: 1 },
          { district: { name: "옥구읍" }, participants: 1, comments: 1 },
        ],
      },
    });

    const DASHBOARD = `query($id: ID!) { roundDashboard(roundId: $id) { round { id commentCount } quality { commentCount proConBalance } entries { submitted shortlisted excluded withdrawn } reviewed scoreSheets openReports activityByDay { day comments } } }`;
    const dashboard = await gql(yoga, DASHBOARD, { id: round.id }, { cookie: moderator.cookie });
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data.roundDashboard).toEqual({
      round: { id: round.id, commentCount: 3 },
      quality: { commentCount: 3, proConBalance: 1 },
      entries: { submitted: 0, shortlisted: 0, excluded: 0, withdrawn: 0 },
      reviewed: 0,
      scoreSheets: 0,
      openReports: 0,
      activityByDay: [{ day: "2026-03-02", comments: 3 }],
    });

    const LOCK = `mutation($id: ID!, $locked: Boolean!) { lockRoundDebate(roundId: $id, locked: $locked, reason: "과열되어 잠시 닫습니다.") { commentsLocked } }`;
    expect((await gql(yoga, LOCK, { id: round.id, locked: true }, { cookie: citizen.cookie })).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await gql(yoga, LOCK, { id: round.id, locked: true }, { cookie: moderator.cookie })).data.lockRoundDebate).toEqual({
      commentsLocked: true,
    });
    await expect(domain.comments.post(a, { roundId: round.id, stance: "PRO", body: "잠긴 뒤에 쓰는 의견입니다." })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("tells the viewer what they can do on the round, and why not in their language", async () => {
    const round = await publishedRound({
      eligibility: { affiliation: { kinds: ["RESIDENT"], districtIds: [String(ref.districts.naun.id)] } },
    });
    const CAN = `query($id: ID!) { round(id: $id) { viewerCan { submit comment vote score review moderate reasons } } }`;
    const can = async (cookie?: string, lang = "ko") => {
      const result = await gql(yoga, CAN, { id: round.id }, { cookie, lang });
      expect(result.errors).toBeUndefined();
      return result.data.round.viewerCan;
    };
    expect(await can(citizen.cookie)).toEqual({
      submit: true,
      comment: true,
      vote: false,
      score: false,
      review: false,
      moderate: false,
      reasons: [],
    });
    expect(await can()).toMatchObject({ submit: false, comment: false, reasons: ["로그인이 필요합니다."] });
    expect(await can(moderator.cookie)).toMatchObject({ moderate: true, review: false });
    const outsider = await person({ districtId: ref.districts.okgu.id });
    expect(await can(outsider.cookie)).toMatchObject({ submit: false, comment: false, reasons: [expect.stringContaining("나운2동")] });
    expect((await can(outsider.cookie, "en")).reasons).toEqual([expect.stringMatching(/^Only people with a tie to /)]);
    const suspended = await person({ districtId: ref.districts.naun.id, suspended: true });
    expect((await can(suspended.cookie)).reasons).toEqual(["이용이 정지된 계정입니다. 정지 사유는 내 계정에서 볼 수 있습니다."]);

    now = at(7.5); // department review
    expect(await can(officer.cookie)).toMatchObject({ review: true, score: false, submit: false });
    expect(await can(committee.cookie)).toMatchObject({ review: false, score: true });
  });

  it("locks the settings once voting has started", async () => {
    const round = await publishedRound();
    const changes = { title: "2026 우리들의 군산 정책 공모전 (수정)", eligibility: { affiliation: null, excludedGroups: ["CITY_STAFF"] } };
    const renamed = await gql(yoga, UPDATE, { id: round.id, input: roundInput(changes) }, { cookie: moderator.cookie });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.updateRound).toMatchObject({
      title: "2026 우리들의 군산 정책 공모전 (수정)",
      eligibility: { minAge: null, openToAnyone: true, excludedGroups: ["CITY_STAFF"] },
      settingsLocked: false,
    });

    now = at(14.5); // the schedule reaches the voting phase
    const read = await gql(yoga, READ, { id: round.id });
    expect(read.data.round).toMatchObject({
      settingsLocked: true,
      currentPhase: { name: "투표" },
      votingStartedAt: at(14.5).toISOString(),
    });

    const locked = await gql(yoga, UPDATE, { id: round.id, input: roundInput() }, { cookie: moderator.cookie });
    expect(locked.errors?.[0]).toMatchObject({
      message: "투표가 시작되어 라운드 설정을 바꿀 수 없습니다.",
      extensions: { code: "CONFLICT" },
    });
    const lockedEn = await gql(yoga, UPDATE, { id: round.id, input: roundInput() }, { cookie: moderator.cookie, lang: "en" });
    expect(lockedEn.errors?.[0]?.message).toBe("Voting has started: the round's settings are locked.");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: Number(round.id) } })).title).toBe(
      "2026 우리들의 군산 정책 공모전 (수정)",
    );

    const history = await gql(yoga, `query($id: ID!) { roundHistory(roundId: $id) { to { name } cause } }`, { id: round.id });
    expect(history.data.roundHistory.at(-1)).toEqual({ to: { name: "투표" }, cause: "SCHEDULE" });
  });
});
