// Rounds on a real database with a controllable clock: the schedule moves the phase by itself
// (on action and from the scheduler), moderators override forward with a reason, each change
// is recorded, audit-logged and published, and the rules lock once voting begins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import type { DomainEvents } from "../events.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import type { Viewer } from "../viewer.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let now = new Date("2027-03-01T00:00:00Z");
const clock = { now: () => now };
const DAY = 24 * 3600 * 1000;
const later = (days: number) => (now = new Date(now.getTime() + days * DAY));
let moderator: NonNullable<Viewer>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  ref = await createReferenceData(db.prisma);
  moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
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

describe("creating rounds", () => {
  it("lets moderators create a draft with phases, pots and the default rubric; citizens cannot", async () => {
    const citizen = await createUser(db.prisma);
    expect((await failure(domain.rounds.create(citizen, roundInput(now)))).code).toBe("FORBIDDEN");
    expect((await failure(domain.rounds.create(null, roundInput(now)))).code).toBe("UNAUTHENTICATED");

    const round = await domain.rounds.create(
      moderator,
      roundInput(later(1), { pots: [{ districtId: ref.districts.naun.id, amountKrw: "300,000,000" }] }),
    );
    expect(round).toMatchObject({
      kind: "PARTICIPATORY_BUDGET",
      published: false,
      stage: "draft",
      budgetCapKrw: 1_000_000_000,
      settingsLocked: false,
    });
    expect(round.phases.map((p) => p.name)).toEqual(["제안 접수", "부서 검토", "숙의·토론", "투표", "결과 발표"]);
    expect(round.criteria.map((c) => [c.name, c.maxPoints])).toEqual([
      ["창의성", 25],
      ["주민편익", 25],
      ["경제성", 25],
      ["실현가능성", 25],
    ]);
    expect(round.pots).toEqual([{ district: expect.objectContaining({ id: ref.districts.naun.id }), amountKrw: 300_000_000 }]);
    // Drafts are the moderators' until published.
    await expect(domain.rounds.get(citizen, round.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await domain.rounds.list(null)).map((r) => r.id)).not.toContain(round.id);
    expect((await domain.rounds.list(moderator, { includeDrafts: true })).map((r) => r.id)).toContain(round.id);
  });

  it("refuses bad rules with field-level reasons and writes nothing", async () => {
    const before = await db.prisma.round.count();
    const overlapping = roundInput(now, {
      phases: [
        { name: "접수", startsAt: now, endsAt: new Date(now.getTime() + 10 * DAY), allows: ["SUBMIT"] },
        {
          name: "토론",
          startsAt: new Date(now.getTime() + 5 * DAY),
          endsAt: new Date(now.getTime() + 20 * DAY),
          allows: ["COMMENT", "FLY"],
        },
      ],
    });
    const bad = await failure(domain.rounds.create(moderator, overlapping));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.issues).toContainEqual(expect.objectContaining({ path: "phases.1.allows.1" }));

    const overlap = await failure(
      domain.rounds.create(
        moderator,
        roundInput(now, { phases: [overlapping.phases[0], { ...overlapping.phases[1], allows: ["COMMENT"] }] }),
      ),
    );
    expect(overlap).toMatchObject({ messageKey: "rounds.errors.phasesOverlap", params: { n: 2 } });

    const overCap = await failure(
      domain.rounds.create(
        moderator,
        roundInput(now, {
          budgetCapKrw: 100,
          pots: [
            { districtId: ref.districts.naun.id, amountKrw: 80 },
            { districtId: ref.districts.okgu.id, amountKrw: 80 },
          ],
        }),
      ),
    );
    expect(overCap.messageKey).toBe("rounds.errors.potsOverCap");
    const potsInContest = await failure(
      domain.rounds.create(moderator, roundInput(now, { kind: "CONTEST", pots: [{ districtId: ref.districts.naun.id, amountKrw: 1 }] })),
    );
    expect(potsInContest.messageKey).toBe("rounds.errors.potsOnlyForBudget");
    const badEligibility = await failure(
      domain.rounds.create(moderator, roundInput(now, { eligibility: { minAge: 14, favouriteColour: "blue" } })),
    );
    expect(badEligibility.code).toBe("VALIDATION");
    const noPhases = await failure(domain.rounds.create(moderator, roundInput(now, { phases: [] })));
    expect(noPhases.issues).toContainEqual({ path: "phases", key: "rounds.errors.noPhases" });
    const blankId = await failure(domain.entries.add(moderator, { roundId: 1, proposalId: "" }));
    expect(blankId.issues).toContainEqual({ path: "proposalId", key: "validation.required" });
    expect(await db.prisma.round.count()).toBe(before);
  });
});

