import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoalescer } from "./coalesce.ts";

describe("coalescing pushes per room", () => {
  let sent: { room: string; items: number[] }[];
  const coalescer = () => createCoalescer<number>((room, items) => sent.push({ room, items }), 100);
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
  });
  afterEach(() => vi.useRealTimers());

  it("sends the first push to a quiet room at once, then the latest value per key once per window", () => {
    const c = coalescer();
    c.push("p:1", "support:1", 1);
    expect(sent).toEqual([{ room: "p:1", items: [1] }]);
    for (let n = 2; n <= 1000; n++) c.push("p:1", "support:1", n);
    c.push("p:1", "debate:1", -1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sent[1]).toEqual({ room: "p:1", items: [1000, -1] });
    // A window with nothing waiting ends it: the next push goes at once again.
    vi.advanceTimersByTime(100);
    c.push("p:1", "support:1", 1001);
    expect(sent[2]).toEqual({ room: "p:1", items: [1001] });
  });

  it("keeps rooms apart", () => {
    const c = coalescer();
    c.push("a", "k", 1);
    c.push("b", "k", 2);
    c.push("a", "k", 3);
    expect(sent).toEqual([
      { room: "a", items: [1] },
      { room: "b", items: [2] },
    ]);
    vi.advanceTimersByTime(100);
    expect(sent[2]).toEqual({ room: "a", items: [3] });
  });

  it("sends at most one push per room per window during a steady stream", () => {
    const c = coalescer();
    for (let ms = 0; ms < 1000; ms++) {
      c.push("p:1", "support:1", ms);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    expect(sent.length).toBeLessThanOrEqual(11);
    expect(sent.at(-1)!.items).toEqual([999]);
  });

  it("sends what is waiting on close, and nothing after", () => {
    const c = coalescer();
    c.push("p:1", "k", 1);
    c.push("p:1", "k", 2);
    c.close();
    expect(sent).toEqual([
      { room: "p:1", items: [1] },
      { room: "p:1", items: [2] },
    ]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });
});
