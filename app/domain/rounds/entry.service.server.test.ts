// Entries on a real database: how proposals enter a round, the department's feasibility
// review, committee scoring on the rubric (sealed until results), and shortlisting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import type { Viewer } from "../viewer.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
const now = new Date("2027-04-01T00:00:00Z");
const clock = { now: () => now };
let moderator: NonNullable<Viewer>;
let officer: NonNullable<Viewer>;
let committee: NonNullable<Viewer>[];

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  ref = await createReferenceData(db.prisma, { threshold: 2 });
  moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  officer = await createUser(db.prisma, { roles: ["OFFICER"], departmentId: ref.department.id });
  committee = [await createUser(db.prisma, { roles: ["COMMITTEE"] }), await createUser(db.prisma, { roles: ["COMMITTEE"] })];
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

/** A board proposal that passed its threshold (2 공감) and was assigned to the traffic department. */
async function passedProposal(overrides: Record<string, unknown> = {}) {
  const author = await createUser(db.prisma);
  const p = await domain.proposals.create(author, proposalInput(ref.categories.transport.id, overrides));
  for (let i = 0; i < 2; i++) await domain.proposals.support(await createUser(db.prisma), p.id);
  await db.prisma.proposal.update({ where: { id: p.id }, data: { departmentId: ref.department.id } });
  return { proposal: await domain.proposals.get(null, p.id), author };
}

async function publishedRound(overrides: Record<string, unknown> = {}) {
  const round = await domain.rounds.create(moderator, roundInput(now, overrides));
  await domain.rounds.publish(moderator, round.id);
  return domain.rounds.get(null, round.id);
}

const phase = (round: Awaited<ReturnType<typeof publishedRound>>, action: string) =>
  round.phases.find((p) => (p.allows as string[]).includes(action))!;

describe("entering a round", () => {
  it("takes board proposals that passed their threshold; others only when a moderator promotes them with a reason", async () => {
    const round = await publishedRound();
    const { proposal } = await passedProposal();
    expect(proposal.status).toBe("THRESHOLD_REACHED");
    const citizen = await createUser(db.prisma);
    expect((await failure(domain.entries.add(citizen, { roundId: round.id, proposalId: proposal.id }))).code).toBe("FORBIDDEN");

    expect((await domain.entries.candidates(moderator, round.id)).map((c) => c.id)).toContain(proposal.id);
    const entry = await domain.entries.add(moderator, { roundId: round.id, proposalId: proposal.id });
    expect(entry).toMatchObject({
      source: "MARKETPLACE",
      status: "SUBMITTED",
      department: expect.objectContaining({ id: ref.department.id }),
    });
    expect((await failure(domain.entries.add(moderator, { roundId: round.id, proposalId: proposal.id }))).messageKey).toBe(
      "rounds.errors.alreadyEntered",
    );
    expect((await domain.entries.candidates(moderator, round.id)).map((c) => c.id)).not.toContain(proposal.id);
    expect((await domain.proposals.get(null, proposal.id)).rounds).toEqual([
      { entryId: entry.id, status: "SUBMITTED", id: round.id, title: round.title },
    ]);

    const open = await domain.proposals.create(await createUser(db.prisma), proposalInput(ref.categories.transport.id));
    const needsReason = await failure(domain.entries.add(moderator, { roundId: round.id, proposalId: open.id }));
    expect(needsReason).toMatchObject({ code: "VALIDATION", messageKey: "rounds.errors.promotionReason" });
    const promoted = await domain.entries.add(moderator, { roundId: round.id, proposalId: open.id, reason: "시의회 요청으로 함께 검토" });
    expect(promoted).toMatchObject({ source: "PROMOTED", reason: "시의회 요청으로 함께 검토" });
    expect(await db.prisma.auditLog.count({ where: { action: "round.entry.promoted", reason: "시의회 요청으로 함께 검토" } })).toBe(1);
  });

  it("keeps a district round to its district", async () => {
    const round = await publishedRound({ districtId: ref.districts.okgu.id, kind: "POLICY_MARKET", budgetCapKrw: undefined });
    const { proposal } = await passedProposal({ districtId: ref.districts.naun.id });
    expect((await failure(domain.entries.add(moderator, { roundId: round.id, proposalId: proposal.id }))).messageKey).toBe(
      "rounds.errors.outOfScope",
    );
  });

  it("accepts direct submissions only while the phase allows them, by the round's own eligibility", async () => {
    const round = await publishedRound({ eligibility: { minAge: 19 } });
    const teen = await createUser(db.prisma, { birthDate: "2011-01-01" });
    const tooYoung = await failure(domain.entries.submit(teen, round.id, proposalInput(ref.categories.environment.id)));
    expect(tooYoung).toMatchObject({ code: "FORBIDDEN", messageKey: "eligibility.tooYoungGuardian", params: { minAge: 19 } });

    const author = await createUser(db.prisma);
    const entry = await domain.entries.submit(
      author,
      round.id,
      proposalInput(ref.categories.environment.id, { title: "월명공원에 어린이 숲 놀이터를 만들어요" }),
    );
    expect(entry).toMatchObject({ source: "DIRECT", status: "SUBMITTED" });
    const proposal = await domain.proposals.get(author, entry.proposal.id);
    expect(proposal).toMatchObject({ status: "OPEN", directRound: { id: round.id, title: round.title } });
    // It lives in the round, not on the board, and gathers no 공감.
    expect((await domain.proposals.list(null, {})).items.map((p) => p.id)).not.toContain(proposal.id);
    expect((await failure(domain.proposals.support(await createUser(db.prisma), proposal.id))).messageKey).toBe(
      "rounds.errors.noSupportInRound",
    );

    await domain.entries.withdraw(author, entry.id);
    expect((await domain.entries.list(null, round.id)).map((e) => e.id)).not.toContain(entry.id);
    expect((await domain.entries.list(moderator, round.id)).find((e) => e.id === entry.id)?.status).toBe("WITHDRAWN");

    await domain.rounds.override(moderator, { roundId: round.id, target: phase(round, "REVIEW").id, reason: "접수 마감" });
    const closed = await failure(domain.entries.submit(author, round.id, proposalInput(ref.categories.environment.id)));
    expect(closed).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.phaseDisallows" });
  });
});

