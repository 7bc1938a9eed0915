import type { RedisOptions } from 'ioredis';

export type RedisRole = 'producer' | 'worker';

/**
 * Producers sit on request paths and must fail fast when Redis is down (no offline queue, one retry);
 * workers block on Redis and BullMQ needs them to retry forever (`maxRetriesPerRequest: null`).
 */
export function redisOptions(url: string, role: RedisRole): RedisOptions {
  const u = new URL(url);
  const base: RedisOptions = {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    connectTimeout: 2000,
  };
  return role === 'producer'
    ? { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1 }
    : { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
}
