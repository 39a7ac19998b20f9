import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomain } from "../../app/domain/index.server.ts";
import { DEMO_PASSWORD, seedDemoCity } from "../../prisma/seed.ts";
import * as data from "../../prisma/seed-data.ts";
import { createTestDatabase, type TestDatabase } from "../setup/test-database.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe("demo city seed", () => {
  it("seeds Gunsan once and changes nothing when run again", async () => {
    expect(await seedDemoCity(db.prisma)).toBe(true);
    const counts = async () => ({
      districts: await db.prisma.district.count(),
      departments: await db.prisma.department.count(),
      categories: await db.prisma.category.count(),
      users: await db.prisma.user.count(),
      proposals: await db.prisma.proposal.count(),
      supports: await db.prisma.support.count(),
      comments: await db.prisma.comment.count(),
      rounds: await db.prisma.round.count(),
      entries: await db.prisma.roundEntry.count(),
    });
    const first = await counts();
    expect(first).toMatchObject({ districts: 27, categories: 13, proposals: 31 }); // 30 on the board, 1 submitted into a round
    expect(first.departments).toBeGreaterThanOrEqual(10);
    const staff = await db.prisma.user.count({ where: { email: { endsWith: "@staff.madang" } } });
    expect(await db.prisma.identityVerification.count()).toBe(first.users - staff); // every seeded citizen is verified
    expect(first.supports).toBeGreaterThan(500);
    expect(first.comments).toBeGreaterThan(50);

    expect(first).toMatchObject({ rounds: 2, entries: 8 });

    expect(await seedDemoCity(db.prisma)).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it("spreads proposals over districts and statuses, with the demo accounts able to sign in", async () => {
    const domain = createDomain({ prisma: db.prisma });
    const districts = await db.prisma.proposal.groupBy({ by: ["districtId"], _count: true });
    expect(districts.length).toBeGreaterThan(15);
    const statuses = await db.prisma.proposal.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(
      ["ANSWERED", "ASSIGNED", "COMPLETED", "EXPIRED", "IN_PROGRESS", "OPEN", "REJECTED", "SCREENING", "THRESHOLD_REACHED"].sort(),
    );
    const names = (await db.prisma.district.findMany({ orderBy: { sortOrder: "asc" } })).map((d) => d.name);
    expect(names.slice(0, 3)).toEqual(["옥구읍", "옥산면", "회현면"]);
    expect(names).toContain("나운3동");

    // The demo rounds: a participatory budget taking proposals, a contest in review for the demo officer and committee.
    const rounds = await domain.rounds.list(null);
    expect(rounds.map((r) => [r.kind, r.currentPhase?.allows])).toEqual(
      expect.arrayContaining([
        ["PARTICIPATORY_BUDGET", ["SUBMIT", "COMMENT"]],
        ["CONTEST", ["REVIEW", "COMMENT"]],
      ]),
    );

    // Every demo account logs in with the shared demo password and has its role.
    for (const account of data.demoAccounts) {
      const { sessionId } = await domain.accounts.logIn({ email: account.email, password: DEMO_PASSWORD }, { ip: "seed-test" });
      const viewer = await domain.sessions.viewerForSession(sessionId);
      expect(viewer).toMatchObject({ displayName: account.displayName, verified: true });
      expect(viewer!.roles).toContain(account.role);
      expect((await domain.eligibility.check(viewer!)).eligible).toBe(true);
    }
    // Published tallies equal a recount from rows.
    const page = await domain.proposals.list(null, { limit: 50 });
    for (const p of page.items) {
      expect(p.supportCount).toBe(await db.prisma.support.count({ where: { proposalId: p.id } }));
    }
  });
});
