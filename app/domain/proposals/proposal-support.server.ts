// 공감 (support) and its withdrawal: one toggle, limited per person and proposal and per
// person over every proposal (numbers in app/platform/rate-limits.server.ts), for every edge
// alike, and each change pushed to everyone watching.
//
// The hot path (issue 12): the viewer, their eligibility facts and the city's settings come
// from memory; concurrent 공감 are written together by group commit (app/domain/group-commit.ts),
// one read of the proposals' facts and one statement per batch; the count is a maintained column.
import { LRUCache } from "lru-cache";
import type { SettingsCache } from "../catalog/settings-cache.server.ts";
import type { PrismaClient } from "../db.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import { AppError, notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { createGroupCommit } from "../group-commit.ts";
import { parseId } from "../ids.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { RateLimiter } from "../ports.ts";
import { requireActor } from "../roles/participation.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { canSupportProposal, isOpenForSupport } from "./proposal.policy.ts";
import type { SupportResult } from "./proposal.types.ts";
import { isPublished } from "./proposal.visibility.ts";
import { announceCrossing, crossesAt, recordCrossing } from "./support-threshold.server.ts";
import { deleteSupport, insertSupports, readSupportFacts, type SupportFacts, type SupportWritten } from "./support-writes.server.ts";

export type SupportDeps = {
  prisma: PrismaClient;
  events: EventBus;
  clock: Clock;
  eligibility: Pick<EligibilityService, "assertEligibleNow">;
  settings: SettingsCache;
  limits: RateLimiter;
  notifications: Pick<NotificationService, "notifyFollowers">;
};

type SupportCommand = { me: NonNullable<Viewer>; proposalId: number; now: Date };

/** The policy's answer for one command, from the batch's facts: an error to throw, or null to write. */
function refusal(facts: SupportFacts | undefined, { me, now }: SupportCommand): AppError | null {
  // 공감 go to published proposals only; the others do not exist for this purpose.
  if (!facts || !isPublished(facts)) return notFound("errors.proposalNotFound");
  if (facts.roundId) return new AppError("CONFLICT", "rounds.errors.noSupportInRound");
  const allowed = canSupportProposal(me, facts, now);
  return allowed.ok ? null : new AppError(allowed.code, allowed.key);
}

/**
 * The facts of proposals open for 공감, remembered between batches so a batch is one statement.
 * Only open ones: a refusal is never made from memory. What can change meanwhile (the stage, the
 * window) the batch's statement re-checks under the row lock, so an entry a missed event left
 * stale (another node's crossing) costs nothing but its lifetime.
 */
const OPEN_FACTS_MS = 10_000;

