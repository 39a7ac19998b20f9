import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import type { DomainEvents } from "../events.ts";
import { AppError } from "../errors.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let now = new Date("2026-11-01T09:00:00+09:00");
const clock = { now: () => now };

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  ref = await createReferenceData(db.prisma, { threshold: 3 });
});
afterAll(async () => {
  await db?.drop();
});

async function expectAppError(promise: Promise<unknown>, code: string, key?: string) {
  const error = await promise.then(
    () => {
      throw new Error("expected an AppError");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (key) expect((error as AppError).messageKey).toBe(key);
  return error as AppError;
}

describe("creating a proposal", () => {
  it("opens it for 공감 with a 30-day window and a timeline entry", async () => {
    const author = await createUser(db.prisma);
    const created = await domain.proposals.create(author, {
      ...proposalInput(ref.categories.transport.id),
      districtId: String(ref.districts.naun.id),
      estimatedCostKrw: "30,000,000",
    });
    expect(created.status).toBe("OPEN");
    expect(created.district?.name).toBe("나운2동");
    expect(created.estimatedCostKrw).toBe(30_000_000);
    expect(created.closesAt.getTime() - now.getTime()).toBe(30 * 24 * 3600 * 1000);
    expect(created.timeline.map((t) => t.status)).toEqual(["OPEN"]);
    expect(created.supportCount).toBe(0);
    expect(created.isOpenForSupport).toBe(true);
  });

  it("refuses anonymous authors", async () => {
    await expectAppError(domain.proposals.create(null, proposalInput(ref.categories.transport.id)), "UNAUTHENTICATED");
  });

  it("explains every invalid field and writes nothing", async () => {
    const author = await createUser(db.prisma);
    const before = await db.prisma.proposal.count();
    const error = await expectAppError(
      domain.proposals.create(author, { title: "짧", body: "x".repeat(6000), categoryId: "", estimatedCostKrw: "많이" }),
      "VALIDATION",
    );
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.key]));
    expect(byPath).toEqual({
      title: "validation.tooShort",
      body: "validation.tooLong",
      categoryId: "validation.chooseCategory",
      estimatedCostKrw: "validation.notANumber",
    });
    expect(await db.prisma.proposal.count()).toBe(before);
  });

  it("rejects a category or district that does not exist", async () => {
    const author = await createUser(db.prisma);
    const error = await expectAppError(domain.proposals.create(author, { ...proposalInput(99999), districtId: 88888 }), "VALIDATION");
    expect(error.issues.map((i) => i.path).sort()).toEqual(["categoryId", "districtId"]);
  });
});

