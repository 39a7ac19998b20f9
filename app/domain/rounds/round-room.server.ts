// Who may have a round's live room (round:watch): asked once per watcher, so it answers from a
// small cache instead of reading the round. Only published rounds are kept: publishing is
// one-way, so a kept answer stays true even on a node that missed an event; a draft (which only
// moderators watch) is read again each time.
import { LRUCache } from "lru-cache";
import type { PrismaClient } from "../db.ts";
import { notFound } from "../errors.ts";
import type { EventBus } from "../events.ts";
import type { Viewer } from "../viewer.ts";
import { parse } from "./round-guards.ts";
import { zId } from "./round.schema.ts";
import { canSeeRound } from "./viewer-can.policy.ts";

type Facts = { publishedAt: Date | null };

const CACHED_ROUNDS = 1_000;

export function createRoundRooms({ prisma, events }: { prisma: PrismaClient; events: EventBus }) {
  const cache = new LRUCache<number, Facts>({ max: CACHED_ROUNDS });
  /** First reads in flight, so a crowd arriving at once reads a round once. */
  const loading = new Map<number, Promise<Facts | null>>();

  function facts(id: number): Facts | Promise<Facts | null> {
    return cache.get(id) ?? loading.get(id) ?? load(id);
  }

  function load(id: number): Promise<Facts | null> {
    const read = prisma.round
      .findUnique({ where: { id }, select: { publishedAt: true } })
      .then((row) => {
        // Not kept when dropped meanwhile: the row may predate the event that dropped it.
        if (row?.publishedAt && loading.get(id) === read) cache.set(id, row);
        return row;
      })
      .finally(() => {
        if (loading.get(id) === read) loading.delete(id);
      });
    loading.set(id, read);
    return read;
  }

  const forget = (id: number) => {
    cache.delete(id);
    loading.delete(id);
  };
  events.subscribe("round.changed", (e) => forget(e.roundId));
  events.subscribe("round.phaseChanged", (e) => forget(e.roundId));

  return {
    /** The round's id when `viewer` may follow it live; NOT_FOUND, as the page says, when they may not see it. */
    async admit(viewer: Viewer, rawId: unknown): Promise<number> {
      const id = parse(zId, rawId);
      const round = await facts(id);
      if (!round || !canSeeRound(viewer, round)) throw notFound("rounds.errors.notFound");
      return id;
    },
  };
}

export type RoundRooms = ReturnType<typeof createRoundRooms>;
