import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { postgresError } from "../db.ts";
import { AppError } from "../errors.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
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

describe("roles", () => {
  it("are granted and removed by admins only, officers with a department, all audit-logged", async () => {
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const person = await createUser(db.prisma);
    expect((await failure(domain.admin.assignRole(moderator, { userId: person.id, role: "MODERATOR" }))).code).toBe("FORBIDDEN");
    expect((await failure(domain.admin.assignRole(null, { userId: person.id, role: "MODERATOR" }))).code).toBe("UNAUTHENTICATED");
    const noDept = await failure(domain.admin.assignRole(admin, { userId: person.id, role: "OFFICER" }));
    expect(noDept.issues).toEqual([{ path: "departmentId", key: "validation.departmentRequired" }]);
    expect((await failure(domain.admin.assignRole(admin, { userId: person.id, role: "KING" }))).code).toBe("VALIDATION");

    await domain.admin.assignRole(admin, {
      userId: person.id,
      role: "OFFICER",
      departmentId: String(ref.department.id),
      reason: "교통행정과 발령",
    });
    const session = await domain.sessions.create(person.id);
    expect(await domain.sessions.viewerForSession(session.sessionId)).toMatchObject({
      roles: ["CITIZEN", "OFFICER"],
      departmentId: ref.department.id,
    });
    await domain.admin.removeRole(admin, { userId: person.id, role: "OFFICER" });
    expect((await domain.sessions.viewerForSession(session.sessionId))!.roles).toEqual(["CITIZEN"]);
    expect((await failure(domain.admin.removeRole(admin, { userId: person.id, role: "OFFICER" }))).code).toBe("NOT_FOUND");
    expect((await failure(domain.admin.removeRole(admin, { userId: admin.id, role: "ADMIN" }))).messageKey).toBe(
      "errors.cannotRemoveOwnAdmin",
    );

    const actions = await db.prisma.auditLog.findMany({ where: { targetId: String(person.id) }, orderBy: { id: "asc" } });
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ["role.assigned", admin.id],
      ["role.removed", admin.id],
    ]);
    expect(actions[0]!.reason).toBe("교통행정과 발령");
  });
});

describe("suspension", () => {
  it("stops a person from participating until lifted, with the reason recorded", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const person = await createUser(db.prisma);
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    expect((await failure(domain.admin.suspendUser(moderator, { userId: person.id, days: 7 }))).issues[0]!.key).toBe("validation.required");
    await domain.admin.suspendUser(moderator, { userId: person.id, days: 7, reason: "반복된 욕설" });
    const session = await domain.sessions.create(person.id);
    const suspended = (await domain.sessions.viewerForSession(session.sessionId))!;
    expect(suspended.suspended).toBe(true);
    expect((await failure(domain.proposals.support(suspended, proposal.id))).messageKey).toBe("errors.suspended");
    expect((await failure(domain.proposals.create(suspended, proposalInput(ref.categories.transport.id)))).messageKey).toBe(
      "errors.suspended",
    );

    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    expect((await failure(domain.admin.suspendUser(moderator, { userId: admin.id, reason: "권한 남용" }))).code).toBe("FORBIDDEN");
    expect((await failure(domain.admin.suspendUser(moderator, { userId: moderator.id, reason: "자기 정지" }))).code).toBe("CONFLICT");

    await domain.admin.unsuspendUser(moderator, { userId: person.id });
    expect((await domain.sessions.viewerForSession(session.sessionId))!.suspended).toBe(false);
    expect(
      await db.prisma.auditLog.count({ where: { targetId: String(person.id), action: { in: ["user.suspended", "user.unsuspended"] } } }),
    ).toBe(2);
  });
});

