// Ids are positive integers or their plain decimal strings, and nothing else, on every
// service: a coerced id (true → 1, "0x10" → 16) is refused with VALIDATION and writes nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../tests/factories.ts";
import { AppError } from "./errors.ts";
import { MAX_ID, parseId, toId, zId, zOptionalId } from "./ids.ts";
import { createDomain, type Domain } from "../platform/compose.server.ts";
import { findIllFormedText, zText } from "./text.ts";

describe("toId", () => {
  it("accepts positive integers and their plain decimal strings within the integer column", () => {
    expect([1, "1", 42, "42", MAX_ID, String(MAX_ID)].map(toId)).toEqual([1, 1, 42, 42, MAX_ID, MAX_ID]);
  });

  it("refuses everything that only coerces to an id", () => {
    const refused: unknown[] = [
      true,
      false,
      null,
      undefined,
      "",
      0,
      "0",
      -1,
      "-1",
      1.5,
      "1.0",
      "0x10",
      "0b1",
      "0o7",
      "1e3",
      1e3 + 0.5,
      " 7",
      "7 ",
      "\t7",
      "007",
      "+1",
      "١٢",
      "１２",
      MAX_ID + 1,
      String(MAX_ID + 1),
      "99999999999",
      NaN,
      Infinity,
      [],
      [1],
      {},
      { valueOf: () => 1 },
      1n,
    ];
    expect(refused.map(toId)).toEqual(refused.map(() => null));
  });

  it("reads an id only from the integer itself or its canonical decimal string (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_ID }), (n) => toId(n) === n && toId(String(n)) === n));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double(), fc.integer()), (value) => {
        const id = toId(value);
        return id === null || value === id || value === String(id);
      }),
    );
  });

  it("answers a localized-key VALIDATION issue, blank as required", () => {
    expect(zId.safeParse("0x10").error?.issues[0]?.message).toBe("validation.invalidId");
    expect(zId.safeParse("").error?.issues[0]?.message).toBe("validation.required");
    expect(zOptionalId.safeParse("").data).toBeUndefined();
    expect(zOptionalId.safeParse(true).success).toBe(false);
    const error = (() => {
      try {
        parseId(true, "proposalId");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", issues: [{ path: "proposalId", key: "validation.invalidId" }] });
  });
});

describe("text", () => {
  it("refuses lone UTF-16 surrogates and keeps pairs", () => {
    expect(zText().safeParse("정상 😀").success).toBe(true);
    expect(zText().safeParse("깨진 \ud800 글자").error?.issues[0]?.message).toBe("validation.invalidText");
    expect(zText().safeParse("\udc00").success).toBe(false);
    expect(findIllFormedText({ a: ["ok", { b: "x\udfff" }] })).toBe("a.1.b");
    expect(findIllFormedText({ ["\ud800"]: 1 })).toBe("\ud800");
    expect(findIllFormedText({ a: "😀", n: 1, t: true })).toBeNull();
  });

  it("refuses NUL, which PostgreSQL text cannot store", () => {
    expect(zText().safeParse("이름\u0000@example.com").error?.issues[0]?.message).toBe("validation.invalidText");
    expect(findIllFormedText({ email: "a\u0000b@example.com" })).toBe("email");
  });
});

describe("every service reads ids strictly", () => {
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

  async function refused(promise: Promise<unknown>) {
    const error = await promise.then(
      () => new Error("accepted"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
  }

  const counts = async () => ({
    supports: await db.prisma.support.count(),
    comments: await db.prisma.comment.count(),
    follows: await db.prisma.follow.count(),
    proposals: await db.prisma.proposal.count(),
    updates: await db.prisma.proposalUpdate.count(),
    affiliations: await db.prisma.affiliation.count(),
    audit: await db.prisma.auditLog.count(),
  });

  it("refuses true for id 1 and 0x10 for id 16, writing nothing", async () => {
    const author = await createUser(db.prisma);
    const citizen = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const first = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    expect(first.id).toBe(1);
    const hex = `0x${first.id.toString(16)}`;
    const body = "열 글자가 넘는 추가 설명입니다. 충분히 깁니다.";
    const before = await counts();

    for (const id of [true, hex, "1e0", " 1", "01", 1.000001, [1], { id: 1 }]) {
      await refused(domain.proposals.support(citizen, id));
      await refused(domain.proposals.withdrawSupport(citizen, id));
      await refused(domain.proposals.get(citizen, id));
      await refused(domain.content.addUpdate(author, { proposalId: id, body }));
      await refused(domain.comments.post(citizen, { proposalId: id, body: "좋은 제안입니다" }));
      await refused(domain.notifications.follow(citizen, id));
      await refused(domain.lifecycle.screen(moderator, { proposalId: id, decision: "OPEN" }));
      await refused(domain.proposals.create(author, proposalInput(ref.categories.transport.id, { categoryId: id })));
      await refused(domain.proposals.create(author, proposalInput(ref.categories.transport.id, { districtId: id })));
      await refused(domain.identity.declareAffiliation(citizen, { kind: "WORKER", districtId: id }));
      await refused(domain.admin.suspendUser(moderator, { userId: id, reason: "테스트 정지 사유", days: 1 }));
      await refused(domain.rounds.get(null, id));
      await refused(domain.merge.merge(moderator, { sourceId: id, targetId: first.id, reason: "같은 내용" }));
    }
    expect(await counts()).toEqual(before);
    // The plain forms still work.
    expect((await domain.proposals.support(citizen, String(first.id))).supported).toBe(true);
  });
});
