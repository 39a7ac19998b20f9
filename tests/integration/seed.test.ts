import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/domain/db.ts";
import { createDomain } from "../../app/platform/compose.server.ts";
import { DEMO_PASSWORD, demoAnchor, seedDemoCity } from "../../prisma/seed.ts";
import * as data from "../../prisma/seed-data.ts";
import { createTestDatabase, type TestDatabase } from "../setup/test-database.ts";

// Playing the city through the domain takes a while on PGlite, on a busy machine longer.
const SEED_TIMEOUT = 300_000;
const anchor = demoAnchor();

let db: TestDatabase;
/** The city as the first seed left it, before the tests below sign in and read. */
let seeded: Record<string, string[]>;
beforeAll(async () => {
  db = await createTestDatabase();
}, SEED_TIMEOUT);
afterAll(async () => {
  await db?.drop();
});

/**
 * Every table's rows, sorted, without what is not the story's to decide: salted password
 * hashes, random verification-attempt ids, and timestamps the database or Prisma take from
 * the wall clock rather than the domain's clock (AuditLog.createdAt, every @updatedAt).
 */
const VOLATILE: Record<string, string[]> = {
  User: ["passwordHash"],
  VerificationAttempt: ["id"],
  AuditLog: ["createdAt"],
  CitySetting: ["updatedAt"],
  Proposal: ["updatedAt"],
  Round: ["updatedAt"],
};
async function dump(prisma: PrismaClient) {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `select table_name::text as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations' order by 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(`select to_jsonb(t) as row from "${name}" t`);
    out[name] = rows
      .map(({ row }) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(row)
              .filter(([column]) => !VOLATILE[name]?.includes(column))
              .sort(([a], [b]) => a.localeCompare(b)),
          ),
        ),
      )
      .sort();
  }
  return out;
}

describe("demo city seed", () => {
  it(
    "seeds Gunsan once and changes nothing when run again",
    async () => {
      expect(await seedDemoCity(db.prisma, anchor)).toBe(true);
      seeded = await dump(db.prisma);
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
      expect(first).toMatchObject({ districts: 27, departments: 12, categories: 13, proposals: 31 }); // 30 on the board, 1 submitted into a round
      const staff = await db.prisma.user.count({ where: { email: { endsWith: "@staff.madang" } } });
      expect(first.users - staff).toBe(data.demoAccounts.length + 80);
      expect(await db.prisma.identityVerification.count()).toBe(first.users - staff); // every seeded citizen is verified
      expect(first.supports).toBeGreaterThan(500);
      expect(first.comments).toBeGreaterThan(50);
      expect(first).toMatchObject({ rounds: 2, entries: 8 });

      expect(await seedDemoCity(db.prisma, anchor)).toBe(false);
      expect(await counts()).toEqual(first);
    },
    SEED_TIMEOUT,
  );

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

  it("plays each proposal's life through the lifecycle, all of it before the demo's now", async () => {
    const domain = createDomain({ prisma: db.prisma });
    const completed = await db.prisma.proposal.findFirstOrThrow({ where: { status: "COMPLETED" }, orderBy: { id: "asc" } });
    const detail = await domain.proposals.get(null, completed.id);
    expect(detail.timeline.map((t) => t.status)).toEqual([
      "SCREENING",
      "OPEN",
      "THRESHOLD_REACHED",
      "ASSIGNED",
      "ANSWERED",
      "IN_PROGRESS",
      "COMPLETED",
    ]);
    const times = detail.timeline.map((t) => t.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(detail.answers).toMatchObject([{ kind: "FINAL", outcome: "ADOPTED" }]);
    expect(detail.milestones.every((m) => m.completedAt !== null)).toBe(true);

    // Expired ones ran out of time below the threshold; the rejected one never opened for 공감.
    const expired = await db.prisma.proposal.findMany({
      where: { status: "EXPIRED" },
      select: {
        closesAt: true,
        statusEvents: { where: { status: "EXPIRED" }, select: { createdAt: true } },
        _count: { select: { supports: true } },
      },
    });
    for (const p of expired) {
      expect(p.statusEvents[0]!.createdAt).toEqual(p.closesAt);
      expect(p._count.supports).toBeLessThan(50);
    }
    expect(await db.prisma.support.count({ where: { proposal: { status: { in: ["REJECTED", "SCREENING"] } } } })).toBe(0);

    // Every resident's registered address has a move-in date, so residence-length rules apply.
    const residences = await db.prisma.affiliation.findMany({
      where: { kind: "RESIDENT" },
      select: { since: true, source: true, status: true },
    });
    expect(residences.length).toBe(data.demoAccounts.length + 80);
    expect(residences.every((r) => r.since !== null && r.source === "PROVIDER" && r.status === "CONFIRMED")).toBe(true);

    // The story ends at the anchor: nothing it recorded is later.
    const latest = await Promise.all([
      db.prisma.support.aggregate({ _max: { createdAt: true } }),
      db.prisma.comment.aggregate({ _max: { createdAt: true } }),
      db.prisma.notification.aggregate({ _max: { createdAt: true } }),
      db.prisma.proposalStatusEvent.aggregate({ _max: { createdAt: true } }),
    ]);
    for (const l of latest) expect(l._max.createdAt!.getTime()).toBeLessThanOrEqual(anchor.getTime());
  });

  it(
    "is all or nothing, and the same city every time: after a crash a rerun plays it again, identical",
    async () => {
      const other = await createTestDatabase();
      try {
        // A crash in the middle of the story (at the first comment, after the first 공감) rolls everything back, reference data included.
        const crashing = other.prisma.$extends({
          query: {
            comment: {
              create() {
                throw new Error("simulated crash");
              },
            },
          },
        }) as unknown as PrismaClient;
        await expect(seedDemoCity(crashing, anchor)).rejects.toThrow("simulated crash");
        expect({
          cities: await other.prisma.citySetting.count(),
          users: await other.prisma.user.count(),
          proposals: await other.prisma.proposal.count(),
        }).toEqual({
          cities: 0,
          users: 0,
          proposals: 0,
        });

        expect(await seedDemoCity(other.prisma, anchor)).toBe(true);
        const replayed = await dump(other.prisma);
        expect(Object.keys(replayed)).toEqual(Object.keys(seeded));
        for (const [table, rows] of Object.entries(seeded)) expect(replayed[table], table).toEqual(rows);
      } finally {
        await other.drop();
      }
    },
    SEED_TIMEOUT,
  );
});
