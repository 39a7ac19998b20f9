// Proposal marketplace rules, as `domain.proposals`: reading (proposal-queries), proposing and
// drafts (proposal-drafts), and 공감 (proposal-support). Every edge calls these names.
import type { SettingsCache } from "../catalog/settings-cache.server.ts";
import type { PrismaClient } from "../db.ts";
import type { CommentReads } from "../debate/comment-reads.server.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import type { EventBus } from "../events.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { RateLimiter } from "../ports.ts";
import type { RoundService } from "../rounds/round.service.server.ts";
import type { Clock } from "../viewer.ts";
import { createProposalDrafts } from "./proposal-drafts.server.ts";
import { createProposalQueries } from "./proposal-queries.server.ts";
import { createProposalSupport } from "./proposal-support.server.ts";

type Deps = {
  prisma: PrismaClient;
  events: EventBus;
  clock: Clock;
  eligibility: EligibilityService;
  limits: RateLimiter;
  /** The city's settings as the hot path reads them (from memory) */
  settings: SettingsCache;
  notifications: NotificationService;
  /** The pro/con tallies; a proposal's comments themselves are read from the comment service. */
  comments: Pick<CommentReads, "stanceTallies">;
  /** The round a proposal was submitted straight into governs its debate. */
  rounds: Pick<RoundService, "get">;
};

export function createProposalService(deps: Deps) {
  const { list, get, getMany, mine, stats } = createProposalQueries(deps);
  const { create, submitDraft, expireDue } = createProposalDrafts({ ...deps, get: (viewer, id) => get(viewer, id) });
  const { support, withdrawSupport } = createProposalSupport(deps);
  return { list, get, getMany, create, submitDraft, mine, support, withdrawSupport, expireDue, stats };
}

export type ProposalService = ReturnType<typeof createProposalService>;
