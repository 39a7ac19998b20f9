// What a live page of a proposal is pushed: its public state (count, status, the support box's
// stage message, timeline, answers, milestones) with the version it was read at. Read once per
// coalesced push by the realtime bridge, never per watcher.
//
// Versions are Proposal.liveVersion (migration 0008: every update of the row makes a newer one).
// A read bumps it itself, under the row lock, before reading: answers and milestones are other
// tables, so the row alone would not say that they changed, and two reads in lock order see
// ever newer data — the push with the higher version is never the older state.
import type { SettingsCache } from "../catalog/settings-cache.server.ts";
import type { Prisma, PrismaClient } from "../db.ts";
import type { Clock } from "../viewer.ts";
import { PROGRESS_SELECT } from "./proposal-fields.server.ts";
import { isOpenForSupport } from "./proposal.policy.ts";
import type { ProposalDetail, ProposalStatus } from "./proposal.types.ts";
import { isPublished } from "./proposal.visibility.ts";

/** A message the client localizes: an i18n key and its parameters. */
export type StageMessage = { key: string; params?: Record<string, number> };

/** The line under the 공감 meter: how many 공감 are still needed, or that the threshold is reached. */
export function supportStage(supportCount: number, threshold: number): StageMessage {
  return supportCount >= threshold
    ? { key: "proposal.reached" }
    : { key: "proposal.remaining", params: { count: threshold - supportCount } };
}

/** The 공감 box's state at `version`: what every support push and every state push carries. */
export type ProposalCore = { proposalId: number; version: number; supportCount: number; status: ProposalStatus; stage: StageMessage };

export type ProposalLive = ProposalCore &
  Pick<
    ProposalDetail,
    | "isOpenForSupport"
    | "timeline"
    | "answers"
    | "milestones"
    | "answerDueAt"
    | "answerOverdueAt"
    | "answerOutcome"
    | "department"
    | "tiersReached"
    | "mergedInto"
  >;

const liveSelect = {
  authorId: true,
  status: true,
  closesAt: true,
  supportCount: true,
  ...PROGRESS_SELECT,
} satisfies Prisma.ProposalSelect;

/** Takes the proposal's row lock and a newer version in one statement; null when there is no such proposal. */
export async function bumpLiveVersion(tx: Prisma.TransactionClient, proposalId: number): Promise<number | null> {
  const rows = await tx.$queryRaw<{ liveVersion: number }[]>`
    UPDATE "Proposal" SET "liveVersion" = "liveVersion" + 1 WHERE id = ${proposalId} RETURNING "liveVersion"`;
  return rows[0]?.liveVersion ?? null;
}

export function createProposalLive({ prisma, clock, settings }: { prisma: PrismaClient; clock: Clock; settings: SettingsCache }) {
  /** The public state of a published proposal, or null (not published: its room is its author's and moderators', who reload). */
  async function read(proposalId: number): Promise<ProposalLive | null> {
    const { supportThreshold } = await settings.get();
    return prisma.$transaction(async (tx) => {
      const version = await bumpLiveVersion(tx, proposalId);
      if (version === null) return null;
      const row = await tx.proposal.findUnique({ where: { id: proposalId }, select: liveSelect });
      if (!row || !isPublished(row)) return null;
      return {
        proposalId,
        version,
        supportCount: row.supportCount,
        status: row.status,
        stage: supportStage(row.supportCount, supportThreshold),
        isOpenForSupport: isOpenForSupport(row, clock.now()),
        timeline: row.statusEvents.map((e) => ({ status: e.status, note: e.note, at: e.createdAt })),
        answers: row.answers,
        milestones: row.milestones,
        answerDueAt: row.answerDueAt,
        answerOverdueAt: row.answerOverdueAt,
        answerOutcome: row.answerOutcome,
        department: row.department,
        tiersReached: row.tiersReached,
        mergedInto: row.mergedInto,
      };
    });
  }

  /** The stage message for these counts, under the city's threshold (one settings read for all). */
  async function stages(counts: number[]): Promise<StageMessage[]> {
    const { supportThreshold } = await settings.get();
    return counts.map((count) => supportStage(count, supportThreshold));
  }

  return { read, stages };
}

export type ProposalLiveReads = ReturnType<typeof createProposalLive>;
