// 공감 and its withdrawal are one toggle, limited together per person and proposal and per
// person overall, in the domain, so the web, GraphQL and socket edges all get the limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { createRateLimiter, DEFAULT_LIMITS } from "../../platform/rate-limits.server.ts";
import { isAppError } from "../errors.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  ref = await createReferenceData(db.prisma, { threshold: 1000 });
});
afterAll(async () => {
  await db?.drop();
});

/** The error code of a call, or "OK". */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

async function openProposal(on: Domain = domain) {
  const author = await createUser(db.prisma);
  return on.proposals.create(author, proposalInput(ref.categories.transport.id));
}

describe("toggling 공감", () => {
  it("is limited per person and proposal: 250 toggles are not 250 pushes", async () => {
    const proposal = await openProposal();
    const citizen = await createUser(db.prisma);
    let pushes = 0;
    const off = domain.events.subscribe("proposal.supportChanged", (e) => {
      if (e.proposalId === proposal.id) pushes++;
    });
    const outcomes: string[] = [];
    for (let i = 0; i < 250; i++) {
      outcomes.push(
        await outcome(i % 2 ? domain.proposals.withdrawSupport(citizen, proposal.id) : domain.proposals.support(citizen, proposal.id)),
      );
    }
    off();
    const points = DEFAULT_LIMITS.supportToggle.points;
    expect(outcomes.slice(0, points).every((o) => o === "OK")).toBe(true);
    expect(outcomes.slice(points).every((o) => o === "RATE_LIMITED")).toBe(true);
    expect(pushes).toBe(points);
    // The refused toggles changed nothing: the last accepted one decides.
    const supported = (points - 1) % 2 === 0;
    expect(await db.prisma.support.count({ where: { proposalId: proposal.id, userId: citizen.id } })).toBe(supported ? 1 : 0);

    // Someone else on the same proposal, and the same person on another proposal, are not held back.
    expect(await outcome(domain.proposals.support(await createUser(db.prisma), proposal.id))).toBe("OK");
    expect(await outcome(domain.proposals.support(citizen, (await openProposal()).id))).toBe("OK");
  });

  it("counts withdrawals on their own too (withdrawing what was never given)", async () => {
    const proposal = await openProposal();
    const citizen = await createUser(db.prisma);
    const outcomes: string[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.supportToggle.points + 3; i++)
      outcomes.push(await outcome(domain.proposals.withdrawSupport(citizen, proposal.id)));
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(DEFAULT_LIMITS.supportToggle.points);
    expect(outcomes.at(-1)).toBe("RATE_LIMITED");
  });

  it("is limited per person across proposals, support and withdrawal together", async () => {
    const limited = createDomain({
      prisma: db.prisma,
      limits: createRateLimiter({ limits: { support: { points: 5, durationSeconds: 60 } } }),
    });
    const proposals = [await openProposal(limited), await openProposal(limited), await openProposal(limited)];
    const citizen = await createUser(db.prisma);
    const outcomes = [
      await outcome(limited.proposals.support(citizen, proposals[0]!.id)),
      await outcome(limited.proposals.withdrawSupport(citizen, proposals[0]!.id)),
      await outcome(limited.proposals.support(citizen, proposals[1]!.id)),
      await outcome(limited.proposals.withdrawSupport(citizen, proposals[1]!.id)),
      await outcome(limited.proposals.support(citizen, proposals[2]!.id)),
      await outcome(limited.proposals.withdrawSupport(citizen, proposals[2]!.id)),
      await outcome(limited.proposals.support(citizen, proposals[0]!.id)),
    ];
    expect(outcomes).toEqual(["OK", "OK", "OK", "OK", "OK", "RATE_LIMITED", "RATE_LIMITED"]);
    expect(await db.prisma.support.count({ where: { userId: citizen.id } })).toBe(1);
  });
});
