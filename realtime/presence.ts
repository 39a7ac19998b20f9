// "N명 참여 중": how many sockets have a room open, announced to the room. Counting goes
// through the adapter (every node's sockets), so it is coalesced per room: the first change
// is announced at once, and every change within the next interval is announced together once,
// with the count of that moment — a hundred people opening a page make a few broadcasts, not
// a hundred (each to everyone in the room).
import type { RealtimeServer } from "./server.ts";

export const PRESENCE_INTERVAL_MS = 250;

export function createPresence(io: RealtimeServer, intervalMs = PRESENCE_INTERVAL_MS) {
  /** Rooms with an announcement running or just made; `again` is set when another change came in meanwhile. */
  const busy = new Map<string, { again: boolean }>();

  async function count(room: string): Promise<number> {
    return (await io.in(room).fetchSockets()).length;
  }

  async function run(room: string, send: (count: number) => void): Promise<void> {
    const state = busy.get(room)!;
    try {
      send(await count(room));
    } catch {
      // A count that cannot be taken (a node gone, shutting down) is skipped; the next change will tell.
    }
    const timer = setTimeout(() => {
      if (state.again) {
        state.again = false;
        void run(room, send);
      } else busy.delete(room);
    }, intervalMs);
    timer.unref();
  }

  return {
    /**
     * Announces `room`'s count through `send`. Resolves once an immediate announcement has gone
     * out (so a client hears the count before the ack of its own watch), or at once when it
     * was folded into the next one.
     */
    announce(room: string, send: (count: number) => void): Promise<void> {
      const state = busy.get(room);
      if (state) {
        state.again = true;
        return Promise.resolve();
      }
      busy.set(room, { again: false });
      return run(room, send);
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
