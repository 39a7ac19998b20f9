// What a viewer can do on a proposal, as proposals.get returns it to every edge: decided once
// (viewer-can.ts) from the stage, the debate, the suspension policy, eligibility, authorship
// and roles — and in agreement with the writes themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import type { Viewer } from "../viewer.ts";
import { decideViewerCan, needsEligibility, type ViewerCanFacts } from "./viewer-can.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let now = new Date("2027-04-01T00:00:00Z");
const clock = { now: () => now };
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  ref = await createReferenceData(db.prisma, { threshold: 3 });
});
afterAll(async () => {
  await db?.drop();
});

const can = async (viewer: Viewer, id: number) => (await domain.proposals.get(viewer, id)).viewerCan;
const succeeds = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    () => false,
  );

async function openProposal() {
  const author = await createUser(db.prisma);
  const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
  return { author, proposal };
}

describe("viewerCan on a proposal open for 공감", () => {
  it("offers nothing to anonymous people, and tells them nothing personal", async () => {
    const { proposal } = await openProposal();
    expect(await can(null, proposal.id)).toEqual({
      support: false,
      withdraw: false,
      comment: false,
      edit: false,
      addUpdate: false,
      follow: false,
      moderate: false,
      answer: false,
      reasons: [],
      debateClosed: null,
    });
  });

  it("lets an eligible citizen support, then withdraw, and comment — as the writes agree", async () => {
    const { proposal } = await openProposal();
    const citizen = await createUser(db.prisma);
    expect(await can(citizen, proposal.id)).toMatchObject({
      support: true,
      withdraw: false,
      comment: true,
      edit: false,
      addUpdate: false,
      follow: true,
      reasons: [],
    });
    expect(await succeeds(domain.proposals.support(citizen, proposal.id))).toBe(true);
    expect(await can(citizen, proposal.id)).toMatchObject({ support: true, withdraw: true });
    expect(await succeeds(domain.comments.post(citizen, { proposalId: proposal.id, body: "좋은 제안입니다." }))).toBe(true);
  });

  it("gives the author edits until the first 공감, then updates; never 공감 on their own", async () => {
    const { author, proposal } = await openProposal();
    expect(await can(author, proposal.id)).toMatchObject({ support: false, edit: true, addUpdate: true, comment: true });
    await domain.proposals.support(await createUser(db.prisma), proposal.id);
    const after = await can(author, proposal.id);
    expect(after).toMatchObject({ support: false, edit: false, addUpdate: true });
    expect((await domain.proposals.get(author, proposal.id)).editable).toBe(after.edit);
    expect(await succeeds(domain.proposals.support(author, proposal.id))).toBe(false);
  });

  it("tells an ineligible person why, and refuses them the same way", async () => {
    const { proposal } = await openProposal();
    const unverified = await createUser(db.prisma, { verified: false });
    const hint = await can(unverified, proposal.id);
    expect(hint).toMatchObject({ support: false, comment: false, follow: true });
    // Every rule that fails, the first one first (unverified, so no residence is known either).
    expect(hint.reasons.map((r) => r.key)).toEqual(["eligibility.notVerified", "eligibility.noAffiliation"]);
    await expect(domain.proposals.support(unverified, proposal.id)).rejects.toMatchObject({ messageKey: "eligibility.notVerified" });
    await expect(domain.comments.post(unverified, { proposalId: proposal.id, body: "의견입니다." })).rejects.toMatchObject({
      messageKey: "eligibility.notVerified",
    });
  });

  it("keeps a suspended person to following, and says so", async () => {
    const { proposal } = await openProposal();
    const suspended = await createUser(db.prisma, { suspended: true });
    expect(await can(suspended, proposal.id)).toMatchObject({
      support: false,
      withdraw: false,
      comment: false,
      follow: true,
      reasons: [{ key: "errors.suspended" }],
    });
    const suspendedModerator = await createUser(db.prisma, { roles: ["MODERATOR"], suspended: true });
    expect(await can(suspendedModerator, proposal.id)).toMatchObject({ moderate: false, support: false });
    expect(await can(await createUser(db.prisma, { roles: ["MODERATOR"] }), proposal.id)).toMatchObject({ moderate: true, answer: false });
  });

  it("lets the assigned department's officers answer, and no other department's", async () => {
    const { proposal } = await openProposal();
    await db.prisma.proposal.update({ where: { id: proposal.id }, data: { departmentId: ref.department.id } });
    const officer = await createUser(db.prisma, { roles: ["OFFICER"], departmentId: ref.department.id });
    const other = await db.prisma.department.create({
      data: { code: `other-${proposal.id}`, name: "다른과", nameEn: "Other", sortOrder: 9 },
    });
    const elsewhere = await createUser(db.prisma, { roles: ["OFFICER"], departmentId: other.id });
    expect((await can(officer, proposal.id)).answer).toBe(true);
    expect((await can(elsewhere, proposal.id)).answer).toBe(false);
  });

  it("closes 공감 with the window and the debate with a lock", async () => {
    const { proposal } = await openProposal();
    const citizen = await createUser(db.prisma);
    await domain.proposals.support(citizen, proposal.id);
    await db.prisma.proposal.update({ where: { id: proposal.id }, data: { commentsLockedAt: now } });
    expect(await can(citizen, proposal.id)).toMatchObject({ comment: false, debateClosed: { key: "debate.locked" } });
    await db.prisma.proposal.update({ where: { id: proposal.id }, data: { closesAt: new Date(now.getTime() - 1) } });
    expect(await can(citizen, proposal.id)).toMatchObject({ support: false, withdraw: false });
    expect(await succeeds(domain.proposals.withdrawSupport(citizen, proposal.id))).toBe(false);
  });
});