describe("review, scoring and shortlisting", () => {
  it("runs the review phase: the assigned department reviews, the committee scores, moderators shortlist", async () => {
    const round = await publishedRound({ kind: "CONTEST", budgetCapKrw: undefined });
    const a = await passedProposal({ estimatedCostKrw: 50_000_000 });
    const b = await passedProposal();
    const entryA = await domain.entries.add(moderator, { roundId: round.id, proposalId: a.proposal.id });
    const entryB = await domain.entries.add(moderator, { roundId: round.id, proposalId: b.proposal.id });
    const review = {
      entryId: entryA.id,
      verdict: "FEASIBLE_WITH_CHANGES",
      reasons: "관련 조례 개정 없이 가능하나 규모를 줄여야 합니다.",
      adjustedCostKrw: "30,000,000",
    };

    // Not in the review phase yet.
    expect((await failure(domain.entries.review(officer, review))).messageKey).toBe("rounds.errors.phaseDisallows");
    await domain.rounds.override(moderator, { roundId: round.id, target: phase(round, "REVIEW").id, reason: "심사 시작" });
    expect((await domain.entries.reviewWork(officer)).map((e) => e.id)).toEqual(expect.arrayContaining([entryA.id, entryB.id]));

    const otherDept = await db.prisma.department.create({
      data: { code: `d${Date.now()}`, name: "복지정책과", nameEn: "Welfare", sortOrder: 9 },
    });
    const stranger = await createUser(db.prisma, { roles: ["OFFICER"], departmentId: otherDept.id });
    expect((await failure(domain.entries.review(stranger, review))).messageKey).toBe("rounds.errors.notReviewer");
    expect((await failure(domain.entries.review(officer, { ...review, reasons: "짧음" }))).code).toBe("VALIDATION");
    const reviewed = await domain.entries.review(officer, review);
    expect(reviewed.review).toMatchObject({
      verdict: "FEASIBLE_WITH_CHANGES",
      adjustedCostKrw: 30_000_000,
      department: { name: "교통행정과" },
    });
    expect(reviewed.costKrw).toBe(30_000_000); // the reviewed cost counts against the budget
    const notice = await db.prisma.notification.findFirst({ where: { userId: a.author.id, kind: "round.reviewed" } });
    expect(notice?.params).toMatchObject({ verdict: "@rounds.verdict.FEASIBLE_WITH_CHANGES" });
    await domain.entries.review(officer, { entryId: entryB.id, verdict: "NOT_FEASIBLE", reasons: "국가 사무로 시가 추진할 수 없습니다." });

    // Committee scoring on the rubric.
    const criteria = (await domain.rounds.get(null, round.id)).criteria;
    const sheet = (points: number[]) => ({
      entryId: entryA.id,
      scores: criteria.map((c, i) => ({ criterionId: c.id, points: points[i] })),
    });
    expect((await failure(domain.entries.score(officer, sheet([20, 20, 20, 20])))).messageKey).toBe("rounds.errors.notCommittee");
    const tooHigh = await failure(domain.entries.score(committee[0]!, sheet([26, 20, 20, 20])));
    expect(tooHigh).toMatchObject({
      code: "VALIDATION",
      messageKey: "rounds.errors.scoreTooHigh",
      params: { max: 25, criterion: { ko: "창의성", en: "Creativity" } },
    });
    const missing = await failure(
      domain.entries.score(committee[0]!, { entryId: entryA.id, scores: [{ criterionId: criteria[0]!.id, points: 10 }] }),
    );
    expect(missing.messageKey).toBe("rounds.errors.scoreMissing");
    await domain.entries.score(committee[0]!, sheet([20, 22, 18, 15]));
    await domain.entries.score(committee[1]!, sheet([10, 12, 14, 16]));
    await domain.entries.score(committee[1]!, sheet([12, 12, 14, 16])); // revised, not added

    // Sealed: citizens and the committee see no averages before results; moderators do.
    expect((await domain.entries.list(null, round.id)).find((e) => e.id === entryA.id)?.scores).toBeNull();
    expect((await domain.entries.list(committee[0]!, round.id)).find((e) => e.id === entryA.id)?.myScores).toHaveLength(4);
    const forModerator = (await domain.entries.list(moderator, round.id)).find((e) => e.id === entryA.id)!;
    expect(forModerator.scores).toEqual({
      scorers: 2,
      average: 64.5,
      byCriterion: criteria.map((c, i) => ({ criterionId: c.id, average: [16, 17, 16, 15.5][i] })),
    });

    // Shortlisting: not-feasible entries cannot go through; exclusion needs a reason.
    expect((await failure(domain.entries.setStatus(moderator, { entryId: entryB.id, status: "SHORTLISTED" }))).messageKey).toBe(
      "rounds.errors.notFeasible",
    );
    expect((await failure(domain.entries.setStatus(moderator, { entryId: entryB.id, status: "EXCLUDED" }))).messageKey).toBe(
      "validation.reasonRequired",
    );
    await domain.entries.setStatus(moderator, { entryId: entryB.id, status: "EXCLUDED", reason: "실현 불가 (국가 사무)" });
    expect((await domain.entries.setStatus(moderator, { entryId: entryA.id, status: "SHORTLISTED" })).status).toBe("SHORTLISTED");
    expect(await db.prisma.notification.count({ where: { userId: a.author.id, kind: "round.shortlisted" } })).toBe(1);
    expect((await failure(domain.entries.score(committee[0]!, { ...sheet([1, 1, 1, 1]), entryId: entryB.id }))).messageKey).toBe(
      "rounds.errors.entryNotScorable",
    );

    // Results phase: the averages are public; after voting began nothing about entries changes.
    await domain.rounds.override(moderator, { roundId: round.id, target: phase(round, "VOTE").id, reason: "투표 시작" });
    expect((await failure(domain.entries.setStatus(moderator, { entryId: entryA.id, status: "SUBMITTED" }))).messageKey).toBe(
      "rounds.errors.settingsLocked",
    );
    expect((await failure(domain.entries.review(officer, review))).messageKey).toBe("rounds.errors.phaseDisallows");
    await domain.rounds.override(moderator, { roundId: round.id, target: phase(round, "RESULTS").id, reason: "결과 발표" });
    expect((await domain.entries.list(null, round.id))[0]).toMatchObject({ id: entryA.id, scores: { average: 64.5 } });
    const audit = await db.prisma.auditLog.findMany({
      where: { targetType: "RoundEntry", targetId: String(entryA.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((x) => x.action)).toEqual([
      "round.entry.added",
      "round.entry.reviewed",
      "round.entry.scored",
      "round.entry.scored",
      "round.entry.scored",
      "round.entry.shortlisted",
    ]);
  });

  it("does not let committee members score their own entry", async () => {
    const round = await publishedRound({ kind: "CONTEST", budgetCapKrw: undefined });
    const own = await domain.proposals.create(committee[0]!, proposalInput(ref.categories.transport.id));
    const entry = await domain.entries.add(moderator, { roundId: round.id, proposalId: own.id, reason: "위원 본인 제안 검토용" });
    await domain.rounds.override(moderator, { roundId: round.id, target: phase(round, "REVIEW").id, reason: "심사 시작" });
    const criteria = round.criteria.map((c) => ({ criterionId: c.id, points: 10 }));
    expect((await failure(domain.entries.score(committee[0]!, { entryId: entry.id, scores: criteria }))).messageKey).toBe(
      "rounds.errors.ownEntry",
    );
  });
});
