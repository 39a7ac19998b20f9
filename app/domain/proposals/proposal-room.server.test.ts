// Who may follow a proposal live: the page's visibility rule, answered from a cache that reads
// a published proposal once and drops it on the events that change it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { countQueries, withQueryCount } from "../../db/query-count.server.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: withQueryCount(db.prisma) });
  ref = await createReferenceData(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => "OK",
    (error: { code?: string }) => error.code ?? String(error),
  );

const newProposal = async (options: { draft?: boolean } = {}) => {
  const author = await createUser(db.prisma);
  return { author, proposal: await domain.proposals.create(author, proposalInput(ref.categories.transport.id), options) };
};

describe("proposalRooms.admit", () => {
  it("admits anyone to a published proposal, reading it once however many arrive at once", async () => {
    const { proposal } = await newProposal();
    const crowd = await countQueries(() => Promise.all(Array.from({ length: 50 }, () => domain.proposalRooms.admit(null, proposal.id))));
    expect(crowd.result).toEqual(Array(50).fill(proposal.id));
    expect(crowd.operations).toEqual(["Proposal.findUnique"]);
    const later = await countQueries(() => domain.proposalRooms.admit(null, String(proposal.id)));
    expect(later).toEqual({ result: proposal.id, count: 0, operations: [] });
  });

  it("reads the proposal again after an event that changes it", async () => {
    const { proposal: source } = await newProposal();
    const { proposal: target } = await newProposal();
    for (const p of [source, target]) await domain.proposalRooms.admit(null, p.id);
    domain.events.publish("proposal.statusChanged", { proposalId: source.id, status: "OPEN", note: null });
    expect((await countQueries(() => domain.proposalRooms.admit(null, source.id))).count).toBe(1);
    expect((await countQueries(() => domain.proposalRooms.admit(null, target.id))).count).toBe(0);
    domain.events.publish("proposal.merged", { sourceId: source.id, targetId: target.id, supportCount: 0 });
    const both = await countQueries(() => Promise.all([source.id, target.id].map((id) => domain.proposalRooms.admit(null, id))));
    expect(both.count).toBe(2);
  });

  it("refuses what the viewer may not see as NOT_FOUND, as the page does", async () => {
    const { author, proposal: draft } = await newProposal({ draft: true });
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    expect(await codeOf(domain.proposalRooms.admit(null, draft.id))).toBe("NOT_FOUND");
    expect(await codeOf(domain.proposalRooms.admit(moderator, draft.id))).toBe("NOT_FOUND");
    expect(await codeOf(domain.proposalRooms.admit(author, draft.id))).toBe("OK");
    expect(await codeOf(domain.proposalRooms.admit(null, 987_654))).toBe("NOT_FOUND");
    expect(await codeOf(domain.proposalRooms.admit(null, "nonsense"))).toBe("VALIDATION");

    const { proposal: screened } = await newProposal();
    await db.prisma.proposal.update({ where: { id: screened.id }, data: { status: "SCREENING" } });
    const citizen = await createUser(db.prisma);
    expect(await codeOf(domain.proposalRooms.admit(citizen, screened.id))).toBe("NOT_FOUND");
    expect(await codeOf(domain.proposalRooms.admit(moderator, screened.id))).toBe("OK");
  });

  it("lets everyone in once a draft is submitted, which announces no status change", async () => {
    const { author, proposal: draft } = await newProposal({ draft: true });
    expect(await codeOf(domain.proposalRooms.admit(null, draft.id))).toBe("NOT_FOUND");
    await domain.proposals.submitDraft(author, draft.id);
    expect(await codeOf(domain.proposalRooms.admit(null, draft.id))).toBe("OK");
  });
});
