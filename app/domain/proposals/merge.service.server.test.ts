import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import type { DomainEvents } from "../events.ts";
import { AppError } from "../errors.ts";
import type { Viewer } from "../viewer.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let moderator: NonNullable<Viewer>;
const now = new Date("2026-11-01T09:00:00+09:00");
const clock = { now: () => now };

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  ref = await createReferenceData(db.prisma, { threshold: 5 });
  moderator = await createUser(db.prisma, { roles: ["MODERATOR"], displayName: "운영자" });
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

let n = 0;
async function proposal(author?: Viewer, title?: string) {
  const proposer = author ?? (await createUser(db.prisma));
  n++;
  const created = await domain.proposals.create(
    proposer,
    proposalInput(ref.categories.environment.id, { title: title ?? `은파호수공원 야간 조명 ${n}번째 요청` }),
  );
  return { ...created, author: proposer };
}

async function supporters(proposalId: number, people: NonNullable<Viewer>[]) {
  for (const p of people) await domain.proposals.support(p, proposalId);
}

const supportRows = (proposalId: number) => db.prisma.support.count({ where: { proposalId } });

describe("merging a duplicate", () => {
  it("carries 공감 over and counts a person who supported both once", async () => {
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => createUser(db.prisma)));
    const target = await proposal();
    const source = await proposal();
    await supporters(target.id, [b!, d!]);
    await supporters(source.id, [a!, b!, c!]);

    const published: DomainEvents["proposal.supportChanged"][] = [];
    const statuses: DomainEvents["proposal.statusChanged"][] = [];
    const merges: DomainEvents["proposal.merged"][] = [];
    const offs = [
      domain.events.subscribe("proposal.supportChanged", (e) => published.push(e)),
      domain.events.subscribe("proposal.statusChanged", (e) => statuses.push(e)),
      domain.events.subscribe("proposal.merged", (e) => merges.push(e)),
    ];
    const result = await domain.merge.merge(moderator, {
      sourceId: String(source.id),
      targetId: String(target.id),
      reason: "같은 장소의 같은 요청입니다",
    });
    offs.forEach((off) => off());

    expect(result).toMatchObject({
      sourceId: source.id,
      targetId: target.id,
      supportCount: 4,
      carriedSupports: 2,
      alreadyCounted: 1,
      targetStatus: "OPEN",
    });
    // Recount from rows equals what was published and returned.
    expect(await supportRows(target.id)).toBe(4);
    expect(await supportRows(source.id)).toBe(0);
    expect(published).toEqual([{ proposalId: target.id, supportCount: 4, status: "OPEN", version: expect.any(Number) }]);
    expect((await domain.proposals.get(null, target.id)).supportCount).toBe(4);
    const supportedBy = await db.prisma.support.findMany({ where: { proposalId: target.id }, select: { userId: true } });
    expect(supportedBy.map((s) => s.userId).sort()).toEqual([a!.id, b!.id, c!.id, d!.id].sort());

    const merged = await domain.proposals.get(null, source.id);
    expect(merged.status).toBe("MERGED");
    expect(await db.prisma.proposal.findUnique({ where: { id: source.id }, select: { mergedIntoId: true } })).toEqual({
      mergedIntoId: target.id,
    });
    const last = merged.timeline.at(-1)!;
    expect(last.status).toBe("MERGED");
    expect(last.note).toContain(`#${target.id}`);
    expect(last.note).toContain(target.title);
    expect(statuses).toEqual([{ proposalId: source.id, status: "MERGED", note: last.note }]);
    expect(merges).toEqual([{ sourceId: source.id, targetId: target.id, supportCount: 4 }]);

    // The supporters cannot support the merged one any more; the target still counts them once.
    await expectAppError(domain.proposals.support(a!, source.id), "CONFLICT", "errors.supportClosed");
    expect((await domain.proposals.support(a!, target.id)).changed).toBe(false);
  });

  it("keeps the supports' original times and does not give the target's author a 공감 on their own proposal", async () => {
    const targetAuthor = await createUser(db.prisma);
    const target = await proposal(targetAuthor);
    const source = await proposal();
    const other = await createUser(db.prisma);
    await supporters(source.id, [targetAuthor, other]);
    const before = await db.prisma.support.findUniqueOrThrow({ where: { proposalId_userId: { proposalId: source.id, userId: other.id } } });

    const result = await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "중복 제안" });
    expect(result).toMatchObject({ supportCount: 1, carriedSupports: 1, alreadyCounted: 1 });
    const after = await db.prisma.support.findUniqueOrThrow({ where: { proposalId_userId: { proposalId: target.id, userId: other.id } } });
    expect(after.createdAt).toEqual(before.createdAt);
    expect(await db.prisma.support.count({ where: { proposalId: target.id, userId: targetAuthor.id } })).toBe(0);
  });

  it("moves the target past the threshold when the carried 공감 reach it", async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(db.prisma)));
    const target = await proposal();
    const source = await proposal();
    await supporters(target.id, people.slice(0, 3));
    await supporters(source.id, people.slice(2, 5));
    const statuses: DomainEvents["proposal.statusChanged"][] = [];
    const off = domain.events.subscribe("proposal.statusChanged", (e) => statuses.push(e));
    const result = await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "중복 제안" });
    off();
    expect(result).toMatchObject({ supportCount: 5, targetStatus: "THRESHOLD_REACHED" });
    expect(statuses.map((s) => [s.proposalId, s.status])).toEqual([
      [source.id, "MERGED"],
      [target.id, "THRESHOLD_REACHED"],
    ]);
    expect((await domain.proposals.get(null, target.id)).timeline.map((t) => t.status)).toEqual(["OPEN", "THRESHOLD_REACHED"]);
  });

  it("crosses the threshold and the tiers as 공감 given there would: tiers recorded, followers told", async () => {
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { supportTiers: [{ threshold: 5, consequence: "FORUM" }] } });
    try {
      const people = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(db.prisma)));
      const targetAuthor = await createUser(db.prisma);
      const sourceAuthor = await createUser(db.prisma);
      const target = await proposal(targetAuthor);
      const source = await proposal(sourceAuthor);
      await supporters(target.id, people.slice(0, 2));
      await supporters(source.id, people.slice(2, 5));
      const result = await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "중복 제안" });
      expect(result).toMatchObject({ supportCount: 5, targetStatus: "THRESHOLD_REACHED" });
      expect(
        await db.prisma.proposalTierReached.findMany({ where: { proposalId: target.id }, select: { threshold: true, consequence: true } }),
      ).toEqual([{ threshold: 5, consequence: "FORUM" }]);
      expect((await domain.proposals.get(null, target.id)).tiersReached).toMatchObject([{ threshold: 5, consequence: "FORUM" }]);
      // The target's author and supporters, and the source's people who now follow the target, hear of both.
      for (const person of [targetAuthor, people[0]!, sourceAuthor, people[4]!]) {
        const keys = (await domain.notifications.list(person, { limit: 50 })).items
          .filter((n) => n.proposal?.id === target.id)
          .map((n) => n.messageKey);
        expect(keys).toContain("notice.thresholdReached");
        expect(keys).toContain("notice.tierReached");
      }
      // Once only: another merge into the target reaches nothing again.
      const another = await proposal();
      await supporters(another.id, [await createUser(db.prisma)]);
      await domain.merge.merge(moderator, { sourceId: another.id, targetId: target.id, reason: "중복 제안" });
      const notices = (await domain.notifications.list(targetAuthor, { limit: 50 })).items.filter((n) => n.proposal?.id === target.id);
      expect(notices.filter((n) => n.messageKey === "notice.thresholdReached")).toHaveLength(1);
      expect(notices.filter((n) => n.messageKey === "notice.tierReached")).toHaveLength(1);
    } finally {
      await db.prisma.citySetting.update({ where: { id: 1 }, data: { supportTiers: [] } });
    }
  });

  it("makes the source's author, supporters and followers follow the target", async () => {
    const sourceAuthor = await createUser(db.prisma);
    const [supporter, follower, alreadyFollowing] = await Promise.all([1, 2, 3].map(() => createUser(db.prisma)));
    const target = await proposal();
    const source = await proposal(sourceAuthor);
    await supporters(source.id, [supporter!]);
    await db.prisma.follow.createMany({
      data: [
        { userId: follower!.id, proposalId: source.id },
        { userId: alreadyFollowing!.id, proposalId: source.id },
        { userId: alreadyFollowing!.id, proposalId: target.id },
      ],
      skipDuplicates: true,
    });
    const result = await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "중복 제안" });
    const following = await db.prisma.follow.findMany({ where: { proposalId: target.id }, select: { userId: true } });
    const ids = following.map((f) => f.userId);
    for (const person of [sourceAuthor, supporter!, follower!, alreadyFollowing!]) expect(ids).toContain(person.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.newFollowers).toBeGreaterThanOrEqual(3);
  });

  it("writes an audit entry with the reason", async () => {
    const target = await proposal();
    const source = await proposal();
    await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "  같은 내용의 제안  " });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.merged", targetId: String(source.id) } });
    expect(entry).toMatchObject({ actorId: moderator.id, actorName: "운영자", targetType: "Proposal", reason: "같은 내용의 제안" });
    expect(entry.details).toMatchObject({ sourceId: source.id, targetId: target.id, targetTitle: target.title, carriedSupports: 0 });
  });

  it("lets administrators merge too", async () => {
    const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
    const target = await proposal();
    const source = await proposal();
    expect((await domain.merge.merge(admin, { sourceId: source.id, targetId: target.id, reason: "중복 제안" })).targetId).toBe(target.id);
  });

  it("accepts a source still in screening (a duplicate caught at 제안검토)", async () => {
    const target = await proposal();
    const source = await proposal();
    await db.prisma.proposal.update({ where: { id: source.id }, data: { status: "SCREENING" } });
    expect((await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "중복 제안" })).sourceId).toBe(
      source.id,
    );
  });
});

