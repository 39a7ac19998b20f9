import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
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

async function unverifiedViewer() {
  const user = await createUser(db.prisma, { verified: false });
  const { sessionId } = await domain.sessions.create(user.id);
  return async () => (await domain.sessions.viewerForSession(sessionId))!;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (days: number) => isoDay(new Date(Date.now() - days * 24 * 60 * 60 * 1000));
const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-01`;

const person = (phone = "010-1234-5678", birthDate = "1990-03-15") => ({ name: "홍길동", phone, birthDate, districtCode: "okgu" });

describe("identity verification (development provider)", () => {
  it("verifies with the texted code, records a residence claim and nothing like a resident number", async () => {
    const viewer = await unverifiedViewer();
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    const denied = await failure(domain.proposals.support(await viewer(), proposal.id));
    expect(denied).toMatchObject({ code: "FORBIDDEN", messageKey: "eligibility.notVerified" });

    const started = await domain.identity.start(await viewer(), "dev", person());
    expect(started.devCode).toMatch(/^\d{6}$/);
    const wrong = await failure(
      domain.identity.complete(await viewer(), started.attemptId, { code: started.devCode === "000000" ? "111111" : "000000" }),
    );
    expect(wrong.messageKey).toBe("errors.wrongCode");
    await domain.identity.complete(await viewer(), started.attemptId, { code: started.devCode });

    const me = await viewer();
    expect(me.verified).toBe(true);
    const stored = await db.prisma.identityVerification.findUniqueOrThrow({ where: { userId: me.id } });
    expect(stored.diHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.birthYear).toBe(1990);
    expect(JSON.stringify(stored)).not.toContain("5678");
    expect(
      await db.prisma.affiliation.findMany({
        where: { userId: me.id },
        select: { kind: true, districtId: true, source: true, status: true },
      }),
    ).toEqual([{ kind: "RESIDENT", districtId: ref.districts.okgu.id, source: "PROVIDER", status: "CONFIRMED" }]);
    expect((await domain.proposals.support(me, proposal.id)).supportCount).toBe(1);
  });

  it("refuses a second account for the same person (duplicate DI)", async () => {
    const first = await unverifiedViewer();
    const a = await domain.identity.start(await first(), "dev", person("010-5555-1234", "1970-01-01"));
    await domain.identity.complete(await first(), a.attemptId, { code: a.devCode });
    const second = await unverifiedViewer();
    const b = await domain.identity.start(await second(), "dev", person("01055551234", "1970-01-01"));
    const error = await failure(domain.identity.complete(await second(), b.attemptId, { code: b.devCode }));
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "errors.identityAlreadyUsed" });
    expect((await second()).verified).toBe(false);
  });

  it("validates input, limits code guesses and refuses someone else's attempt", async () => {
    const viewer = await unverifiedViewer();
    const bad = await failure(domain.identity.start(await viewer(), "dev", { name: "홍", phone: "02-123-4567", birthDate: "1990-13-45" }));
    expect(bad.issues.map((i) => [i.path, i.key])).toEqual([
      ["name", "validation.tooShort"],
      ["phone", "validation.phone"],
      ["birthDate", "validation.date"],
    ]);
    const started = await domain.identity.start(await viewer(), "dev", person("010-2222-3333"));
    const other = await unverifiedViewer();
    expect((await failure(domain.identity.complete(await other(), started.attemptId, { code: started.devCode }))).code).toBe("NOT_FOUND");
    for (let i = 0; i < 5; i++) await failure(domain.identity.complete(await viewer(), started.attemptId, { code: "abc" }));
    const locked = await failure(domain.identity.complete(await viewer(), started.attemptId, { code: started.devCode }));
    expect(locked.code).toBe("RATE_LIMITED");
  });
});

describe("residence reported by the provider", () => {
  async function verifiedAs(input: Record<string, unknown>) {
    const viewer = await unverifiedViewer();
    const started = await domain.identity.start(await viewer(), "dev", { name: "홍길동", ...input });
    const result = await domain.identity.complete(await viewer(), started.attemptId, { code: started.devCode });
    return { viewer: await viewer(), result };
  }
  const claims = (userId: number) =>
    db.prisma.affiliation.findMany({
      where: { userId },
      select: { kind: true, districtId: true, source: true, status: true, since: true },
    });

  it("never confirms residency from the development provider's 'outside the city' choice, or a district the city does not have", async () => {
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    for (const [i, districtCode] of ["", "somewhere-else"].entries()) {
      const { viewer, result } = await verifiedAs({ phone: `010-7000-000${i}`, birthDate: "1990-03-15", districtCode });
      expect(viewer.verified).toBe(true);
      expect(result.districtId).toBeNull();
      expect(await claims(viewer.id)).toEqual([]);
      const explained = await domain.eligibility.explain(viewer);
      expect(explained.eligible).toBe(false);
      expect(explained.reasons.map((r) => r.key)).toEqual(["eligibility.noAffiliation"]);
      const denied = await failure(domain.proposals.support(viewer, proposal.id));
      expect(denied).toMatchObject({ code: "FORBIDDEN", messageKey: "eligibility.noAffiliation" });
    }
  });

  it("keeps the move-in date the provider reports, and a 'resident for N months' rule reads it", async () => {
    const { viewer } = await verifiedAs({
      phone: "010-7100-0001",
      birthDate: "1990-03-15",
      districtCode: "okgu",
      residentSince: "2020-04-01",
    });
    expect(await claims(viewer.id)).toEqual([
      {
        kind: "RESIDENT",
        districtId: ref.districts.okgu.id,
        source: "PROVIDER",
        status: "CONFIRMED",
        since: new Date("2020-04-01T00:00:00Z"),
      },
    ]);
    const twelveMonths = { affiliation: { kinds: ["RESIDENT" as const], minResidenceMonths: 12 } };
    expect((await domain.eligibility.explain(viewer, twelveMonths)).eligible).toBe(true);

    const newcomer = await verifiedAs({
      phone: "010-7100-0002",
      birthDate: "1990-03-15",
      districtCode: "okgu",
      residentSince: daysAgo(30),
    });
    const tooShort = await domain.eligibility.explain(newcomer.viewer, twelveMonths);
    expect(tooShort.reasons.map((r) => r.key)).toEqual(["eligibility.residenceTooShort"]);
    expect(tooShort.reasons[0]!.params).toMatchObject({ months: 12, place: { ko: "군산시", en: "Gunsan" } });

    const unknown = await verifiedAs({ phone: "010-7100-0003", birthDate: "1990-03-15", districtCode: "okgu" });
    expect((await domain.eligibility.explain(unknown.viewer, twelveMonths)).reasons.map((r) => r.key)).toEqual([
      "eligibility.residenceUnknown",
    ]);
  });

  it("refuses a move-in date in the future or before the birth date, and writes nothing", async () => {
    const viewer = await unverifiedViewer();
    for (const residentSince of [daysAgo(-2), "1980-01-01", "2020-02-30"]) {
      const error = await failure(domain.identity.start(await viewer(), "dev", { ...person("010-7200-0001"), residentSince }));
      expect(error.issues).toEqual([{ path: "residentSince", key: "validation.date" }]);
    }
    expect(await db.prisma.verificationAttempt.count({ where: { userId: (await viewer()).id } })).toBe(0);
  });

  it("enforces an upper age bound through the same check (youth ballots)", async () => {
    const youth = { minAge: 14, maxAge: 24 };
    const young = await verifiedAs({ phone: "010-7300-0001", birthDate: yearsAgo(20), districtCode: "okgu" });
    expect((await domain.eligibility.explain(young.viewer, youth)).eligible).toBe(true);
    const older = await verifiedAs({ phone: "010-7300-0002", birthDate: yearsAgo(30), districtCode: "okgu" });
    const explained = await domain.eligibility.explain(older.viewer, youth);
    expect(explained.reasons).toEqual([{ path: "eligibility", key: "eligibility.tooOld", params: { maxAge: 24 } }]);
  });
});

describe("declared affiliations", () => {
  it("need verification, wait for a moderator, and every review is audit-logged", async () => {
    const unverified = await createUser(db.prisma, { verified: false });
    expect((await failure(domain.identity.declareAffiliation(unverified, { kind: "WORKER" }))).messageKey).toBe("errors.verifyFirst");

    const worker = await createUser(db.prisma);
    const claim = await domain.identity.declareAffiliation(worker, {
      kind: "WORKER",
      districtId: String(ref.districts.naun.id),
      note: "나운동 소재 회사 근무",
    });
    expect(claim).toMatchObject({ status: "PENDING", source: "SELF_DECLARED" });
    expect((await failure(domain.identity.declareAffiliation(worker, { kind: "WORKER", districtId: ref.districts.naun.id }))).code).toBe(
      "CONFLICT",
    );

    const citizen = await createUser(db.prisma);
    expect((await failure(domain.identity.reviewAffiliation(citizen, { affiliationId: claim.id, decision: "CONFIRMED" }))).code).toBe(
      "FORBIDDEN",
    );
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    expect((await domain.identity.pendingAffiliations(moderator)).map((a) => a.id)).toContain(claim.id);
    await domain.identity.reviewAffiliation(moderator, { affiliationId: claim.id, decision: "CONFIRMED", reason: "재직증명서 확인" });
    expect((await failure(domain.identity.reviewAffiliation(moderator, { affiliationId: claim.id, decision: "REJECTED" }))).code).toBe(
      "NOT_FOUND",
    );
    const log = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "affiliation.confirmed", targetId: String(claim.id) } });
    expect(log).toMatchObject({ actorId: moderator.id, reason: "재직증명서 확인" });
  });

  it("a declared move-in date counts towards 'resident for N months' only once a moderator confirmed it", async () => {
    const mover = await createUser(db.prisma, { verified: false });
    await db.prisma.identityVerification.create({
      data: { userId: mover.id, provider: "test", diHash: `mover-${mover.id}`, birthYear: 1990, birthDate: new Date("1990-01-01") },
    });
    const viewer = { ...mover, verified: true };
    const badDate = await failure(domain.identity.declareAffiliation(viewer, { kind: "RESIDENT", since: daysAgo(-3) }));
    expect(badDate.issues).toEqual([{ path: "since", key: "validation.date" }]);
    const claim = await domain.identity.declareAffiliation(viewer, {
      kind: "RESIDENT",
      districtId: String(ref.districts.naun.id),
      since: "2021-05-01",
    });
    expect(claim).toMatchObject({ status: "PENDING", source: "SELF_DECLARED", since: new Date("2021-05-01T00:00:00Z") });
    const rules = { affiliation: { kinds: ["RESIDENT" as const], minResidenceMonths: 12 } };
    expect((await domain.eligibility.explain(viewer, rules)).reasons.map((r) => r.key)).toEqual(["eligibility.pendingConfirmation"]);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    expect((await domain.identity.pendingAffiliations(moderator)).find((a) => a.id === claim.id)?.since).toEqual(
      new Date("2021-05-01T00:00:00Z"),
    );
    await domain.identity.reviewAffiliation(moderator, { affiliationId: claim.id, decision: "CONFIRMED" });
    expect((await domain.eligibility.explain(viewer, rules)).eligible).toBe(true);
  });
});
