// Clocks and figures. Every timestamp of the bench is process.hrtime in milliseconds: one
// monotonic clock (CLOCK_MONOTONIC) shared by the bench, its watcher process and the raw
// broadcast server, so a time taken in one process can be subtracted from one taken in another.
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Percentiles = { n: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles of `samples` (ms); NaN everywhere when there are none. */
export function percentiles(samples: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}

/**
 * Latencies too many to keep one by one (every command × every watcher): counted in buckets
 * of `resolutionMs`, the exact maximum kept aside.
 */
export class Histogram {
  private readonly buckets: Uint32Array;
  private overflow = 0;
  n = 0;
  max = -Infinity;
  min = Infinity;

  constructor(
    private readonly resolutionMs = 0.05,
    private readonly limitMs = 120_000,
  ) {
    this.buckets = new Uint32Array(Math.ceil(limitMs / resolutionMs));
  }

  add(ms: number) {
    this.n++;
    if (ms > this.max) this.max = ms;
    if (ms < this.min) this.min = ms;
    const index = Math.floor(Math.max(0, ms) / this.resolutionMs);
    if (index >= this.buckets.length) this.overflow++;
    else this.buckets[index]!++;
  }

  /** The upper edge of the bucket holding the q-quantile (the maximum beyond the limit). */
  quantile(q: number): number {
    if (this.n === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.n));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min((i + 1) * this.resolutionMs, this.max);
    }
    return this.max;
  }

  summary(): Percentiles {
    return { n: this.n, p50: this.quantile(0.5), p95: this.quantile(0.95), p99: this.quantile(0.99), max: this.n ? this.max : NaN };
  }
}

/** Runs `task` for every item with at most `limit` running at once. */
export async function inBatches<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

/** A distinct client address per socket (10.x.y.z), as a load balancer would forward it. */
export const clientAddress = (index: number, block = 0) => `10.${block}.${(index >> 8) & 255}.${index & 255}`;
