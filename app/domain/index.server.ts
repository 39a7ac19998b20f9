// Builds the domain once per process; server.ts hands the same instance to Remix,
// GraphQL and socket.io. Tests build their own with in-memory ports.
import { createAccountService } from "./accounts/account.service.server.ts";
import { createAdminService } from "./admin/admin.service.server.ts";
import { createAuditService } from "./audit/audit.service.server.ts";
import { createCatalogService } from "./catalog/catalog.service.server.ts";
import type { PrismaClient } from "./db.ts";
import { createEligibilityService } from "./eligibility/eligibility.service.server.ts";
import { EventBus } from "./events.ts";
import { createDevIdentityProvider } from "./identity/dev-provider.server.ts";
import { createIdentityService } from "./identity/identity.service.server.ts";
import type { FileStorage, IdentityProvider, Mailer, RateLimiter } from "./ports.ts";
import { createContentService } from "./proposals/content.service.server.ts";
import { createMemoryStorage } from "../platform/storage.server.ts";
import { createCommentService } from "./debate/comment.service.server.ts";
import { createLifecycleService } from "./proposals/lifecycle.service.server.ts";
import { createNotificationService } from "./notifications/notification.service.server.ts";
import { createProposalService } from "./proposals/proposal.service.server.ts";
import { createScheduler } from "./scheduler/scheduler.server.ts";
import { createMergeService } from "./proposals/merge.service.server.ts";
import { createSearchService } from "./search/search.service.server.ts";
import { createSessionService } from "./sessions/session.service.server.ts";
import { createRoundService } from "./rounds/round.service.server.ts";
import { createEntryService } from "./rounds/entry.service.server.ts";
import { createQualityService } from "./rounds/quality.service.server.ts";
import { systemClock, type Clock } from "./viewer.ts";
import { createRateLimiter } from "../platform/rate-limits.server.ts";
import { createMemoryMailer } from "../platform/mail.server.ts";

export type DomainDeps = {
  prisma: PrismaClient;
  clock?: Clock;
  events?: EventBus;
  limits?: RateLimiter;
  mailer?: Mailer;
  identityProviders?: IdentityProvider[];
  /** HMAC key for DI hashes; required, stable per installation. */
  identityHashKey?: string;
  /** Absolute base URL for links in mail. */
  publicUrl?: string;
  /** Attachment bytes; in memory unless server.ts passes the disk storage. */
  storage?: FileStorage;
};

export function createDomain({
  prisma,
  clock = systemClock,
  events = new EventBus(),
  limits = createRateLimiter(),
  mailer = createMemoryMailer(),
  identityProviders = [createDevIdentityProvider({ log: () => undefined })],
  identityHashKey = "test-identity-key",
  publicUrl = "http://localhost:3000",
  storage = createMemoryStorage(),
}: DomainDeps) {
  const sessions = createSessionService({ prisma, clock, events });
  const eligibility = createEligibilityService({ prisma, clock });
  const notifications = createNotificationService({ prisma, events, mailer, clock, publicUrl });
  const proposals = createProposalService({ prisma, events, clock, eligibility, limits, notifications });
  const lifecycle = createLifecycleService({ prisma, clock, events, notifications });
  const rounds = createRoundService({ prisma, clock, events });
  return {
    events,
    clock,
    mailer,
    sessions,
    eligibility,
    notifications,
    proposals,
    lifecycle,
    comments: createCommentService({ prisma, clock, events, eligibility, limits, notifications, rounds }),
    rounds,
    entries: createEntryService({ prisma, clock, events, rounds, proposals, eligibility, notifications }),
    quality: createQualityService({ prisma, rounds }),
    content: createContentService({ prisma, clock, events, notifications, storage, proposals }),
    scheduler: createScheduler({ prisma, clock, proposals, lifecycle, notifications, rounds }),
    catalog: createCatalogService({ prisma }),
    accounts: createAccountService({ prisma, clock, sessions, limits, mailer, publicUrl }),
    identity: createIdentityService({ prisma, clock, limits, providers: identityProviders, identityHashKey }),
    admin: createAdminService({ prisma, clock, sessions }),
    audit: createAuditService({ prisma }),
    search: createSearchService({ prisma }),
    merge: createMergeService({ prisma, clock, events }),
  };
}

export type Domain = ReturnType<typeof createDomain>;
