// Rate limits with rate-limiter-flexible: in memory on one node, in Redis when REDIS_URL is
// set so that every node counts together.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { createClient } from "redis";
import { AppError } from "../domain/errors.ts";
import type { RateLimitBucket, RateLimiter } from "../domain/ports.ts";

export type LimitSpec = {
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
  /** Counted in this node's memory even with Redis: the key lives on one node (a socket). */
  local?: boolean;
  /** For floods: once exhausted, refused from memory without asking Redis again until the window ends. */
  shield?: boolean;
};

export const DEFAULT_LIMITS: Record<RateLimitBucket, LimitSpec> = {
  // Log-in (scheme in app/domain/accounts/login-guard.ts, docs/decisions/0011-login-limits.md).
  // Every attempt per address: a flood guard only, far above a 200-person office at 9 a.m.
  login: { points: 300, durationSeconds: 60 },
  // Five wrong passwords for one account from one address lock that pair for 15 minutes.
  loginFailurePair: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  // Twenty for one account from anywhere lock it for an hour, for addresses it never logged in from.
  loginFailure: { points: 20, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  // A hundred from one address over any accounts lock that address for an hour, except for
  // accounts that logged in from it before (colleagues behind the same NAT).
  loginFailureAddress: { points: 100, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  // An (account, address) pair that logged in successfully is remembered for three weeks after
  // its last success (the in-memory store's timers cap a duration at 24.8 days).
  loginKnownAddress: { points: 1, durationSeconds: 21 * 24 * 60 * 60 },
  signup: { points: 10, durationSeconds: 60 * 60 },
  post: { points: 10, durationSeconds: 60 * 60 },
  // 공감 and its withdrawal are one toggle: 120 a minute per person over every proposal, and
  // 10 per 10 minutes on one proposal (support, change of mind, support again, a few times;
  // each toggle is pushed to everyone watching, so 250 in a row are not).
  support: { points: 120, durationSeconds: 60 },
  supportToggle: { points: 10, durationSeconds: 10 * 60 },
  // Socket events (realtime/limits.ts). A page watches a handful of rooms when it opens (and
  // again after a reconnect) and sends a few commands a second at most: 40 events per 10 s per
  // connection leaves room for that several times over. A flood of 2,000 a second is refused
  // from the 41st event, and a socket that keeps sending after being refused is disconnected.
  socketEvent: { points: 40, durationSeconds: 10, local: true },
  // Per client address, connections and events together: a school or city office behind one
  // NAT address, a hundred people opening pages at once, stays far below 1,000 per 10 s.
  socketEventIp: { points: 1000, durationSeconds: 10, shield: true },
  verify: { points: 10, durationSeconds: 60 * 60 },
  passwordReset: { points: 5, durationSeconds: 60 * 60 },
};

const MESSAGE_KEY: Record<RateLimitBucket, string> = {
  login: "errors.rateLimited",
  loginFailure: "errors.loginLocked",
  loginFailurePair: "errors.loginLocked",
  loginFailureAddress: "errors.loginAddressLocked",
  loginKnownAddress: "errors.rateLimited",
  signup: "errors.rateLimited",
  post: "errors.rateLimited",
  support: "errors.rateLimited",
  supportToggle: "errors.rateLimited",
  socketEvent: "errors.tooFast",
  socketEventIp: "errors.tooFast",
  verify: "errors.rateLimited",
  passwordReset: "errors.rateLimited",
};

export function createRateLimiter({
  redis,
  limits = DEFAULT_LIMITS,
  prefix = "madang:rl",
}: {
  redis?: ReturnType<typeof createClient>;
  limits?: Partial<Record<RateLimitBucket, LimitSpec>>;
  /** Key prefix in Redis (tests use their own so runs never share a bucket). */
  prefix?: string;
} = {}): RateLimiter {
  const specs = { ...DEFAULT_LIMITS, ...limits };
  const limiters = new Map<RateLimitBucket, RateLimiterAbstract>();
  for (const [bucket, spec] of Object.entries(specs) as [RateLimitBucket, LimitSpec][]) {
    const options = {
      keyPrefix: `${prefix}:${bucket}`,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
    };
    if (!redis || spec.local) limiters.set(bucket, new RateLimiterMemory(options));
    else if (spec.shield)
      limiters.set(
        bucket,
        new RateLimiterRedis({
          ...options,
          storeClient: redis,
          useRedisPackage: true,
          inMemoryBlockOnConsumed: spec.points + 1,
          // While Redis is unreachable each node counts alone rather than refusing or letting all through.
          insuranceLimiter: new RateLimiterMemory(options),
        }),
      );
    else limiters.set(bucket, new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true }));
  }

  const limited = (bucket: RateLimitBucket, res: RateLimiterRes) =>
    new AppError("RATE_LIMITED", MESSAGE_KEY[bucket], { params: { minutes: Math.max(1, Math.ceil(res.msBeforeNext / 60_000)) } });

  return {
    async consume(bucket, key) {
      try {
        await limiters.get(bucket)!.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw limited(bucket, error);
        throw error;
      }
    },
    async check(bucket, key) {
      const limiter = limiters.get(bucket)!;
      const res = await limiter.get(key);
      if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) throw limited(bucket, res);
    },
    async reset(bucket, key) {
      await limiters.get(bucket)!.delete(key);
    },
    async remember(bucket, key) {
      await limiters.get(bucket)!.set(key, 1, specs[bucket].durationSeconds);
    },
    async remembers(bucket, key) {
      const res = await limiters.get(bucket)!.get(key);
      return res !== null && res.consumedPoints > 0;
    },
  };
}