describe("the phase machine on a real round", () => {
  it("moves by the schedule on its own, records each change, audit-logs it and publishes it", async () => {
    const start = new Date(now.getTime() + DAY);
    const round = await domain.rounds.create(moderator, roundInput(start));
    const changes: DomainEvents["round.phaseChanged"][] = [];
    const off = domain.events.subscribe("round.phaseChanged", (e) => changes.push(e));
    await domain.rounds.publish(moderator, round.id);
    expect((await domain.rounds.get(null, round.id)).stage).toBe("upcoming");

    later(1); // the first phase begins: the scheduler moves it without anyone acting
    const run = await domain.scheduler.runOnce("node-a", { ttlMs: 1 });
    expect(run.roundsMoved).toContain(round.id);
    const opened = await domain.rounds.get(null, round.id);
    expect(opened).toMatchObject({ stage: "running", currentPhase: expect.objectContaining({ name: "제안 접수" }) });
    expect(changes).toEqual([
      { roundId: round.id, phaseId: opened.currentPhase!.id, fromPhaseId: null, finished: false, cause: "SCHEDULE" },
    ]);

    // Reading also catches up with the schedule, so a change is never late for an action.
    later(21);
    expect((await domain.rounds.get(null, round.id)).currentPhase?.name).toBe("부서 검토");
    // Idempotent: a second node running the same pass changes nothing.
    now = new Date(now.getTime() + 1000);
    expect((await domain.scheduler.runOnce("node-b", { ttlMs: 1 })).roundsMoved).not.toContain(round.id);

    const history = await domain.rounds.history(null, round.id);
    expect(history.map((h) => [h.from?.name ?? null, h.to?.name ?? null, h.cause])).toEqual([
      [null, "제안 접수", "SCHEDULE"],
      ["제안 접수", "부서 검토", "SCHEDULE"],
    ]);
    const audit = await db.prisma.auditLog.findMany({ where: { targetType: "Round", targetId: String(round.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["round.created", "round.published", "round.phase.changed", "round.phase.changed"]);
    off();
  });

  it("lets a moderator move forward now with a reason, never backwards, and says what each phase allows", async () => {
    const round = await domain.rounds.create(moderator, roundInput(now));
    await domain.rounds.publish(moderator, round.id);
    const [submit, review, deliberation, vote] = (await domain.rounds.get(null, round.id)).phases;
    await expect(domain.rounds.assertPhaseAllows(round.id, "SUBMIT")).resolves.toBeUndefined();
    const noReview = await failure(domain.rounds.assertPhaseAllows(round.id, "REVIEW"));
    expect(noReview).toMatchObject({
      code: "CONFLICT",
      messageKey: "rounds.errors.phaseDisallows",
      params: { action: "@rounds.action.REVIEW", phase: { ko: "제안 접수", en: "Call for proposals" } },
    });

    const citizen = await createUser(db.prisma);
    expect((await failure(domain.rounds.override(citizen, { roundId: round.id, target: review!.id, reason: "조기 마감" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(domain.rounds.override(moderator, { roundId: round.id, target: review!.id, reason: "" }))).issues[0]?.key).toBe(
      "validation.reasonRequired",
    );

    const moved = await domain.rounds.override(moderator, {
      roundId: round.id,
      target: deliberation!.id,
      reason: "접수 조기 마감, 검토 생략",
    });
    expect(moved.currentPhase?.id).toBe(deliberation!.id);
    expect(moved.phases.find((p) => p.id === submit!.id)!.endsAt).toEqual(now);
    await expect(domain.rounds.assertPhaseAllows(round.id, "COMMENT")).resolves.toBeUndefined();
    expect((await failure(domain.rounds.assertPhaseAllows(round.id, "SUBMIT"))).messageKey).toBe("rounds.errors.phaseDisallows");
    expect(
      (await failure(domain.rounds.override(moderator, { roundId: round.id, target: submit!.id, reason: "다시 접수" }))).messageKey,
    ).toBe("rounds.errors.overrideBackwards");

    const history = await domain.rounds.history(null, round.id);
    expect(history.at(-1)).toMatchObject({
      from: expect.objectContaining({ id: submit!.id }),
      to: expect.objectContaining({ id: deliberation!.id }),
      cause: "OVERRIDE",
      reason: "접수 조기 마감, 검토 생략",
    });
    const audit = await db.prisma.auditLog.findFirst({ where: { action: "round.phase.overridden", targetId: String(round.id) } });
    expect(audit).toMatchObject({ actorId: moderator.id, reason: "접수 조기 마감, 검토 생략" });

    // The schedule keeps running after an override: deliberation ends on its planned date.
    later(50); // deliberation was planned for days 35–49, voting for days 49–56
    expect((await domain.rounds.get(null, round.id)).currentPhase?.id).toBe(vote!.id);
  });

  it("locks the round's settings once a voting phase has begun, but still lets it move on", async () => {
    const round = await domain.rounds.create(moderator, roundInput(now));
    await domain.rounds.publish(moderator, round.id);
    const input = roundInput(round.phases[0]!.startsAt, { title: "제목을 고친 라운드" });
    expect((await domain.rounds.update(moderator, round.id, input)).title).toBe("제목을 고친 라운드");

    const vote = round.phases.find((p) => p.allows.includes("VOTE"))!;
    await domain.rounds.override(moderator, { roundId: round.id, target: vote.id, reason: "투표 시작" });
    const voting = await domain.rounds.get(null, round.id);
    expect(voting.settingsLocked).toBe(true);
    expect(voting.votingStartedAt).toEqual(now);
    const locked = await failure(domain.rounds.update(moderator, round.id, { ...input, budgetCapKrw: 5 }));
    expect(locked).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.settingsLocked" });
    expect((await domain.rounds.get(null, round.id)).budgetCapKrw).toBe(1_000_000_000);

    const results = round.phases.find((p) => p.allows.includes("RESULTS"))!;
    expect((await domain.rounds.override(moderator, { roundId: round.id, target: results.id, reason: "개표 완료" })).currentPhase?.id).toBe(
      results.id,
    );
    const finished = await domain.rounds.override(moderator, { roundId: round.id, target: "finish", reason: "라운드 종료" });
    expect(finished).toMatchObject({ stage: "finished", currentPhase: null });
    expect((await failure(domain.rounds.override(moderator, { roundId: round.id, target: "finish", reason: "다시" }))).messageKey).toBe(
      "rounds.errors.roundFinished",
    );
  });

  it("keeps phase ids when the schedule is edited, and applies the new schedule at once", async () => {
    const round = await domain.rounds.create(moderator, roundInput(now));
    await domain.rounds.publish(moderator, round.id);
    const ids = round.phases.map((p) => p.id);
    // Move everything a week earlier: the round is now in its first phase's second week, same ids.
    const shifted = round.phases.map((p) => ({
      ...p,
      startsAt: new Date(p.startsAt.getTime() - 7 * DAY),
      endsAt: new Date(p.endsAt.getTime() - 7 * DAY),
    }));
    const updated = await domain.rounds.update(moderator, round.id, roundInput(now, { phases: shifted.slice(0, 3) }));
    expect(updated.phases.map((p) => p.id)).toEqual(ids.slice(0, 3));
    expect(updated.currentPhase?.id).toBe(ids[0]);
  });
});
