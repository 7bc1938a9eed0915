import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimitedError, secondsUntilFree } from '../rate-limit/rate-limited.js';

/** Failed authentications allowed per client address in a sliding minute; the next attempt gets a 429. */
export const AUTH_FAILURE_LIMIT = 20;
export const AUTH_FAILURE_WINDOW_MS = 60_000;

// Both scripts first drop failures that left the window; RECORD then adds one. Both return the count; COUNT also
// returns when the failure whose leaving brings the address back under the limit was recorded.
const COUNT = `
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
  local n = redis.call('ZCARD', KEYS[1])
  local i = n - tonumber(ARGV[3])
  if i < 0 then return {n, 0} end
  local e = redis.call('ZRANGE', KEYS[1], i, i, 'WITHSCORES')
  return {n, e[2] or ARGV[1]}`;
const RECORD = `
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return redis.call('ZCARD', KEYS[1])`;

/**
 * Throttles guessing: failed BasicAuth (and admin bearer) attempts are counted per client address in Redis, so the
 * limit holds across gateway replicas. Once an address is over the limit, even a correct credential is refused until
 * the window slides, or guessing would simply go on. Only credentials the cache does not already know are checked
 * here, so a legitimate client's requests cost no Redis round trip. If Redis is down the throttle fails open (logged):
 * it protects identity, it is not what authenticates.
 */
export class AuthThrottle {
  private readonly logger = new Logger('AuthThrottle');
  /** address → when its refusal was last logged, so a flood of refused attempts logs once a window. */
  private readonly refusalLogged = new Map<string, number>();
  private outageLogged = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(address: string): string {
    return `${this.prefix}:auth-failures:${address}`;
  }

  async assertAllowed(address: string): Promise<void> {
    let failures: number;
    let oldest: number;
    const now = Date.now();
    try {
      const reply = (await this.redis.eval(COUNT, 1, this.key(address), now, AUTH_FAILURE_WINDOW_MS, AUTH_FAILURE_LIMIT)) as [number, string | number];
      [failures, oldest] = [Number(reply[0]), Number(reply[1])];
    } catch (err) {
      if (Date.now() - this.outageLogged > 10_000) {
        this.outageLogged = Date.now();
        this.logger.warn(`auth throttle not enforced, its Redis is unavailable: ${(err as Error).message}`);
      }
      return;
    }
    if (failures < AUTH_FAILURE_LIMIT) return;
    this.logRefusal(address);
    const retry = secondsUntilFree(oldest, AUTH_FAILURE_WINDOW_MS, now);
    throw new RateLimitedError(`too many failed authentication attempts from ${address}: try again in ${retry} s`, retry);
  }

  /** Records a failure and logs it with the auth id tried; the token is never logged. */
  async failed(address: string, authId: string): Promise<void> {
    const now = Date.now();
    let failures: number | string = '?';
    try {
      failures = (await this.redis.eval(RECORD, 1, this.key(address), now, AUTH_FAILURE_WINDOW_MS, `${now}-${Math.random()}`)) as number;
    } catch {
      // Counting is best effort; the failure is still logged.
    }
    this.logger.warn(`failed authentication from ${address} for auth id ${JSON.stringify(authId.slice(0, 64))} (${failures} in the last minute)`);
  }

  private logRefusal(address: string): void {
    const now = Date.now();
    if (now - (this.refusalLogged.get(address) ?? 0) < AUTH_FAILURE_WINDOW_MS) return;
    if (this.refusalLogged.size > 10_000) this.refusalLogged.clear();
    this.refusalLogged.set(address, now);
    this.logger.warn(`throttling authentication from ${address}: over ${AUTH_FAILURE_LIMIT} failures in the last minute`);
  }
}
