import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit.ts";

/** A writer that records each batch and finishes when told. */
function recordingWriter() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const write = (items: number[]) =>
    new Promise<(number | Error)[]>((resolve) => {
      batches.push(items);
      releases.push(() => resolve(items.map((n) => (n < 0 ? new Error(`refused ${n}`) : n * 10))));
    });
  return { batches, write, releaseAll: () => releases.splice(0).forEach((r) => r()) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("group commit", () => {
  it("sends a lone command on the next turn, alone", async () => {
    const w = recordingWriter();
    const commits = createGroupCommit(w.write);
    const one = commits.submit(1);
    await tick();
    expect(w.batches).toEqual([[1]]);
    w.releaseAll();
    expect(await one).toBe(10);
  });

  it("gathers what arrives while the writers are busy into the next statement, in order", async () => {
    const w = recordingWriter();
    const commits = createGroupCommit(w.write, { concurrency: 1 });
    const first = commits.submit(1);
    await tick();
    const rest = [2, 3, 4, 5].map((n) => commits.submit(n));
    await tick();
    expect(w.batches).toEqual([[1]]);
    expect(commits.waiting).toBe(4);
    w.releaseAll();
    await first;
    await tick();
    expect(w.batches).toEqual([[1], [2, 3, 4, 5]]);
    w.releaseAll();
    expect(await Promise.all(rest)).toEqual([20, 30, 40, 50]);
  });

  it("keeps at most `concurrency` statements in flight and at most `maxBatch` commands in one", async () => {
    const w = recordingWriter();
    const commits = createGroupCommit(w.write, { concurrency: 2, maxBatch: 3 });
    const all = Array.from({ length: 10 }, (_, i) => commits.submit(i + 1));
    await tick();
    expect(w.batches).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    while (w.batches.flat().length < 10) {
      w.releaseAll();
      await tick();
    }
    w.releaseAll();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(Math.max(...w.batches.map((b) => b.length))).toBe(3);
  });

  it("refuses one command for its own reason without the others, and all of a statement that failed", async () => {
    const w = recordingWriter();
    const commits = createGroupCommit(w.write);
    const [ok, refused] = [commits.submit(2), commits.submit(-1)];
    await tick();
    w.releaseAll();
    expect(await ok).toBe(20);
    await expect(refused).rejects.toThrow("refused -1");

    const failing = createGroupCommit<number, number>(() => Promise.reject(new Error("connection lost")));
    const outcomes = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
  });
});
