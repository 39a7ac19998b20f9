// Builds the domain once per process; server.ts hands the same instance to Remix,
// GraphQL and socket.io. The ports (rate limits, mail, storage, i18n) are injected: the
// domain imports no platform code. Tests and the seed use app/platform/compose.server.ts,
// which fills them with in-memory implementations.
import { createAccountService } from "./accounts/account.service.server.ts";
import { createAdminService } from "./admin/admin.service.server.ts";
import { createAuditService } from "./audit/audit.service.server.ts";
import { createCatalogService } from "./catalog/catalog.service.server.ts";
import { createSettingsCache } from "./catalog/settings-cache.server.ts";
import type { PrismaClient } from "./db.ts";
import { createEligibilityService } from "./eligibility/eligibility.service.server.ts";
import { EventBus } from "./events.ts";
import { createDevIdentityProvider } from "./identity/dev-provider.server.ts";
import { createIdentityService } from "./identity/identity.service.server.ts";
import type { FileStorage, IdentityProvider, Localize, Mailer, RateLimiter } from "./ports.ts";
import { createContentService } from "./proposals/content.service.server.ts";
import { createCommentService } from "./debate/comment.service.server.ts";
import { createCommentReads } from "./debate/comment-reads.server.ts";
import { createModerationService } from "./debate/moderation.service.server.ts";
import { createLifecycleService } from "./proposals/lifecycle.service.server.ts";
import { createNotificationService } from "./notifications/notification.service.server.ts";
import { createProposalService } from "./proposals/proposal.service.server.ts";
import { createProposalLive } from "./proposals/proposal-live.server.ts";
import { createProposalRooms } from "./proposals/proposal-room.server.ts";
import { createScheduler } from "./scheduler/scheduler.server.ts";
import { createMergeService } from "./proposals/merge.service.server.ts";
import { createSearchService } from "./search/search.service.server.ts";
import { createSessionService } from "./sessions/session.service.server.ts";
import { createRoundService } from "./rounds/round.service.server.ts";
import { createEntryService } from "./rounds/entry.service.server.ts";
import { createQualityService } from "./rounds/quality.service.server.ts";
import { createRoundRooms } from "./rounds/round-room.server.ts";
import { systemClock, type Clock } from "./viewer.ts";

export type DomainDeps = {
  prisma: PrismaClient;
  clock?: Clock;
  events?: EventBus;
  limits: RateLimiter;
  mailer: Mailer;
  /** Renders a message key in a language (mail text); the edge's i18n. */
  localize: Localize;
  identityProviders?: IdentityProvider[];
  /** HMAC key for DI hashes; required, stable per installation. */
  identityHashKey?: string;
  /** Absolute base URL for links in mail. */
  publicUrl?: string;
  /** Attachment bytes. */
  storage: FileStorage;
};

export function createDomain({
  prisma,
  clock = systemClock,
  events = new EventBus(),
  limits,
  mailer,
  localize,
  identityProviders = [createDevIdentityProvider({ log: () => undefined })],
  identityHashKey = "test-identity-key",
  publicUrl = "http://localhost:3000",
  storage,
}: DomainDeps) {
  const sessions = createSessionService({ prisma, clock, events });
  const settings = createSettingsCache({ prisma, events });
  const eligibility = createEligibilityService({ prisma, clock, events });
  const notifications = createNotificationService({ prisma, events, mailer, clock, publicUrl, localize });
  // The only reader of comment rows: every service that shows comments asks it.
  const commentReads = createCommentReads({ prisma });
  const rounds = createRoundService({ prisma, clock, events, eligibility });
  const proposals = createProposalService({
    prisma,
    events,
    clock,
    eligibility,
    settings,
    limits,
    notifications,
    comments: commentReads,
    rounds,
  });
  const lifecycle = createLifecycleService({ prisma, clock, events, notifications });
  return {
    events,
    clock,
    mailer,
    sessions,
    eligibility,
    notifications,
    proposals,
    lifecycle,
    comments: createCommentService({ prisma, clock, events, eligibility, limits, notifications, rounds, reads: commentReads }),
    // Hides, pins, locks, reports and appeals, for a proposal's debate and a round's alike (ADR 0010).
    moderation: createModerationService({ prisma, clock, events, notifications, reads: commentReads }),
    // Who may follow a proposal or a round live, answered from a cache (realtime joins).
    // What live pages are pushed: a proposal's public state, read once per coalesced push.
    live: createProposalLive({ prisma, clock, settings }),
    proposalRooms: createProposalRooms({ prisma, events }),
    roundRooms: createRoundRooms({ prisma, events }),
    rounds,
    entries: createEntryService({ prisma, clock, events, rounds, proposals, eligibility, notifications }),
    quality: createQualityService({ prisma, rounds, comments: commentReads }),
    content: createContentService({ prisma, clock, events, notifications, storage, proposals }),
    scheduler: createScheduler({ prisma, clock, proposals, lifecycle, notifications, rounds }),
    catalog: createCatalogService({ prisma }),
    accounts: createAccountService({ prisma, clock, events, sessions, limits, mailer, publicUrl, comments: commentReads }),
    identity: createIdentityService({ prisma, clock, events, limits, providers: identityProviders, identityHashKey }),
    admin: createAdminService({ prisma, clock, events, sessions }),
    audit: createAuditService({ prisma }),
    search: createSearchService({ prisma }),
    merge: createMergeService({ prisma, clock, events, notifications }),
  };
}

export type Domain = ReturnType<typeof createDomain>;
