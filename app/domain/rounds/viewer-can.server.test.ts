// Round.viewerCan on a real database: the answer comes from the round's own phase and
// eligibility rules, and agrees with what the services then enforce.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
const now = new Date("2027-05-01T00:00:00Z");
const clock = { now: () => now };

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

describe("Round.viewerCan", () => {
  it("follows the round's phase and its own eligibility rules, and the services agree", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    // 나운동 residents only; the call for proposals (submit and comment) began a day ago.
    const rules = { affiliation: { kinds: ["RESIDENT"], districtIds: [ref.districts.naun.id] } };
    const draft = await domain.rounds.create(moderator, roundInput(new Date(now.getTime() - 24 * 3600 * 1000), { eligibility: rules }));
    const round = await domain.rounds.publish(moderator, draft.id);
    const [resident, elsewhere, suspended] = [
      await createUser(db.prisma, { districtId: ref.districts.naun.id }),
      await createUser(db.prisma, { districtId: ref.districts.okgu.id }),
      await createUser(db.prisma, { districtId: ref.districts.naun.id, suspended: true }),
    ];
    const can = (viewer: Parameters<Domain["rounds"]["viewerCan"]>[0]) => domain.rounds.viewerCan(viewer, round);

    expect(await can(resident)).toEqual({
      submit: true,
      comment: true,
      vote: false,
      score: false,
      review: false,
      moderate: false,
      reasons: [],
    });
    expect(await can(null)).toMatchObject({ submit: false, comment: false, reasons: [{ key: "errors.loginRequired" }] });
    expect(await can(moderator)).toMatchObject({ moderate: true });

    const outside = await can(elsewhere);
    expect(outside).toMatchObject({ submit: false, comment: false, reasons: [{ key: "eligibility.noAffiliation" }] });
    const refused = await failure(domain.entries.submit(elsewhere, round.id, proposalInput(ref.categories.transport.id)));
    expect(refused.messageKey).toBe(outside.reasons[0]!.key);
    expect(refused.params).toEqual(outside.reasons[0]!.params);

    expect(await can(suspended)).toMatchObject({ submit: false, comment: false, reasons: [{ key: "errors.suspended" }] });
    expect((await failure(domain.comments.post(suspended, { roundId: round.id, body: "정지 중의 의견" }))).messageKey).toBe(
      "errors.suspended",
    );

    // A locked debate closes commenting, and only that.
    await domain.moderation.lock(moderator, { roundId: round.id }, true, "과열");
    const locked = await domain.rounds.get(resident, round.id);
    expect(await domain.rounds.viewerCan(resident, locked)).toMatchObject({ submit: true, comment: false, reasons: [] });
    expect((await failure(domain.comments.post(resident, { roundId: round.id, body: "잠긴 뒤의 의견" }))).messageKey).toBe(
      "debate.errors.locked",
    );
    await domain.moderation.lock(moderator, { roundId: round.id }, false);

    // In the review phase: officers with a department review, the committee scores, citizens comment.
    const reviewPhase = round.phases.find((p) => p.allows.includes("REVIEW"))!;
    const reviewing = await domain.rounds.override(moderator, {
      roundId: round.id,
      target: reviewPhase.id,
      reason: "검토 단계로 넘어갑니다",
    });
    const officer = await createUser(db.prisma, { roles: ["OFFICER"], departmentId: ref.department.id });
    const committee = await createUser(db.prisma, { roles: ["COMMITTEE"] });
    expect(await domain.rounds.viewerCan(officer, reviewing)).toMatchObject({ review: true, score: false });
    expect(await domain.rounds.viewerCan(committee, reviewing)).toMatchObject({ review: false, score: true });
    expect(await domain.rounds.viewerCan(resident, reviewing)).toEqual({
      submit: false,
      comment: true,
      vote: false,
      score: false,
      review: false,
      moderate: false,
      reasons: [],
    });
    expect((await failure(domain.entries.submit(resident, round.id, proposalInput(ref.categories.transport.id)))).messageKey).toBe(
      "rounds.errors.phaseDisallows",
    );
  });
});
