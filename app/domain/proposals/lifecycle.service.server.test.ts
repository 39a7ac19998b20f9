import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/database.server.ts";
import { createMemoryMailer } from "../../platform/mail.server.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { AppError } from "../errors.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let now = new Date("2026-11-02T00:00:00Z");
const clock = { now: () => now };
const DAY = 24 * 3600 * 1000;
const mailer = createMemoryMailer();

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock, mailer });
  ref = await createReferenceData(db.prisma, { threshold: 3, screening: true });
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

const timeline = async (id: number) => (await domain.proposals.get(null, id)).timeline.map((t) => t.status);

describe("the proposal lifecycle", () => {
  it("walks from screening to completion, with every stage on the public timeline and notified", async () => {
    const author = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const officer = await createUser(db.prisma, { roles: ["OFFICER"], departmentId: ref.department.id });
    const otherDept = await db.prisma.department.create({ data: { code: "welfare", name: "복지정책과", nameEn: "Welfare", sortOrder: 2 } });
    const otherOfficer = await createUser(db.prisma, { roles: ["OFFICER"], departmentId: otherDept.id });

    const created = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    expect(created.status).toBe("SCREENING");
    expect((await domain.proposals.list(null, {})).items.map((p) => p.id)).not.toContain(created.id); // not public yet
    await expect(domain.proposals.get(null, created.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await failure(domain.lifecycle.screen(author, { proposalId: created.id, decision: "OPEN" }))).code).toBe("FORBIDDEN");
    expect((await domain.lifecycle.screeningQueue(moderator)).screening.map((p) => p.id)).toContain(created.id);

    now = new Date(now.getTime() + DAY);
    await domain.lifecycle.screen(moderator, { proposalId: created.id, decision: "OPEN" });
    const opened = await domain.proposals.get(null, created.id);
    expect(opened.status).toBe("OPEN");
    expect(opened.closesAt.getTime() - now.getTime()).toBe(30 * DAY); // the window starts when it opens

    const supporters = [await createUser(db.prisma), await createUser(db.prisma), await createUser(db.prisma)];
    for (const s of supporters) await domain.proposals.support(s, created.id);
    expect((await domain.proposals.get(null, created.id)).status).toBe("THRESHOLD_REACHED");

    expect((await failure(domain.lifecycle.assign(officer, { proposalId: created.id, departmentId: ref.department.id }))).code).toBe(
      "FORBIDDEN",
    );
    await domain.lifecycle.assign(moderator, { proposalId: created.id, departmentId: otherDept.id, note: "복지 분야로 판단" });
    // The first department sends it on to the right one.
    await domain.lifecycle.assign(otherOfficer, { proposalId: created.id, departmentId: ref.department.id, note: "교통 소관" });
    const assigned = await db.prisma.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(assigned.departmentId).toBe(ref.department.id);
    expect(assigned.answerDueAt!.getTime() - now.getTime()).toBe(30 * DAY);

    expect(
      (
        await failure(
          domain.lifecycle.answer(otherOfficer, {
            proposalId: created.id,
            kind: "INTERIM",
            body: "검토 중입니다. 다음 달에 답하겠습니다.",
          }),
        )
      ).messageKey,
    ).toBe("errors.notYourDepartment");
    await domain.lifecycle.answer(officer, {
      proposalId: created.id,
      kind: "INTERIM",
      body: "현장 조사를 하고 있습니다. 다음 달에 최종 답변드리겠습니다.",
    });
    const noOutcome = await failure(
      domain.lifecycle.answer(officer, { proposalId: created.id, kind: "FINAL", body: "채택합니다. 내년 본예산에 반영합니다." }),
    );
    expect(noOutcome.issues).toEqual([{ path: "outcome", key: "validation.outcomeRequired" }]);
    await domain.lifecycle.answer(officer, {
      proposalId: created.id,
      kind: "FINAL",
      outcome: "ADOPTED",
      body: "채택합니다. 내년 본예산에 반영합니다.",
    });
    expect(
      (await failure(domain.lifecycle.answer(officer, { proposalId: created.id, kind: "INTERIM", body: "또 다른 중간 답변입니다." }))).code,
    ).toBe("CONFLICT");

    await domain.lifecycle.addMilestone(officer, { proposalId: created.id, title: "실시설계", dueAt: "2027-03-31" });
    await domain.lifecycle.addMilestone(officer, { proposalId: created.id, title: "공사 완료" });
    const milestones = await db.prisma.milestone.findMany({ where: { proposalId: created.id }, orderBy: { id: "asc" } });
    expect((await domain.lifecycle.completeMilestone(officer, milestones[0]!.id)).completed).toBe(false);
    expect((await domain.lifecycle.completeMilestone(officer, milestones[1]!.id)).completed).toBe(true);

    expect(await timeline(created.id)).toEqual([
      "SCREENING",
      "OPEN",
      "THRESHOLD_REACHED",
      "ASSIGNED",
      "ASSIGNED",
      "ANSWERED",
      "IN_PROGRESS",
      "COMPLETED",
    ]);
    const detail = await domain.proposals.get(null, created.id);
    expect(detail.answers.map((a) => [a.kind, a.outcome, a.department.name])).toEqual([
      ["INTERIM", null, "교통행정과"],
      ["FINAL", "ADOPTED", "교통행정과"],
    ]);
    expect(detail.milestones.every((m) => m.completedAt !== null)).toBe(true);

    // The proposer and every supporter heard about each stage.
    const authorNotices = await domain.notifications.list(author, { limit: 50 });
    expect(authorNotices.items.map((n) => n.messageKey).reverse()).toEqual([
      "notice.screened.OPEN",
      "notice.thresholdReached",
      "notice.assigned",
      "notice.assigned",
      "notice.interimAnswer",
      "notice.answered.ADOPTED",
      "notice.milestoneAdded",
      "notice.milestoneAdded",
      "notice.milestoneDone",
      "notice.completed",
    ]);
    const supporterNotices = await domain.notifications.list(supporters[0]!);
    expect(supporterNotices.items.map((n) => n.messageKey)).toContain("notice.answered.ADOPTED");
    expect(await domain.notifications.markRead(author, {})).toBe(0);
  });

  it("rejects with a reason or redirects everyday complaints, and they never open", async () => {
    const author = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const complaint = await domain.proposals.create(author, {
      ...proposalInput(ref.categories.transport.id),
      title: "우리 집 앞 가로등이 고장 났어요",
    });
    const noReason = await failure(domain.lifecycle.screen(moderator, { proposalId: complaint.id, decision: "REDIRECTED" }));
    expect(noReason.issues).toEqual([{ path: "reason", key: "validation.reasonRequired" }]);
    await domain.lifecycle.screen(moderator, {
      proposalId: complaint.id,
      decision: "REDIRECTED",
      reason: "고장 신고는 민원 창구(120)에서 처리합니다.",
    });
    expect((await domain.proposals.get(author, complaint.id)).timeline.at(-1)).toMatchObject({
      status: "REDIRECTED",
      note: "고장 신고는 민원 창구(120)에서 처리합니다.",
    });
    expect((await failure(domain.lifecycle.screen(moderator, { proposalId: complaint.id, decision: "OPEN" }))).messageKey).toBe(
      "errors.wrongStage",
    );
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.screened", targetId: String(complaint.id) } })).toBe(1);
  });
});

