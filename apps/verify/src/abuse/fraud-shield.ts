import type { Redis } from 'ioredis';
import { CommonErrors } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import { CONVERSION_WINDOW_S, type FraudLevel, numberRange, SETTLE_S } from './fraud-levels.js';

// KEYS: sends (zset: attempt → time), verified (zset: session → time), block (string, with the cool-down as TTL).
// ARGV: now ms, attempt uuid, burst, burst window ms, min sends, min verified ratio, cool-down ms, conversion window
// ms, settle ms. One round trip: a blocked range answers at once; else both signatures are read, and a send that
// trips one is refused and blocks the range; an admitted send is recorded.
const CHECK = `
  local now = tonumber(ARGV[1])
  if redis.call('EXISTS', KEYS[3]) == 1 then return {0, redis.call('GET', KEYS[3])} end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[8]))
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[8]))
  local reason = false
  if redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[4]), '+inf') >= tonumber(ARGV[3]) then
    reason = 'burst'
  else
    local settled = redis.call('ZCOUNT', KEYS[1], '-inf', now - tonumber(ARGV[9]))
    if settled >= tonumber(ARGV[5]) and redis.call('ZCARD', KEYS[2]) < settled * tonumber(ARGV[6]) then reason = 'conversion' end
  end
  if reason then
    redis.call('SET', KEYS[3], reason, 'PX', ARGV[7])
    return {0, reason}
  end
  redis.call('ZADD', KEYS[1], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[8])
  return {1, ''}`;

export type FraudVerdict = { allowed: true } | { allowed: false; reason: string };

/** Fraud Shield's detection, in Redis so every verify replica sees the same ranges. Its store down → a 503 error, never a pass: AbuseChecks decides (it lets the attempt go). */
export class FraudShield {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private keys(mainAccountId: string, digits: string): [string, string, string] {
    const base = `${this.prefix}:fs:${mainAccountId}:${numberRange(digits)}`;
    return [`${base}:sent`, `${base}:ok`, `${base}:block`];
  }

  async check(mainAccountId: string, digits: string, attemptUuid: string, level: FraudLevel, now = Date.now()): Promise<FraudVerdict> {
    const args = [now, attemptUuid, level.burst, level.burstWindowS * 1000, level.minSends, level.minVerifiedRatio, level.cooldownS * 1000];
    const reply = (await this.store(() =>
      this.redis.eval(CHECK, 3, ...this.keys(mainAccountId, digits), ...args, CONVERSION_WINDOW_S * 1000, SETTLE_S * 1000),
    )) as [number, string];
    return reply[0] === 1 ? { allowed: true } : { allowed: false, reason: reply[1] };
  }

  /** A session to the range was verified: the conversion signal. */
  async verified(mainAccountId: string, digits: string, sessionUuid: string, now = Date.now()): Promise<void> {
    const [, ok] = this.keys(mainAccountId, digits);
    await this.store(() =>
      this.redis
        .multi()
        .zadd(ok, now, sessionUuid)
        .pexpire(ok, CONVERSION_WINDOW_S * 1000)
        .exec(),
    );
  }

  private async store<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch {
      throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'service unavailable: the Fraud Shield store is down');
    }
  }
}
