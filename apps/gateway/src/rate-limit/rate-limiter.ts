import { CommonErrors } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import type { Redis } from 'ioredis';

// A sliding window: drop what left the window, admit if under the limit. Only admitted calls take a slot.
const SLIDING_WINDOW = `
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1`;

/** Limits held in Redis, so they hold across gateway replicas. Redis down → 503 at once, never a hang. */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(bucket: string, key: string, limit: number, windowMs: number): Promise<void> {
    let admitted: number;
    try {
      const now = Date.now();
      admitted = (await this.redis.eval(SLIDING_WINDOW, 1, `${this.prefix}:rate:${bucket}:${key}`, now, windowMs, limit, `${now}-${Math.random()}`)) as number;
    } catch {
      throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'service unavailable: rate limiter store is down');
    }
    if (admitted !== 1) throw new DomainError(CommonErrors.RATE_LIMITED, `too many requests: at most ${limit} per ${windowMs / 1000} seconds`);
  }
}
