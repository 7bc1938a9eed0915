import { Redis, type RedisOptions } from 'ioredis';
import type { Dependency } from './boot.js';

export type RedisRole = 'producer' | 'worker';

/**
 * Producers sit on request paths and must fail fast when Redis is down (no offline queue, one retry);
 * workers block on Redis and BullMQ needs them to retry forever (`maxRetriesPerRequest: null`).
 * Both reconnect every 250 ms for as long as Redis is away (BullMQ's own default backs off to 20 s, which would
 * leave OTPs waiting that long after Redis is back).
 */
export const REDIS_RECONNECT_MS = 250;

export function redisOptions(url: string, role: RedisRole): RedisOptions {
  const u = new URL(url);
  const base: RedisOptions = {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    connectTimeout: 2000,
    retryStrategy: () => REDIS_RECONNECT_MS,
  };
  return role === 'producer'
    ? { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1 }
    : { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

/** Connects once (no retries) and pings: does Redis at `url` answer? (boot's start-up check) */
export async function probeRedis(url: string): Promise<void> {
  const redis = new Redis({ ...redisOptions(url, 'producer'), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

export const redisDependency = (url: string): Dependency => ({ variable: 'REDIS_URL', url, probe: probeRedis });