describe("viewerCan on an unpublished proposal", () => {
  it("closes the debate of a draft to its author, who may still edit it", async () => {
    const author = await createUser(db.prisma);
    const draft = await domain.proposals.create(author, proposalInput(ref.categories.transport.id), { draft: true });
    expect(draft.viewerCan).toMatchObject({
      support: false,
      comment: false,
      edit: true,
      addUpdate: false,
      debateClosed: { key: "debate.closed" },
    });
    await expect(domain.comments.post(author, { proposalId: draft.id, body: "초안에 의견" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("viewerCan on a proposal submitted into a round", () => {
  it("offers no 공감, and comments while the round's phase takes them", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const created = await domain.rounds.create(moderator, roundInput(now));
    await domain.rounds.publish(moderator, created.id);
    const author = await createUser(db.prisma);
    const entry = await domain.entries.submit(author, created.id, proposalInput(ref.categories.transport.id));
    const citizen = await createUser(db.prisma);
    const during = await can(citizen, entry.proposal.id);
    expect(during).toMatchObject({ support: false, comment: true, debateClosed: null });
    await expect(domain.proposals.support(citizen, entry.proposal.id)).rejects.toMatchObject({
      messageKey: "rounds.errors.noSupportInRound",
    });

    const saved = now;
    try {
      // Results: the last phase takes no comments.
      now = new Date(saved.getTime() + 60 * DAY);
      const after = await can(citizen, entry.proposal.id);
      expect(after).toMatchObject({
        support: false,
        comment: false,
        debateClosed: { key: "rounds.debateClosed", params: { round: created.title } },
      });
      await expect(domain.comments.post(citizen, { proposalId: entry.proposal.id, body: "늦은 의견입니다." })).rejects.toMatchObject({
        code: "CONFLICT",
      });
    } finally {
      now = saved;
    }
  });
});

describe("decideViewerCan", () => {
  const facts: ViewerCanFacts = {
    authorId: 1,
    status: "OPEN",
    closesAt: new Date("2027-05-01T00:00:00Z"),
    supportCount: 0,
    viewerHasSupported: false,
    departmentId: null,
    commentsLocked: false,
    round: null,
  };
  const citizen: NonNullable<Viewer> = {
    id: 2,
    displayName: "시민",
    roles: ["CITIZEN"],
    verified: true,
    suspended: false,
    departmentId: null,
    sessionId: "s",
  };
  const at = new Date("2027-04-01T00:00:00Z");

  it("asks for eligibility only where it decides something", () => {
    expect(needsEligibility(null, facts, at)).toBe(false);
    expect(needsEligibility(citizen, facts, at)).toBe(true);
    expect(needsEligibility({ ...citizen, suspended: true }, facts, at)).toBe(false);
    expect(needsEligibility(citizen, { ...facts, status: "ANSWERED", commentsLocked: true }, at)).toBe(false);
  });

  it("allows nothing that needs eligibility when it was not looked up", () => {
    expect(decideViewerCan(citizen, facts, at, null)).toMatchObject({ support: false, comment: false, reasons: [] });
    expect(decideViewerCan(citizen, facts, at, { eligible: true, reasons: [] })).toMatchObject({ support: true, comment: true });
  });
});
