import { CommonErrors } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import { RateLimitedError, secondsUntilFree } from './rate-limited.js';
import type { Redis } from 'ioredis';

// A sliding window: drop what left the window, admit if under the limit. Only admitted calls take a slot. A refusal
// returns the time of the entry whose leaving frees the next slot.
const SLIDING_WINDOW = `
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
  local n = redis.call('ZCARD', KEYS[1])
  if n >= tonumber(ARGV[3]) then
    local e = redis.call('ZRANGE', KEYS[1], n - tonumber(ARGV[3]), n - tonumber(ARGV[3]), 'WITHSCORES')
    return {0, e[2] or ARGV[1]}
  end
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, 0}`;

/** Limits held in Redis, so they hold across gateway replicas. Redis down → 503 at once, never a hang. */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(bucket: string, key: string, limit: number, windowMs: number): Promise<void> {
    let admitted: number;
    let oldest: number;
    const now = Date.now();
    try {
      const reply = (await this.redis.eval(SLIDING_WINDOW, 1, `${this.prefix}:rate:${bucket}:${key}`, now, windowMs, limit, `${now}-${Math.random()}`)) as [
        number,
        string | number,
      ];
      [admitted, oldest] = [Number(reply[0]), Number(reply[1])];
    } catch {
      throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'service unavailable: rate limiter store is down');
    }
    if (admitted !== 1) {
      const retry = secondsUntilFree(oldest, windowMs, now);
      throw new RateLimitedError(`too many requests: at most ${limit} per ${windowMs / 1000} seconds; try again in ${retry} s`, retry);
    }
  }
}
