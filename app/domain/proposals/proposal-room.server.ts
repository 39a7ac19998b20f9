// Who may have a proposal's live room (proposal:watch): asked once per watcher, so it answers
// from a small cache of the proposal's visibility facts instead of reading the proposal. The
// rule is canSeeProposal's. Only published facts are kept: publishing is one-way (no stage
// leads back to a draft or to screening), so a kept answer stays true even on a node that
// missed an event, while a draft or a proposal in screening — which becomes visible without a
// proposal.statusChanged when its author submits it — is read again each time (few watch one).
import { LRUCache } from "lru-cache";
import type { PrismaClient } from "../db.ts";
import { notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { parseId } from "../ids.ts";
import type { Viewer } from "../viewer.ts";
import type { ProposalStatus } from "./proposal.types.ts";
import { canSeeProposal, isPublished } from "./proposal.visibility.ts";

type Facts = { authorId: number; status: ProposalStatus };

const CACHED_PROPOSALS = 10_000;

export function createProposalRooms({ prisma, events }: { prisma: PrismaClient; events: EventBus }) {
  const cache = new LRUCache<number, Facts>({ max: CACHED_PROPOSALS });
  /** First reads in flight, so a crowd arriving at once reads a proposal once. */
  const loading = new Map<number, Promise<Facts | null>>();

  function facts(id: number): Facts | Promise<Facts | null> {
    return cache.get(id) ?? loading.get(id) ?? load(id);
  }

  function load(id: number): Promise<Facts | null> {
    const read = prisma.proposal
      .findUnique({ where: { id }, select: { authorId: true, status: true } })
      .then((row) => {
        // Not kept when dropped meanwhile: the row may predate the event that dropped it.
        if (row && isPublished(row) && loading.get(id) === read) cache.set(id, row);
        return row;
      })
      .finally(() => {
        if (loading.get(id) === read) loading.delete(id);
      });
    loading.set(id, read);
    return read;
  }

  const forget = (...ids: number[]) =>
    ids.forEach((id) => {
      cache.delete(id);
      loading.delete(id);
    });
  events.subscribe("proposal.statusChanged", (e) => forget(e.proposalId));
  events.subscribe("proposal.merged", (e) => forget(e.sourceId, e.targetId));

  return {
    /** The proposal's id when `viewer` may follow it live; NOT_FOUND, as the page says, when they may not see it. */
    async admit(viewer: Viewer, rawId: unknown): Promise<number> {
      const id = parseId(rawId);
      const proposal = await facts(id);
      if (!proposal || !canSeeProposal(viewer, proposal)) throw notFound("errors.proposalNotFound");
      return id;
    },
  };
}

export type ProposalRooms = ReturnType<typeof createProposalRooms>;
