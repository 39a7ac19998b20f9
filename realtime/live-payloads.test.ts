// Pushes carry their data: a burst of 공감 reaches a watcher as a few coalesced pushes whose
// versions only grow and whose last one has the final count and stage; crossing the threshold
// pushes the proposal's new state; a held comment is never pushed, and one that becomes held
// is pushed as gone from public view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProposalProgressed, SupportChanged } from "./contract.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { collect, nextEvent, startTestServer } from "../tests/utils/server.ts";

const THRESHOLD = 30;
let db: TestDatabase;
let app: Awaited<ReturnType<typeof startTestServer>>;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  ref = await createReferenceData(db.prisma, { threshold: THRESHOLD });
  app = await startTestServer(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function newProposal() {
  const author = await createUser(db.prisma);
  return app.server.domain.proposals.create(author, proposalInput(ref.categories.transport.id));
}

const increasing = (versions: number[]) => versions.every((v, i) => i === 0 || v > versions[i - 1]!);

describe("pushes carry their data", () => {
  it("coalesces a burst of 공감 into a few pushes, newest last, versions strictly increasing", async () => {
    const N = 60;
    const proposal = await newProposal();
    const supporters = await Promise.all(Array.from({ length: N }, () => createUser(db.prisma)));
    const watcher = await app.client();
    const lister = await app.client();
    await watcher.emitWithAck("proposal:watch", { proposalId: proposal.id });
    await lister.emitWithAck("proposals:watch");
    const pushes = collect(watcher, "proposal:support-changed");
    const listed = collect(lister, "proposal:support-changed");
    const states = collect(watcher, "proposal:progressed");

    await Promise.all(supporters.map((s) => app.server.domain.proposals.support(s, proposal.id)));

    const final = (seen: SupportChanged[]) => seen.at(-1)?.supportCount;
    await expect.poll(() => final(pushes.seen), { timeout: 5_000 }).toBe(N);
    await expect.poll(() => final(listed.seen), { timeout: 5_000 }).toBe(N);
    await expect.poll(() => states.seen.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    for (const seen of [pushes.seen, listed.seen]) {
      console.log(`${N} 공감 reached a watcher as ${seen.length} pushes`);
      expect(seen.length).toBeLessThan(N / 2);
      expect(increasing(seen.map((p) => p.version))).toBe(true);
      expect(seen.at(-1)).toMatchObject({ supportCount: N, status: "THRESHOLD_REACHED", stage: { key: "proposal.reached" } });
    }
    // Crossing the threshold pushed the page's new state: status and its timeline entry.
    const state: ProposalProgressed = states.seen.at(-1)!;
    expect(state).toMatchObject({ proposalId: proposal.id, status: "THRESHOLD_REACHED", isOpenForSupport: true });
    expect(state.timeline.map((e) => e.status)).toContain("THRESHOLD_REACHED");
    // The proposal's pushes share one version: the state is newer than the 공감 it was read after.
    expect(state.version).toBeGreaterThan(pushes.seen.find((p) => p.status === "THRESHOLD_REACHED")!.version - 1);
    expect(await db.prisma.support.count({ where: { proposalId: proposal.id } })).toBe(N);
  });

  it("sends 1,000 공감 changes over 300 ms as a few pushes per watcher, and nothing for another node's events", async () => {
    const proposal = await newProposal();
    const watcher = await app.client();
    await watcher.emitWithAck("proposal:watch", { proposalId: proposal.id });
    const pushes = collect(watcher, "proposal:support-changed");
    const { events } = app.server.domain;
    events.publish(
      "proposal.supportChanged",
      { proposalId: proposal.id, supportCount: 5_000, status: "OPEN", version: 5_000 },
      { remote: true },
    );
    for (let n = 1; n <= 1000; n++) {
      events.publish("proposal.supportChanged", { proposalId: proposal.id, supportCount: n, status: "OPEN", version: 100 + n });
      if (n % 100 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    await expect.poll(() => pushes.seen.at(-1)?.supportCount, { timeout: 3_000 }).toBe(1000);
    console.log(`1,000 공감 changes reached a watcher as ${pushes.seen.length} pushes`);
    expect(pushes.seen.length).toBeLessThanOrEqual(6);
    expect(increasing(pushes.seen.map((p) => p.version))).toBe(true);
    expect(pushes.seen.some((p) => p.supportCount === 5_000)).toBe(false);
  });

  it("carries the stage message before the threshold", async () => {
    const proposal = await newProposal();
    const watcher = await app.client();
    await watcher.emitWithAck("proposal:watch", { proposalId: proposal.id });
    const pushed = nextEvent(watcher, "proposal:support-changed");
    await app.server.domain.proposals.support(await createUser(db.prisma), proposal.id);
    expect(await pushed).toMatchObject({ supportCount: 1, stage: { key: "proposal.remaining", params: { count: THRESHOLD - 1 } } });
  });

  it("never pushes a held comment, and pushes one that becomes held as gone from view", async () => {
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: ["금칙어"] } });
    const proposal = await newProposal();
    const watcher = await app.client();
    await watcher.emitWithAck("proposal:watch", { proposalId: proposal.id });
    const seen = collect(watcher, "comment:changed");
    const writer = await createUser(db.prisma);

    await app.server.domain.comments.post(writer, { proposalId: proposal.id, body: "이 의견에는 금칙어가 있습니다." });
    const visible = await app.server.domain.comments.post(writer, { proposalId: proposal.id, stance: "PRO", body: "찬성합니다." });
    await expect.poll(() => seen.seen.length).toBe(1);
    expect(seen.seen[0]).toMatchObject({ commentId: visible.id, commentCount: 1, balance: { pro: 1, con: 0, neutral: 0 } });

    await app.server.domain.comments.edit(writer, { commentId: visible.id, body: "고쳐 쓰니 금칙어가 들어갔습니다." });
    await expect.poll(() => seen.seen.length).toBe(2);
    expect(seen.seen[1]).toMatchObject({ commentId: visible.id, change: "edited", comment: null, commentCount: 0 });
    expect(JSON.stringify(seen.seen)).not.toContain("금칙어");
    expect(seen.seen[1]!.version).toBeGreaterThan(seen.seen[0]!.version);
    await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: [] } });
  });
});