describe("city settings", () => {
  it("change thresholds and eligibility defaults, and reject nonsense", async () => {
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const current = await domain.admin.citySettings(admin);
    const bad = await failure(domain.admin.updateCitySettings(admin, { ...current, supportThreshold: 0, eligibility: { minAge: -3 } }));
    expect(bad.issues.map((i) => i.path).sort()).toEqual(["eligibility.minAge", "supportThreshold"]);
    await domain.admin.updateCitySettings(admin, {
      ...current,
      supportThreshold: "100",
      eligibility: { ...current.eligibility, minAge: 19 },
    });
    expect((await domain.catalog.city()).supportThreshold).toBe(100);
    const young = await createUser(db.prisma, { birthDate: "2010-01-01" });
    const reasons = await domain.eligibility.explain(young);
    expect(reasons.reasons.map((r) => r.key)).toEqual(["eligibility.tooYoungGuardian"]);
    expect((await failure(domain.admin.updateCitySettings(await createUser(db.prisma, { roles: ["MODERATOR"] }), current))).code).toBe(
      "FORBIDDEN",
    );
    await domain.admin.updateCitySettings(admin, current);
  });

  it("save a youth age band and a residence period as city defaults, and refuse a band upside down", async () => {
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const current = await domain.admin.citySettings(admin);
    const before = await db.prisma.citySetting.findUniqueOrThrow({ where: { id: 1 } });
    const upsideDown = await failure(
      domain.admin.updateCitySettings(admin, { ...current, eligibility: { ...current.eligibility, minAge: 20, maxAge: 19 } }),
    );
    expect(upsideDown.issues).toEqual([{ path: "eligibility.maxAge", key: "validation.maxAgeBelowMinAge" }]);
    expect(await db.prisma.citySetting.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
    const affiliation = { ...current.eligibility.affiliation!, minResidenceMonths: 12 };
    await domain.admin.updateCitySettings(admin, {
      ...current,
      eligibility: { ...current.eligibility, minAge: 14, maxAge: 24, affiliation },
    });
    expect((await domain.admin.citySettings(admin)).eligibility).toMatchObject({
      minAge: 14,
      maxAge: 24,
      affiliation: { minResidenceMonths: 12 },
    });
    const older = await createUser(db.prisma, { birthDate: "1980-01-01" }); // the factory's residence has no move-in date
    expect((await domain.eligibility.explain(older)).reasons.map((r) => r.key)).toEqual([
      "eligibility.tooOld",
      "eligibility.residenceUnknown",
    ]);
    await domain.admin.updateCitySettings(admin, current);
  });

  it("manage departments and districts", async () => {
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const created = await domain.admin.saveDepartment(admin, { code: "welfare", name: "복지정책과", nameEn: "Welfare Policy" });
    expect((await failure(domain.admin.saveDepartment(admin, { code: "welfare", name: "복지과", nameEn: "Welfare" }))).issues[0]!.key).toBe(
      "validation.codeTaken",
    );
    await domain.admin.saveDepartment(admin, {
      departmentId: created.id,
      code: "welfare",
      name: "복지정책과(개편)",
      nameEn: "Welfare Policy",
    });
    await domain.admin.updateDistrict(admin, { districtId: ref.districts.okgu.id, name: "옥구읍", nameEn: "Okgu-eup (Gunsan)" });
    expect((await domain.catalog.districts()).find((d) => d.id === ref.districts.okgu.id)!.nameEn).toBe("Okgu-eup (Gunsan)");
  });
});

describe("audit log", () => {
  it("is readable by admins only and cannot be changed, even with direct SQL", async () => {
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const page = await domain.audit.list(admin, { action: "role." });
    expect(page.items.every((i) => i.action.startsWith("role."))).toBe(true);
    expect((await failure(domain.audit.list(await createUser(db.prisma, { roles: ["MODERATOR"] })))).code).toBe("FORBIDDEN");
    const refusal = (sql: string) =>
      db.prisma.$executeRawUnsafe(sql).then(
        () => "allowed",
        (e) => postgresError(e)?.message,
      );
    expect(await db.prisma.auditLog.count()).toBeGreaterThan(0);
    expect(await refusal(`UPDATE "AuditLog" SET "action" = 'forged'`)).toBe("AuditLog is append-only");
    expect(await refusal(`DELETE FROM "AuditLog"`)).toBe("AuditLog is append-only");
  });
});
