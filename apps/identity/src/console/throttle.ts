import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { redisOptions } from '@signet/config';
import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Redis } from 'ioredis';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';

/** Wrong passwords and codes allowed in a sliding quarter hour, per user and per client address. */
export const USER_FAILURE_LIMIT = 20;
export const ADDRESS_FAILURE_LIMIT = 100;
export const FAILURE_WINDOW_MS = 15 * 60_000;

// Drops failures that left the window; returns the count and the oldest failure's time (for Retry-After).
const COUNT = `
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {redis.call('ZCARD', KEYS[1]), oldest[2] or '0'}`;
const RECORD = `
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1`;

/**
 * Throttles guessing of console passwords and codes, in Redis so the limits hold across identity replicas. Over a
 * limit, even a right password is refused until the window slides, with a 429 naming when to try again (the gateway
 * turns "try again in N seconds" into Retry-After). Redis down: refuse (503), since this is what stops guessing.
 */
@Injectable()
export class ConsoleThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger('ConsoleThrottle');
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.redis = new Redis(redisOptions(config.REDIS_URL, 'producer'));
    this.redis.on('error', () => undefined);
    this.prefix = `${config.REDIS_PREFIX}:console-failures`;
  }

  async assertAllowed(address: string, user: string): Promise<void> {
    await this.check(`ip:${address}`, ADDRESS_FAILURE_LIMIT);
    await this.check(`user:${user.toLowerCase()}`, USER_FAILURE_LIMIT);
  }

  async failed(address: string, user: string): Promise<void> {
    const now = Date.now();
    const member = `${now}-${Math.random()}`;
    try {
      await Promise.all([
        this.redis.eval(RECORD, 1, `${this.prefix}:ip:${address}`, now, FAILURE_WINDOW_MS, member),
        this.redis.eval(RECORD, 1, `${this.prefix}:user:${user.toLowerCase()}`, now, FAILURE_WINDOW_MS, member),
      ]);
    } catch (err) {
      this.logger.warn(`console failure not counted, its Redis is unavailable: ${(err as Error).message}`);
    }
  }

  private async check(key: string, limit: number): Promise<void> {
    let count: number;
    let oldest: number;
    try {
      const [n, o] = (await this.redis.eval(COUNT, 1, `${this.prefix}:${key}`, Date.now(), FAILURE_WINDOW_MS)) as [number, string];
      count = n;
      oldest = Number(o);
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', 'service unavailable: the login throttle store is down');
    }
    if (count < limit) return;
    const seconds = Math.max(1, Math.ceil((oldest + FAILURE_WINDOW_MS - Date.now()) / 1000));
    throw new DomainError(IdentityErrors.THROTTLED, `too many wrong passwords or codes: try again in ${seconds} seconds`);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
