// Crossing the support threshold and the extra tiers: one rule for every way a proposal's 공감
// grow — a person's 공감 (proposal-support) and a merge that carries 공감 over (merge.service).
// Inside the transaction that changed the 공감 it records what the count reached; after commit
// it tells browsers and followers.
import type { CitySettings } from "../catalog/city-settings.server.ts";
import type { Prisma } from "../db.ts";
import type { EventBus } from "../events.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import { isOpenForSupport } from "./proposal.policy.ts";
import type { ProposalStatus } from "./proposal.types.ts";

export type Crossing = {
  /** The proposal's status once the count is recorded */
  status: ProposalStatus;
  /** This call moved it from OPEN to THRESHOLD_REACHED */
  reachedThreshold: boolean;
  /** Tiers this call reached */
  tiersReached: { threshold: number; consequence: string }[];
};

/**
 * Records what `supportCount` reaches while the 공감 window is open: the threshold moves an
 * OPEN proposal to THRESHOLD_REACHED with its timeline entry (a guarded update, so of two
 * concurrent callers only one moves it), and each tier is reached once and stays reached
 * even if 공감 are later withdrawn. A closed window records nothing.
 */
export async function recordCrossing(
  tx: Prisma.TransactionClient,
  proposal: { id: number; status: ProposalStatus; closesAt: Date },
  supportCount: number,
  settings: Pick<CitySettings, "supportThreshold" | "supportTiers">,
  now: Date,
): Promise<Crossing> {
  if (!isOpenForSupport(proposal, now)) return { status: proposal.status, reachedThreshold: false, tiersReached: [] };
  let status = proposal.status;
  let reachedThreshold = false;
  if (supportCount >= settings.supportThreshold && proposal.status === "OPEN") {
    const moved = await tx.proposal.updateMany({ where: { id: proposal.id, status: "OPEN" }, data: { status: "THRESHOLD_REACHED" } });
    if (moved.count === 1) {
      await tx.proposalStatusEvent.create({ data: { proposalId: proposal.id, status: "THRESHOLD_REACHED", createdAt: now } });
      reachedThreshold = true;
    }
    status = "THRESHOLD_REACHED";
  }
  const due = settings.supportTiers.filter((t) => t.threshold <= supportCount);
  const tiersReached = due.length
    ? (
        await tx.proposalTierReached.createManyAndReturn({
          data: due.map((t) => ({ proposalId: proposal.id, threshold: t.threshold, consequence: t.consequence, reachedAt: now })),
          skipDuplicates: true,
        })
      ).map((t) => ({ threshold: t.threshold, consequence: t.consequence }))
    : [];
  return { status, reachedThreshold, tiersReached };
}

/**
 * Whether a change of the count from `countBefore` to `supportCount` has anything to record:
 * an OPEN proposal at or past the threshold (also one a crash left there), or a tier passed.
 */
export function crossesAt(
  { status, countBefore, supportCount }: { status: ProposalStatus; countBefore: number; supportCount: number },
  settings: Pick<CitySettings, "supportThreshold" | "supportTiers">,
): boolean {
  if (status === "OPEN" && supportCount >= settings.supportThreshold) return true;
  return settings.supportTiers.some((t) => countBefore < t.threshold && t.threshold <= supportCount);
}

/** After commit: pushes the new status and tells the followers what was reached. */
export async function announceCrossing(
  { events, notifications }: { events: EventBus; notifications: Pick<NotificationService, "notifyFollowers"> },
  proposalId: number,
  crossing: Crossing,
): Promise<void> {
  if (crossing.reachedThreshold) {
    events.publish("proposal.statusChanged", { proposalId, status: "THRESHOLD_REACHED", note: null });
    await notifications.notifyFollowers(proposalId, { kind: "proposal.thresholdReached", messageKey: "notice.thresholdReached" });
  }
  for (const tier of crossing.tiersReached) {
    await notifications.notifyFollowers(proposalId, {
      kind: "proposal.tierReached",
      messageKey: "notice.tierReached",
      params: { threshold: tier.threshold, consequence: `@tiers.${tier.consequence}` },
    });
  }
}
