// Per-room coalescing of pushes. The first push to a quiet room goes at once and opens a window;
// what comes during the window waits, the latest per key winning, and goes when it ends (opening
// the next window). A burst of 1,000 공감 on one proposal is a few pushes per second per room,
// each with the newest count. close() sends whatever is waiting.
export type Coalescer<T> = {
  push(room: string, key: string, item: T): void;
  close(): void;
};

export const COALESCE_WINDOW_MS = 100;

export function createCoalescer<T>(send: (room: string, items: T[]) => void, windowMs = COALESCE_WINDOW_MS): Coalescer<T> {
  const open = new Map<string, { timer: ReturnType<typeof setTimeout>; pending: Map<string, T> }>();

  function startWindow(room: string, pending = new Map<string, T>()) {
    const timer = setTimeout(() => endWindow(room), windowMs);
    timer.unref?.();
    open.set(room, { timer, pending });
  }

  function endWindow(room: string) {
    const state = open.get(room);
    if (!state) return;
    if (state.pending.size === 0) {
      open.delete(room);
      return;
    }
    const items = [...state.pending.values()];
    startWindow(room);
    send(room, items);
  }

  return {
    push(room, key, item) {
      const state = open.get(room);
      if (!state) {
        startWindow(room);
        send(room, [item]);
        return;
      }
      // Delete first, so the items go in the order of their latest change.
      state.pending.delete(key);
      state.pending.set(key, item);
    },
    close() {
      const waiting = [...open.entries()];
      open.clear();
      for (const [room, state] of waiting) {
        clearTimeout(state.timer);
        if (state.pending.size > 0) send(room, [...state.pending.values()]);
      }
    },
  };
}
