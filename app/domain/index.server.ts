// Builds the domain once per process; server.ts hands the same instance to Remix,
// GraphQL and socket.io.
import { createCatalogService } from "./catalog/catalog.service.server.ts";
import type { PrismaClient } from "./db.ts";
import { EventBus } from "./events.ts";
import { createProposalService } from "./proposals/proposal.service.server.ts";
import { createSessionService } from "./sessions/session.service.server.ts";
import { systemClock, type Clock } from "./viewer.ts";

export function createDomain({ prisma, clock = systemClock, events = new EventBus() }: { prisma: PrismaClient; clock?: Clock; events?: EventBus }) {
  return {
    events,
    clock,
    proposals: createProposalService({ prisma, events, clock }),
    catalog: createCatalogService({ prisma }),
    sessions: createSessionService({ prisma, clock }),
  };
}

export type Domain = ReturnType<typeof createDomain>;
