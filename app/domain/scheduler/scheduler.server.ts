// Deadlines run themselves: proposals whose window ended below the threshold expire,
// department answers past their deadline are flagged, and rounds move to their next phase. Each job holds a lease row (JobLease):
// whichever node moves lockedUntil first runs it, so on several nodes it runs once per
// interval. Every step is idempotent, so a crash or restart mid-run is safe.
import type { PrismaClient } from "../db.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { LifecycleService } from "../proposals/lifecycle.service.server.ts";
import type { ProposalService } from "../proposals/proposal.service.server.ts";
import { reconcileSupportCounts, type CountDrift } from "../proposals/support-writes.server.ts";
import type { RoundService } from "../rounds/round.service.server.ts";
import type { Clock } from "../viewer.ts";

// Every 15 s: rounds change phase on schedule within that time even when nobody acts on them.
export const SCHEDULER_INTERVAL_MS = 15_000;
const JOB = "proposal-deadlines";
/** Every 10 minutes one node recounts the 공감 rows against the maintained counts (there should be nothing to fix). */
export const RECONCILE_INTERVAL_MS = 10 * 60_000;
const RECONCILE_JOB = "support-reconcile";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  proposals: ProposalService;
  lifecycle: LifecycleService;
  notifications: NotificationService;
  rounds: Pick<RoundService, "syncDue">;
};

export function createScheduler({ prisma, clock, proposals, lifecycle, notifications, rounds }: Deps) {
  /** Takes the lease for this interval; false if another node holds it. */
  async function lease(nodeId: string, ttlMs: number, name = JOB): Promise<boolean> {
    const now = clock.now();
    await prisma.jobLease.createMany({ data: [{ name, lockedUntil: new Date(0) }], skipDuplicates: true });
    const taken = await prisma.jobLease.updateMany({
      where: { name, lockedUntil: { lte: now } },
      data: { lockedBy: nodeId, lockedUntil: new Date(now.getTime() + ttlMs) },
    });
    return taken.count === 1;
  }

  /** One pass of every deadline job, if this node holds the lease. */
  async function runOnce(nodeId: string, { ttlMs = SCHEDULER_INTERVAL_MS, reconcileMs = RECONCILE_INTERVAL_MS } = {}) {
    // Drifted counts (a bug or a write around the domain) are set right and reported to the caller, which logs them.
    const countsFixed: CountDrift[] = (await lease(nodeId, reconcileMs, RECONCILE_JOB)) ? await reconcileSupportCounts(prisma) : [];
    if (!(await lease(nodeId, ttlMs)))
      return { ran: false as const, expired: [] as number[], overdue: [] as number[], roundsMoved: [] as number[], countsFixed };
    const expired = await proposals.expireDue();
    for (const proposalId of expired) {
      await notifications.notifyFollowers(proposalId, { kind: "proposal.expired", messageKey: "notice.expired" });
    }
    const overdue = await lifecycle.flagOverdue();
    // Rounds whose schedule says another phase has begun (or the round has ended) move now.
    const roundsMoved = await rounds.syncDue();
    await prisma.jobLease.update({ where: { name: JOB }, data: { lastRunAt: clock.now() } });
    return { ran: true as const, expired, overdue, roundsMoved, countsFixed };
  }

  return { runOnce };
}

export type Scheduler = ReturnType<typeof createScheduler>;
