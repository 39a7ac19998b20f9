// Rounds: a process with a beginning and an end (공모전, 주민참여예산, 공론장, 정책장터), run by
// moderators in ordered phases. The service the edges see (domain.rounds), made of:
// - round-schedule.server.ts: the stored phase follows the schedule (sync), what a phase allows;
// - round-reads.server.ts: a round or the list as the viewer may see them, the phase history;
// - round-settings.server.ts: moderators create, change, publish and move a round on;
// - viewer-can.policy.ts: what this viewer can do on the round now, with the reasons why not.
// Locking a round's debate is debate moderation (debate/moderation.service.server.ts, ADR 0010).
import type { PrismaClient } from "../db.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import type { EventBus } from "../events.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { createRoundReads, roundRules, type RoundView } from "./round-reads.server.ts";
import { createRoundSchedule } from "./round-schedule.server.ts";
import { createRoundSettings } from "./round-settings.server.ts";
import { decideViewerCan, needsEligibility, type RoundViewerCan } from "./viewer-can.policy.ts";

export { parse, requireModerator } from "./round-guards.ts";
export type { RoundPhaseView, RoundStage, RoundView } from "./round-reads.server.ts";
export type { RoundViewerCan, ViewerCanReason } from "./viewer-can.policy.ts";

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus; eligibility: Pick<EligibilityService, "explainMany"> };

export function createRoundService({ prisma, clock, events, eligibility }: Deps) {
  const schedule = createRoundSchedule({ prisma, clock, events });
  const reads = createRoundReads({ prisma, clock, schedule });
  const settings = createRoundSettings({ prisma, clock, events, schedule, reads });

  /**
   * What `viewer` can do on each of these rounds now (submit, comment, vote, score, review,
   * moderate) and, if they cannot take part, why. Reads the viewer's eligibility only for the
   * rounds whose phase invites citizens to take part, and the viewer's facts once for all.
   */
  async function viewerCans(viewer: Viewer, rounds: readonly RoundView[]): Promise<RoundViewerCan[]> {
    const asked = viewer ? rounds.filter((round) => needsEligibility(viewer, round)) : [];
    const answers = viewer
      ? await eligibility.explainMany(
          viewer,
          asked.map((round) => roundRules(round.eligibility)),
        )
      : [];
    const answerOf = new Map(asked.map((round, i) => [round, answers[i]!]));
    return rounds.map((round) => decideViewerCan(viewer, round, answerOf.get(round) ?? null));
  }

  /** viewerCans for one round. */
  async function viewerCan(viewer: Viewer, round: RoundView): Promise<RoundViewerCan> {
    return (await viewerCans(viewer, [round]))[0]!;
  }

  const { get, list, history, eligibilityOf } = reads;
  const { create, update, publish, override } = settings;
  const { sync, syncDue, assertPhaseAllows, assertUnlocked } = schedule;
  return {
    get,
    list,
    history,
    viewerCan,
    viewerCans,
    create,
    update,
    publish,
    override,
    sync,
    syncDue,
    assertPhaseAllows,
    assertUnlocked,
    eligibilityOf,
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
