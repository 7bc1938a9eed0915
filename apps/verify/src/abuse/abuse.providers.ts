import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { redisOptions } from '@signet/config';
import { Redis } from 'ioredis';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { AbuseChecks } from './abuse-checks.js';
import { FraudShield } from './fraud-shield.js';
import { GeoPermissionsRepository } from './geo-permissions.repository.js';
import { GeoPermissionsService } from './geo-permissions.service.js';
import { RateLimits } from './rate-limits.js';
import { SummaryRepository } from './summary.repository.js';

/** Fraud Shield's and the rate limits' Redis (fail fast: no offline queue). */
export const ABUSE_REDIS = Symbol('ABUSE_REDIS');

@Injectable()
class AbuseRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(ABUSE_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

export const abuseProviders: Provider[] = [
  {
    provide: ABUSE_REDIS,
    useFactory: (c: VerifyConfig) => new Redis({ ...redisOptions(c.REDIS_URL, 'producer'), lazyConnect: false }).on('error', () => undefined),
    inject: [VERIFY_CONFIG],
  },
  AbuseRedisCloser,
  { provide: FraudShield, useFactory: (r: Redis, c: VerifyConfig) => new FraudShield(r, c.REDIS_PREFIX), inject: [ABUSE_REDIS, VERIFY_CONFIG] },
  {
    provide: RateLimits,
    useFactory: (r: Redis, c: VerifyConfig) => new RateLimits(r, c.REDIS_PREFIX, c.SIGNET_CONSOLE_VERIFY_ACCOUNT),
    inject: [ABUSE_REDIS, VERIFY_CONFIG],
  },
  GeoPermissionsRepository,
  GeoPermissionsService,
  SummaryRepository,
  AbuseChecks,
];