describe("공감 (support)", () => {
  it("counts one per person, publishes changes, and reaches the threshold once", async () => {
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.environment.id));
    const events: DomainEvents["proposal.supportChanged"][] = [];
    const statusEvents: DomainEvents["proposal.statusChanged"][] = [];
    const off1 = domain.events.subscribe("proposal.supportChanged", (e) => events.push(e));
    const off2 = domain.events.subscribe("proposal.statusChanged", (e) => statusEvents.push(e));

    const [a, b, c] = [await createUser(db.prisma), await createUser(db.prisma), await createUser(db.prisma)];
    const first = await domain.proposals.support(a, proposal.id);
    expect(first).toMatchObject({ supportCount: 1, supported: true, changed: true, status: "OPEN" });

    const again = await domain.proposals.support(a, String(proposal.id));
    expect(again).toMatchObject({ supportCount: 1, changed: false });

    await domain.proposals.support(b, proposal.id);
    const third = await domain.proposals.support(c, proposal.id);
    expect(third).toMatchObject({ supportCount: 3, status: "THRESHOLD_REACHED" });

    const detail = await domain.proposals.get(a, proposal.id);
    expect(detail.viewerHasSupported).toBe(true);
    expect(detail.timeline.map((t) => t.status)).toEqual(["OPEN", "THRESHOLD_REACHED"]);
    expect(events.map((e) => e.supportCount)).toEqual([1, 2, 3]);
    expect(statusEvents).toEqual([{ proposalId: proposal.id, status: "THRESHOLD_REACHED", note: null }]);
    off1();
    off2();

    // Recount from rows equals the published tally.
    expect(await db.prisma.support.count({ where: { proposalId: proposal.id } })).toBe(3);
  });

  it("keeps one row per person under concurrent presses", async () => {
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.environment.id));
    const citizen = await createUser(db.prisma);
    const results = await Promise.all(Array.from({ length: 5 }, () => domain.proposals.support(citizen, proposal.id)));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await domain.proposals.get(null, proposal.id)).supportCount).toBe(1);
  });

  it("can be withdrawn while open", async () => {
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.environment.id));
    const citizen = await createUser(db.prisma);
    await domain.proposals.support(citizen, proposal.id);
    const withdrawn = await domain.proposals.withdrawSupport(citizen, proposal.id);
    expect(withdrawn).toMatchObject({ supportCount: 0, supported: false, changed: true });
  });

  it("refuses anonymous people, authors, closed windows and unknown ids", async () => {
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.environment.id));
    await expectAppError(domain.proposals.support(null, proposal.id), "UNAUTHENTICATED", "errors.loginRequired");
    await expectAppError(domain.proposals.support(author, proposal.id), "FORBIDDEN", "errors.ownProposal");
    await expectAppError(domain.proposals.support(author, "abc"), "VALIDATION", "errors.validation");
    await expectAppError(domain.proposals.support(author, 99999999), "NOT_FOUND", "errors.proposalNotFound");
    await expectAppError(domain.proposals.get(null, "-1"), "VALIDATION");

    const late = await createUser(db.prisma);
    const saved = now;
    now = new Date(saved.getTime() + 31 * 24 * 3600 * 1000);
    try {
      await expectAppError(domain.proposals.support(late, proposal.id), "CONFLICT", "errors.supportClosed");
      const expired = await domain.proposals.expireDue();
      expect(expired).toContain(proposal.id);
      expect(await domain.proposals.expireDue()).toEqual([]);
      expect((await domain.proposals.get(null, proposal.id)).status).toBe("EXPIRED");
    } finally {
      now = saved;
    }
  });
});

describe("listing", () => {
  it("filters by district, category and status, sorts and paginates", async () => {
    const author = await createUser(db.prisma);
    const p1 = await domain.proposals.create(author, {
      ...proposalInput(ref.categories.transport.id),
      title: "옥구읍 마을버스 증편",
      districtId: ref.districts.okgu.id,
    });
    const p2 = await domain.proposals.create(author, {
      ...proposalInput(ref.categories.transport.id),
      title: "옥구읍 버스 정류장 온열의자",
      districtId: ref.districts.okgu.id,
    });
    const supporter = await createUser(db.prisma);
    await domain.proposals.support(supporter, p2.id);

    const byDistrict = await domain.proposals.list(null, { districtId: ref.districts.okgu.id, sort: "support" });
    expect(byDistrict.items.map((p) => p.id)).toEqual([p2.id, p1.id]);
    expect(byDistrict.totalCount).toBe(2);

    const newest = await domain.proposals.list(null, { districtId: String(ref.districts.okgu.id), sort: "newest", limit: 1 });
    expect(newest.items).toHaveLength(1);
    expect(newest.totalCount).toBe(2);
    const page2 = await domain.proposals.list(null, { districtId: ref.districts.okgu.id, sort: "newest", limit: 1, offset: 1 });
    expect(page2.items[0]!.id).not.toBe(newest.items[0]!.id);

    const cityWide = await domain.proposals.list(null, { cityWide: true, categoryId: ref.categories.transport.id });
    expect(cityWide.items.every((p) => p.district === null)).toBe(true);

    const threshold = await domain.proposals.list(null, { status: "THRESHOLD_REACHED" });
    expect(threshold.items.every((p) => p.status === "THRESHOLD_REACHED")).toBe(true);

    const closing = await domain.proposals.list(null, { sort: "closing" });
    const deadlines = closing.items.map((p) => p.closesAt.getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(closing.items.every((p) => p.isOpenForSupport)).toBe(true);
  });

  it("rejects malformed filters with a validation error", async () => {
    await expectAppError(domain.proposals.list(null, { sort: "random" as never }), "VALIDATION");
    await expectAppError(domain.proposals.list(null, { limit: 500 }), "VALIDATION");
    await expectAppError(domain.proposals.list(null, { status: "WHATEVER" as never }), "VALIDATION");
  });
});
