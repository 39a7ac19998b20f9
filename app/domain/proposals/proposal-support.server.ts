// 공감 (support) and its withdrawal: one toggle, limited per person and proposal and per
// person over every proposal (numbers in app/platform/rate-limits.server.ts), for every edge
// alike, and each change pushed to everyone watching.
import { readCitySettings } from "../catalog/city-settings.server.ts";
import type { PrismaClient } from "../db.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import { AppError, notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { parseId } from "../ids.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { RateLimiter } from "../ports.ts";
import { requireActor } from "../roles/participation.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { canSupportProposal, isOpenForSupport } from "./proposal.policy.ts";
import type { SupportResult } from "./proposal.types.ts";
import { isPublished } from "./proposal.visibility.ts";
import { announceCrossing, recordCrossing } from "./support-threshold.server.ts";

export type SupportDeps = {
  prisma: PrismaClient;
  events: EventBus;
  clock: Clock;
  eligibility: Pick<EligibilityService, "assertEligible">;
  limits: RateLimiter;
  notifications: Pick<NotificationService, "notifyFollowers">;
};

export function createProposalSupport({ prisma, events, clock, eligibility, limits, notifications }: SupportDeps) {
  async function limitToggle(userId: number, proposalId: number) {
    await limits.consume("supportToggle", `${userId}:${proposalId}`);
    await limits.consume("support", String(userId));
  }

  async function support(viewer: Viewer, rawId: unknown): Promise<SupportResult> {
    const id = parseId(rawId);
    const now = clock.now();
    const me = requireActor(viewer, "proposal.support");
    const settings = await readCitySettings(prisma);
    await eligibility.assertEligible(me, null, settings);
    await limitToggle(me.id, id);
    const result = await prisma.$transaction(async (tx) => {
      // Waits for a merge of this proposal in progress, so a 공감 never lands on a merged one.
      await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${id} FOR SHARE`;
      const proposal = await tx.proposal.findUnique({
        where: { id },
        select: { id: true, authorId: true, status: true, closesAt: true, roundId: true },
      });
      // 공감 go to published proposals only; the others do not exist for this purpose.
      if (!proposal || !isPublished(proposal)) throw notFound("errors.proposalNotFound");
      if (proposal.roundId) throw new AppError("CONFLICT", "rounds.errors.noSupportInRound");
      const allowed = canSupportProposal(me, proposal, now);
      if (!allowed.ok) throw new AppError(allowed.code, allowed.key);

      // The (proposalId, userId) key makes a second 공감 by the same person a no-op.
      const inserted = await tx.support.createMany({ data: [{ proposalId: id, userId: me.id, createdAt: now }], skipDuplicates: true });
      // Supporters hear about every later stage (they can unfollow).
      if (inserted.count === 1)
        await tx.follow.createMany({ data: [{ proposalId: id, userId: me.id, createdAt: now }], skipDuplicates: true });
      const supportCount = await tx.support.count({ where: { proposalId: id } });
      const crossing = await recordCrossing(tx, proposal, supportCount, settings, now);
      return { supportCount, changed: inserted.count === 1, crossing };
    });
    const { supportCount, changed, crossing } = result;
    if (changed) events.publish("proposal.supportChanged", { proposalId: id, supportCount, status: crossing.status });
    await announceCrossing({ events, notifications }, id, crossing);
    return { proposalId: id, supportCount, supported: true, status: crossing.status, changed };
  }

  async function withdrawSupport(viewer: Viewer, rawId: unknown): Promise<SupportResult> {
    const id = parseId(rawId);
    const me = requireActor(viewer, "proposal.withdrawSupport");
    await limitToggle(me.id, id);
    const now = clock.now();
    const result = await prisma.$transaction(async (tx) => {
      const proposal = await tx.proposal.findUnique({ where: { id }, select: { status: true, closesAt: true } });
      if (!proposal || !isPublished(proposal)) throw notFound("errors.proposalNotFound");
      // Withdrawing is allowed only while the window is open; a threshold once reached stays reached.
      if (!isOpenForSupport(proposal, now)) throw new AppError("CONFLICT", "errors.supportClosed");
      const removed = await tx.support.deleteMany({ where: { proposalId: id, userId: me.id } });
      const supportCount = await tx.support.count({ where: { proposalId: id } });
      return { supportCount, status: proposal.status, changed: removed.count === 1 };
    });
    if (result.changed) {
      events.publish("proposal.supportChanged", { proposalId: id, supportCount: result.supportCount, status: result.status });
    }
    return { proposalId: id, supportCount: result.supportCount, supported: false, status: result.status, changed: result.changed };
  }

  return { support, withdrawSupport };
}
