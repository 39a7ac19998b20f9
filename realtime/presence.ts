// "N명 참여 중": how many sockets have a proposal's or a round's room open, on every node.
// Each node counts only its own sockets — the adapter's local rooms, followed through its
// join-room and leave-room events, so a watch, an unwatch, a disconnection and a connection
// restored by recovery (which gets its rooms back without a watch) all count alike — tells
// the other nodes its count when it changes, and tells its own sockets the total. Per room,
// the first change goes out at once and later ones are folded into one update per interval.
// A node re-sends its counts every heartbeat and forgets another node's older than three
// heartbeats, so a node that vanished without saying goodbye stops counting.
import { randomUUID } from "node:crypto";
import { rooms } from "./rooms.ts";
import type { RealtimeServer, RealtimeSocket } from "./server.ts";

export const PRESENCE_INTERVAL_MS = 250;
export const PRESENCE_HEARTBEAT_MS = 10_000;

export type PresenceOptions = {
  /** Several nodes share an adapter: exchange counts with them. Alone, the local count is the total. */
  clustered: boolean;
  intervalMs?: number;
  heartbeatMs?: number;
};

type RoomState = {
  /** Other nodes' counts, by node, with when each was last heard. */
  others: Map<string, { count: number; at: number }>;
  /** The local count the other nodes were last told. */
  sent: number;
  /** The total this node's sockets were last told. */
  announced: number | null;
  /** A socket arrived since the last announcement: it has not heard the count yet. */
  arrived: boolean;
  timer: NodeJS.Timeout | null;
  again: boolean;
};

// The prefixes of the rooms counted ("proposal:", "round:"), from rooms.ts, which names every room.
const PROPOSAL = rooms.proposal(0).slice(0, -1);
const ROUND = rooms.round(0).slice(0, -1);
const isCounted = (room: string) => room.startsWith(PROPOSAL) || room.startsWith(ROUND);

export function createPresence(
  io: RealtimeServer,
  { clustered, intervalMs = PRESENCE_INTERVAL_MS, heartbeatMs = PRESENCE_HEARTBEAT_MS }: PresenceOptions,
) {
  const node = randomUUID();
  const adapter = io.of("/").adapter;
  /** Rooms with local sockets, or with an update still due. */
  const states = new Map<string, RoomState>();
  /** Rooms changed in this tick, flushed together once the tick's joins and leaves are done. */
  const soon = new Set<string>();
  /** Local counts not yet sent to the other nodes. */
  const outbox = new Map<string, number>();
  let closed = false;

  const localCount = (room: string) => adapter.rooms.get(room)?.size ?? 0;

  function announce(room: string, count: number) {
    const id = Number(room.slice(room.indexOf(":") + 1));
    if (room.startsWith(PROPOSAL)) io.local.to(room).emit("proposal:presence", { proposalId: id, count });
    else io.local.to(room).emit("round:presence", { roundId: id, count });
  }

  function send(counts: [string, number][]) {
    if (clustered && counts.length > 0) io.serverSideEmit("presence:counts", node, counts);
  }

  function flushOutbox() {
    send([...outbox]);
    outbox.clear();
  }

  function flush(room: string, state: RoomState) {
    const local = localCount(room);
    if (local !== state.sent) {
      state.sent = local;
      if (clustered) {
        if (outbox.size === 0) queueMicrotask(flushOutbox);
        outbox.set(room, local);
      }
    }
    if (local === 0) {
      state.announced = null;
      state.arrived = false;
      return;
    }
    let total = local;
    for (const share of state.others.values()) total += share.count;
    if (total !== state.announced || state.arrived) {
      announce(room, total);
      state.announced = total;
      state.arrived = false;
    }
  }

  function tick(room: string, state: RoomState) {
    state.timer = null;
    if (closed) return;
    if (state.again) {
      state.again = false;
      flush(room, state);
      state.timer = setTimeout(() => tick(room, state), intervalMs).unref();
    } else if (localCount(room) === 0 && state.sent === 0) states.delete(room);
  }

  function changed(room: string, state: RoomState) {
    if (state.timer) {
      state.again = true;
      return;
    }
    flush(room, state);
    state.timer = setTimeout(() => tick(room, state), intervalMs).unref();
  }

  function flushSoon() {
    for (const room of soon) {
      const state = states.get(room);
      if (state) changed(room, state);
    }
    soon.clear();
  }

  function touch(room: string, arrived: boolean) {
    if (closed || !isCounted(room)) return;
    let state = states.get(room);
    if (!state) {
      if (!arrived) return;
      state = { others: new Map(), sent: 0, announced: null, arrived: false, timer: null, again: false };
      states.set(room, state);
      // New here: the other nodes' counts were not kept, so ask for them.
      if (clustered) io.serverSideEmit("presence:hello", node, [room]);
    }
    if (arrived) state.arrived = true;
    // Not from inside the adapter's event; a microtask still runs before the joining handler acks.
    if (soon.size === 0) queueMicrotask(flushSoon);
    soon.add(room);
  }

  const onJoin = (room: string) => touch(room, true);
  const onLeave = (room: string) => touch(room, false);
  adapter.on("join-room", onJoin);
  adapter.on("leave-room", onLeave);

  // A restored connection rejoined its rooms before it was connected, so an announcement made
  // then missed it: tell it again (the count itself did not change when it came back).
  const onConnection = (socket: RealtimeSocket) => {
    if (socket.recovered) for (const room of socket.rooms) touch(room, true);
  };
  io.on("connection", onConnection);

  function heard(from: string, counts: [string, number][]) {
    const at = Date.now();
    for (const [room, count] of counts) {
      const state = states.get(room);
      if (!state) continue; // no local sockets: nobody here to tell
      const before = state.others.get(from)?.count ?? 0;
      if (count > 0) state.others.set(from, { count, at });
      else state.others.delete(from);
      if (count !== before) changed(room, state);
    }
  }

  if (clustered) {
    io.on("presence:counts", heard);
    io.on("presence:hello", (_from, asked) => {
      send(asked.flatMap((room): [string, number][] => (localCount(room) > 0 ? [[room, localCount(room)]] : [])));
    });
    io.on("presence:bye", (from) => {
      for (const [room, state] of states) if (state.others.delete(from)) changed(room, state);
    });
  }

  const heartbeat = clustered
    ? setInterval(() => {
        const stale = Date.now() - 3 * heartbeatMs;
        const counts: [string, number][] = [];
        for (const [room, state] of states) {
          let dropped = false;
          for (const [other, share] of state.others) if (share.at < stale) dropped = state.others.delete(other);
          if (dropped) changed(room, state);
          if (state.sent > 0) counts.push([room, state.sent]);
        }
        send(counts);
      }, heartbeatMs).unref()
    : null;

  return {
    /** Stops counting and tells the other nodes to drop this node's counts (before the sockets go). */
    close() {
      if (closed) return;
      closed = true;
      if (heartbeat) clearInterval(heartbeat);
      for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
      states.clear();
      adapter.off("join-room", onJoin);
      adapter.off("leave-room", onLeave);
      io.off("connection", onConnection);
      if (clustered) io.serverSideEmit("presence:bye", node);
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