export function createProposalSupport({ prisma, events, clock, eligibility, settings, limits, notifications }: SupportDeps) {
  const openFacts = new LRUCache<number, SupportFacts>({ max: 10_000, ttl: OPEN_FACTS_MS });
  events.subscribe("proposal.statusChanged", ({ proposalId }) => void openFacts.delete(proposalId));
  events.subscribe("proposal.merged", ({ sourceId, targetId }) => [sourceId, targetId].forEach((id) => openFacts.delete(id)));

  async function factsOf(ids: number[], now: Date): Promise<Map<number, SupportFacts>> {
    const known = new Map(ids.flatMap((id) => (openFacts.has(id) ? [[id, openFacts.get(id)!] as const] : [])));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === 0) return known;
    for (const [id, facts] of await readSupportFacts(prisma, missing)) {
      known.set(id, facts);
      if (isOpenForSupport(facts, now)) openFacts.set(id, facts);
    }
    return known;
  }

  async function limitToggle(userId: number, proposalId: number) {
    await limits.consume("supportToggle", `${userId}:${proposalId}`);
    await limits.consume("support", String(userId));
  }

  /**
   * Thresholds and tiers the batch reached, recorded after its commit (rarely: a crossing),
   * then one push per proposal with the count and version the batch ended at.
   */
  async function afterBatch(written: Map<number, SupportWritten>, facts: Map<number, SupportFacts>, now: Date) {
    const city = await settings.get();
    for (const [proposalId, w] of written) {
      const proposal = { id: proposalId, status: w.status, closesAt: facts.get(proposalId)!.closesAt };
      const crossing = crossesAt(w, city)
        ? await prisma.$transaction((tx) => recordCrossing(tx, proposal, w.supportCount, city, now))
        : null;
      const status = crossing?.status ?? w.status;
      w.status = status;
      events.publish("proposal.supportChanged", { proposalId, supportCount: w.supportCount, status, version: w.version });
      if (crossing) await announceCrossing({ events, notifications }, proposalId, crossing);
    }
  }

  // Two statements in flight: one's round trip overlaps the next one's preparation, and fewer,
  // larger batches cost less per 공감 than many small ones (each statement passes Prisma's engine).
  const writes = createGroupCommit<SupportCommand, SupportResult>(
    async (commands) => {
      const facts = await factsOf([...new Set(commands.map((c) => c.proposalId))], commands[0]!.now);
      const outcomes: (SupportResult | Error)[] = commands.map((c) => refusal(facts.get(c.proposalId), c) ?? null!);
      // A person pressing twice within one batch writes once; the second hears "already".
      const seen = new Set<string>();
      const rows: { at: number; row: { proposalId: number; userId: number; at: Date } }[] = [];
      commands.forEach((c, i) => {
        if (outcomes[i]) return;
        const key = `${c.proposalId}:${c.me.id}`;
        if (!seen.has(key)) rows.push({ at: i, row: { proposalId: c.proposalId, userId: c.me.id, at: c.now } });
        seen.add(key);
      });
      const written = rows.length
        ? await insertSupports(
            prisma,
            rows.map((r) => r.row),
          )
        : [];
      const byProposal = new Map<number, SupportWritten>();
      /** The commands whose row this batch added. */
      const added = new Set<number>();
      rows.forEach((r, n) => {
        const w = written[n];
        if (w?.open) byProposal.set(r.row.proposalId, w);
        if (w?.inserted) added.add(r.at);
      });
      const changed = new Map([...byProposal].filter(([, w]) => w.supportCount !== w.countBefore));
      await afterBatch(changed, facts, commands[0]!.now);
      return commands.map((c, i) => {
        if (outcomes[i]) return outcomes[i];
        const w = byProposal.get(c.proposalId);
        // Moved on between the read and the lock (closed, merged): as if it had been read so.
        if (!w) return new AppError("CONFLICT", "errors.supportClosed");
        return {
          proposalId: c.proposalId,
          supportCount: w.supportCount,
          supported: true,
          status: w.status,
          changed: added.has(i),
          version: w.version,
        };
      });
    },
    { concurrency: 2 },
  );

  async function support(viewer: Viewer, rawId: unknown): Promise<SupportResult> {
    const proposalId = parseId(rawId);
    const now = clock.now();
    const me = requireActor(viewer, "proposal.support");
    await eligibility.assertEligibleNow(me, await settings.get());
    await limitToggle(me.id, proposalId);
    return writes.submit({ me, proposalId, now });
  }

  async function withdrawSupport(viewer: Viewer, rawId: unknown): Promise<SupportResult> {
    const id = parseId(rawId);
    const me = requireActor(viewer, "proposal.withdrawSupport");
    await limitToggle(me.id, id);
    const now = clock.now();
    const result = await deleteSupport(prisma, id, me.id, now);
    if (!result || !isPublished(result)) throw notFound("errors.proposalNotFound");
    // Withdrawing is allowed only while the window is open; a threshold once reached stays reached.
    if (!isOpenForSupport(result, now)) throw new AppError("CONFLICT", "errors.supportClosed");
    const { supportCount, status, version, removed } = result;
    if (removed) events.publish("proposal.supportChanged", { proposalId: id, supportCount, status, version });
    return { proposalId: id, supportCount, supported: false, status, changed: removed, version };
  }

  return { support, withdrawSupport };
}