describe("the deadline scheduler", () => {
  it("expires windows and flags overdue answers once, whoever runs it, and survives a restart", async () => {
    const author = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const lonely = await domain.proposals.create(author, proposalInput(ref.categories.environment.id));
    await domain.lifecycle.screen(moderator, { proposalId: lonely.id, decision: "OPEN" });
    const popular = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    await domain.lifecycle.screen(moderator, { proposalId: popular.id, decision: "OPEN" });
    for (let i = 0; i < 3; i++) await domain.proposals.support(await createUser(db.prisma), popular.id);
    await domain.lifecycle.assign(moderator, { proposalId: popular.id, departmentId: ref.department.id });

    const start = now;
    try {
      now = new Date(start.getTime() + 31 * DAY);
      const first = await domain.scheduler.runOnce("node-a");
      expect(first.ran).toBe(true);
      expect(first.expired).toContain(lonely.id);
      expect(first.overdue).toContain(popular.id);
      // The same interval on another node: the lease is taken, nothing runs twice.
      expect((await domain.scheduler.runOnce("node-b")).ran).toBe(false);
      // Next interval (or after a restart): it runs again and finds nothing left to do.
      now = new Date(now.getTime() + 61_000);
      const again = await domain.scheduler.runOnce("node-b");
      expect(again).toMatchObject({ ran: true, expired: [], overdue: [] });
      expect((await domain.proposals.get(null, lonely.id)).status).toBe("EXPIRED");
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: popular.id } })).answerOverdueAt).not.toBeNull();
      expect((await domain.notifications.list(author)).items.map((n) => n.messageKey)).toEqual(
        expect.arrayContaining(["notice.expired", "notice.answerOverdue"]),
      );
    } finally {
      now = start;
    }
  });

  it.skipIf(!testPostgresUrl)("runs once when two nodes on PostgreSQL try at the same moment", async () => {
    const nodes: Database[] = [];
    try {
      for (let i = 0; i < 2; i++) nodes.push(await openDatabase({ kind: "postgres", url: db.url! }));
      const later = new Date(now.getTime() + 400 * DAY);
      const domains = nodes.map((n) => createDomain({ prisma: n.prisma, clock: { now: () => later } }));
      const results = await Promise.all(domains.map((d, i) => d.scheduler.runOnce(`pg-node-${i}`)));
      expect(results.filter((r) => r.ran)).toHaveLength(1);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });
});