describe("merge guards", () => {
  it("refuses anonymous people, citizens and suspended moderators, and writes nothing", async () => {
    const target = await proposal();
    const source = await proposal();
    const audits = await db.prisma.auditLog.count();
    const input = { sourceId: source.id, targetId: target.id, reason: "중복 제안" };
    await expectAppError(domain.merge.merge(null, input), "UNAUTHENTICATED", "errors.loginRequired");
    await expectAppError(domain.merge.merge(await createUser(db.prisma), input), "FORBIDDEN", "errors.forbidden");
    await expectAppError(
      domain.merge.merge(await createUser(db.prisma, { roles: ["OFFICER"], departmentId: ref.department.id }), input),
      "FORBIDDEN",
    );
    await expectAppError(domain.merge.merge({ ...moderator, suspended: true }, input), "FORBIDDEN");
    expect(await db.prisma.auditLog.count()).toBe(audits);
    expect((await domain.proposals.get(null, source.id)).status).toBe("OPEN");
  });

  it("refuses merging a proposal into itself", async () => {
    const p = await proposal();
    const error = await expectAppError(
      domain.merge.merge(moderator, { sourceId: p.id, targetId: String(p.id), reason: "중복 제안" }),
      "VALIDATION",
      "duplicates.errors.mergeIntoItself",
    );
    expect(error.issues.map((i) => i.path)).toEqual(["targetId"]);
  });

  it("requires a reason of 2 to 500 letters and valid ids", async () => {
    const target = await proposal();
    const source = await proposal();
    let error = await expectAppError(
      domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: " 중 " }),
      "VALIDATION",
    );
    expect(error.issues).toEqual([{ path: "reason", key: "validation.reasonRequired" }]);
    error = await expectAppError(
      domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "가".repeat(501) }),
      "VALIDATION",
    );
    expect(error.issues).toEqual([{ path: "reason", key: "validation.tooLong", params: { max: 500 } }]);
    error = await expectAppError(
      domain.merge.merge(moderator, { sourceId: "abc", targetId: "", reason: "중복 제안" } as never),
      "VALIDATION",
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(["sourceId", "targetId"]);
  });

  it("refuses proposals that do not exist", async () => {
    const p = await proposal();
    const error = await expectAppError(
      domain.merge.merge(moderator, { sourceId: p.id, targetId: 99999999, reason: "중복 제안" }),
      "NOT_FOUND",
      "errors.proposalNotFound",
    );
    expect(error.issues.map((i) => i.path)).toEqual(["targetId"]);
    await expectAppError(domain.merge.merge(moderator, { sourceId: 99999998, targetId: p.id, reason: "중복 제안" }), "NOT_FOUND");
  });

  it("refuses chains: a merged target names where it went, a merged source cannot move again", async () => {
    const final = await proposal();
    const middle = await proposal();
    const other = await proposal();
    await domain.merge.merge(moderator, { sourceId: middle.id, targetId: final.id, reason: "중복 제안" });
    const error = await expectAppError(
      domain.merge.merge(moderator, { sourceId: other.id, targetId: middle.id, reason: "중복 제안" }),
      "CONFLICT",
      "duplicates.errors.targetMerged",
    );
    expect(error.params).toEqual({ id: final.id });
    await expectAppError(
      domain.merge.merge(moderator, { sourceId: middle.id, targetId: other.id, reason: "중복 제안" }),
      "CONFLICT",
      "duplicates.errors.sourceAlreadyMerged",
    );
  });

  it("refuses a target nobody can see yet", async () => {
    const target = await proposal();
    const source = await proposal();
    await db.prisma.proposal.update({ where: { id: target.id }, data: { status: "SCREENING" } });
    await expectAppError(
      domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "중복 제안" }),
      "CONFLICT",
      "duplicates.errors.targetNotPublic",
    );
  });

  it("lets only one of two opposite merges happen", async () => {
    const x = await proposal();
    const y = await proposal();
    const results = await Promise.allSettled([
      domain.merge.merge(moderator, { sourceId: x.id, targetId: y.id, reason: "중복 제안" }),
      domain.merge.merge(moderator, { sourceId: y.id, targetId: x.id, reason: "중복 제안" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    const rows = await db.prisma.proposal.findMany({ where: { id: { in: [x.id, y.id] } }, select: { status: true } });
    expect(rows.filter((r) => r.status === "MERGED")).toHaveLength(1);
  });
});

describe("merged groups and the repeated-matter board (다량민원)", () => {
  it("lists what was merged into a proposal, flattening earlier merges into the final target", async () => {
    const people = await Promise.all([1, 2, 3].map(() => createUser(db.prisma)));
    const final = await proposal(undefined, "월명동 주차난 해결을 위한 공영주차장");
    const first = await proposal(undefined, "월명동 공영주차장 건립");
    const second = await proposal(undefined, "월명동 주차장이 부족합니다");
    await supporters(first.id, [people[0]!, people[1]!]);
    await supporters(second.id, [people[1]!, people[2]!]);
    await domain.merge.merge(moderator, { sourceId: first.id, targetId: second.id, reason: "중복 제안" });
    expect(await domain.merge.mergedGroup(second.id)).toEqual([expect.objectContaining({ id: first.id, title: first.title })]);
    expect(await domain.merge.repeatedGroups()).not.toContainEqual(expect.objectContaining({ id: second.id }));

    // second (which absorbed first) is merged into final: first now points at final too.
    const result = await domain.merge.merge(moderator, { sourceId: second.id, targetId: final.id, reason: "중복 제안" });
    expect(result).toMatchObject({ repointed: 1, supportCount: 3 });
    expect(await supportRows(final.id)).toBe(3);
    const group = await domain.merge.mergedGroup(String(final.id));
    expect(group.map((g) => g.id)).toEqual([first.id, second.id]);
    expect(group[0]).toMatchObject({ authorName: first.author.displayName, mergedAt: now });
    expect(await domain.merge.mergedGroup(second.id)).toEqual([]);

    const repeated = await domain.merge.repeatedGroups();
    const entry = repeated.find((g) => g.id === final.id)!;
    expect(entry).toMatchObject({ title: final.title, status: "OPEN", mergedCount: 2, supportCount: 3, lastMergedAt: now });
    expect(entry.merged.map((m) => m.id)).toEqual([first.id, second.id]);
    expect(repeated.every((g) => g.mergedCount >= 2)).toBe(true);
  });

  it("previews a candidate for the merge tool, to moderators only", async () => {
    const target = await proposal();
    const source = await proposal();
    await db.prisma.proposal.update({ where: { id: source.id }, data: { status: "SCREENING" } });
    expect(await domain.merge.candidate(moderator, source.id)).toMatchObject({
      id: source.id,
      status: "SCREENING",
      supportCount: 0,
      mergedIntoId: null,
      mergedCount: 0,
    });
    await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "중복 제안" });
    expect(await domain.merge.candidate(moderator, String(source.id))).toMatchObject({ status: "MERGED", mergedIntoId: target.id });
    expect(await domain.merge.candidate(moderator, target.id)).toMatchObject({ mergedCount: 1, authorName: target.author.displayName });
    expect(await domain.merge.candidate(moderator, 99999999)).toBeNull();
    expect(await domain.merge.candidate(moderator, "abc")).toBeNull();
    await expectAppError(domain.merge.candidate(await createUser(db.prisma), target.id), "FORBIDDEN");
    await expectAppError(domain.merge.candidate(null, target.id), "UNAUTHENTICATED");
  });

  it("answers VALIDATION for a malformed id", async () => {
    await expectAppError(domain.merge.mergedGroup("abc"), "VALIDATION");
  });
});
