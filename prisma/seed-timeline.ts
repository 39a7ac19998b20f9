// The demo city is played, not written: every step (a sign-up, a proposal, a 공감, a screening,
// an answer, a phase change) is a call to the domain at its own moment on a clock the seed
// moves forward step by step, so each record carries the time it would have had and every
// rule of the day applies. Nothing here reads the wall clock; the story ends at the anchor.
import type { Clock } from "../app/domain/viewer.ts";

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A clock that only moves when the seed moves it, and only forward. */
export class SeedClock implements Clock {
  #at: number;

  constructor(start: Date | number) {
    this.#at = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#at);
  }

  get time(): number {
    return this.#at;
  }

  advanceTo(at: number) {
    if (at < this.#at)
      throw new Error(`the seed clock cannot go back from ${new Date(this.#at).toISOString()} to ${new Date(at).toISOString()}`);
    this.#at = at;
  }
}

type Step = { at: number; order: number; label: string; run: () => Promise<void> };

/** Steps ordered by time (and, at the same moment, by when they were planned). A step may plan later ones. */
export class Timeline {
  readonly #steps: Step[] = [];
  #planned = 0;

  constructor(readonly clock: SeedClock) {}

  /** Plans `run` at `at`; never before the clock's current time. */
  at(at: Date | number, label: string, run: () => Promise<unknown>) {
    const time = new Date(at).getTime();
    if (!Number.isFinite(time)) throw new Error(`seed step "${label}" has no valid time`);
    if (time < this.clock.time) throw new Error(`seed step "${label}" is planned in the past (${new Date(time).toISOString()})`);
    const step: Step = { at: time, order: this.#planned++, label, run: async () => void (await run()) };
    // Binary search for the first step that comes after this one.
    let low = 0;
    let high = this.#steps.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.#steps[mid]!;
      if (other.at < step.at || (other.at === step.at && other.order < step.order)) low = mid + 1;
      else high = mid;
    }
    this.#steps.splice(low, 0, step);
  }

  /** Runs every step up to `until` in order, moving the clock to each, and leaves the clock at `until`. */
  async play(until: Date | number) {
    const end = new Date(until).getTime();
    while (this.#steps.length > 0 && this.#steps[0]!.at <= end) {
      const step = this.#steps.shift()!;
      this.clock.advanceTo(step.at);
      try {
        await step.run();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`seed step "${step.label}" at ${new Date(step.at).toISOString()} failed: ${message}`, { cause: error });
      }
    }
    if (this.#steps.length > 0) throw new Error(`seed step "${this.#steps[0]!.label}" is planned after the end of the story`);
    this.clock.advanceTo(end);
  }
}

/** Small deterministic generator (an LCG), so the demo looks the same on every machine and every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
