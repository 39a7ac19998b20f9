// Rate limits with rate-limiter-flexible: in memory on one node, in Redis when REDIS_URL is
// set so that every node counts together.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { createClient } from "redis";
import { AppError } from "../domain/errors.ts";
import type { RateLimitBucket, RateLimiter } from "../domain/ports.ts";

export type LimitSpec = { points: number; durationSeconds: number; blockSeconds?: number };

export const DEFAULT_LIMITS: Record<RateLimitBucket, LimitSpec> = {
  login: { points: 30, durationSeconds: 10 * 60 },
  // Five wrong passwords lock the account's login for 15 minutes.
  loginFailure: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signup: { points: 10, durationSeconds: 60 * 60 },
  post: { points: 10, durationSeconds: 60 * 60 },
  support: { points: 120, durationSeconds: 60 },
  verify: { points: 10, durationSeconds: 60 * 60 },
  passwordReset: { points: 5, durationSeconds: 60 * 60 },
};

const MESSAGE_KEY: Record<RateLimitBucket, string> = {
  login: "errors.rateLimited",
  loginFailure: "errors.loginLocked",
  signup: "errors.rateLimited",
  post: "errors.rateLimited",
  support: "errors.rateLimited",
  verify: "errors.rateLimited",
  passwordReset: "errors.rateLimited",
};

export function createRateLimiter({
  redis,
  limits = DEFAULT_LIMITS,
}: { redis?: ReturnType<typeof createClient>; limits?: Partial<Record<RateLimitBucket, LimitSpec>> } = {}): RateLimiter {
  const specs = { ...DEFAULT_LIMITS, ...limits };
  const limiters = new Map<RateLimitBucket, RateLimiterAbstract>();
  for (const [bucket, spec] of Object.entries(specs) as [RateLimitBucket, LimitSpec][]) {
    const options = { keyPrefix: `madang:rl:${bucket}`, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 };
    limiters.set(bucket, redis ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true }) : new RateLimiterMemory(options));
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
  };
}