describe("support tiers", () => {
  it("reach their consequence once and tell followers", async () => {
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { supportTiers: [{ threshold: 4, consequence: "FORUM" }] } });
    // Written around the domain: tell its cache, as the admin service does.
    domain.events.publish("settings.changed", {});
    try {
      const author = await createUser(db.prisma);
      const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
      const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
      await domain.lifecycle.screen(moderator, { proposalId: proposal.id, decision: "OPEN" });
      const people = [];
      for (let i = 0; i < 4; i++) people.push(await createUser(db.prisma));
      for (const p of people) await domain.proposals.support(p, proposal.id);
      await domain.proposals.withdrawSupport(people[3]!, proposal.id);
      await domain.proposals.support(people[3]!, proposal.id);
      expect(
        await db.prisma.proposalTierReached.findMany({
          where: { proposalId: proposal.id },
          select: { threshold: true, consequence: true },
        }),
      ).toEqual([{ threshold: 4, consequence: "FORUM" }]);
      expect((await domain.notifications.list(author)).items.filter((n) => n.messageKey === "notice.tierReached")).toHaveLength(1);
    } finally {
      await db.prisma.citySetting.update({ where: { id: 1 }, data: { supportTiers: [] } });
      domain.events.publish("settings.changed", {});
    }
  });
});

describe("drafts", () => {
  it("stay private to their author until submitted, then go to screening", async () => {
    const author = await createUser(db.prisma);
    const other = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const draft = await domain.proposals.create(author, proposalInput(ref.categories.transport.id), { draft: true });
    expect(draft.status).toBe("DRAFT");
    expect(draft.editable).toBe(true);
    for (const viewer of [null, other, moderator]) {
      await expect(domain.proposals.get(viewer, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await domain.proposals.list(other, { status: "DRAFT" })).items).toEqual([]);
    expect((await domain.proposals.list(other, { status: "SCREENING" })).items).toEqual([]);
    expect((await domain.proposals.mine(author)).map((p) => p.id)).toContain(draft.id);
    expect((await failure(domain.proposals.submitDraft(other, draft.id))).code).toBe("NOT_FOUND");
    const unverified = await createUser(db.prisma, { verified: false });
    const theirs = await domain.proposals.create(unverified, proposalInput(ref.categories.transport.id), { draft: true });
    expect((await failure(domain.proposals.submitDraft(unverified, theirs.id))).messageKey).toBe("eligibility.notVerified");

    const submitted = await domain.proposals.submitDraft(author, draft.id);
    expect(submitted.status).toBe("SCREENING");
    expect(submitted.timeline.map((t) => t.status)).toEqual(["DRAFT", "SCREENING"]);
    expect((await failure(domain.proposals.submitDraft(author, draft.id))).messageKey).toBe("errors.wrongStage");
  });
});

describe("city settings for the board", () => {
  it("change screening, the answer deadline and the tiers, and refuse nonsense", async () => {
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const current = await domain.admin.citySettings(admin);
    const bad = await failure(
      domain.admin.updateCitySettings(admin, {
        ...current,
        answerDeadlineDays: 0,
        supportTiers: [{ threshold: 100, consequence: "PARADE" }],
      }),
    );
    expect(bad.issues.map((i) => i.path).sort()).toEqual(["answerDeadlineDays", "supportTiers.0.consequence"]);
    await domain.admin.updateCitySettings(admin, {
      ...current,
      screeningRequired: false,
      answerDeadlineDays: 14,
      supportTiers: [{ threshold: 100, consequence: "FORUM" }],
    });
    expect(await domain.admin.citySettings(admin)).toMatchObject({
      screeningRequired: false,
      answerDeadlineDays: 14,
      supportTiers: [{ threshold: 100, consequence: "FORUM" }],
    });
    const opened = await domain.proposals.create(await createUser(db.prisma), proposalInput(ref.categories.transport.id));
    expect(opened.status).toBe("OPEN");
    await domain.admin.updateCitySettings(admin, current);
  });
});
