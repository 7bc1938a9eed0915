import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { connectNats, RpcClient } from '@signet/nats';
import { redisOptions } from '@signet/config';
import { Redis } from 'ioredis';
import { BasicAuthGuard } from './auth/basic-auth.guard.js';
import { CredentialCache } from './auth/credential-cache.js';
import { GATEWAY_CONFIG, type GatewayConfig, loadGatewayConfig } from './config/gateway.config.js';
import { DevOutboxController } from './dev/outbox.controller.js';
import { HealthController } from './health/health.controller.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { AppsController } from './verify/apps.controller.js';
import { SessionsController } from './verify/sessions.controller.js';

const REDIS = Symbol('REDIS');

@Injectable()
class Connections implements OnApplicationShutdown {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.connection.drain().catch(() => undefined);
    this.redis.disconnect();
  }
}

const production = process.env.NODE_ENV === 'production';

@Module({
  controllers: [HealthController, SessionsController, AppsController, ...(production ? [] : [DevOutboxController])],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: loadGatewayConfig },
    {
      provide: RpcClient,
      useFactory: async (c: GatewayConfig) => new RpcClient(await connectNats(c.NATS_URL, 'gateway'), c.NATS_TIMEOUT_MS),
      inject: [GATEWAY_CONFIG],
    },
    {
      provide: REDIS,
      useFactory: (c: GatewayConfig) => new Redis({ ...redisOptions(c.REDIS_URL, 'producer'), lazyConnect: false }).on('error', () => undefined),
      inject: [GATEWAY_CONFIG],
    },
    { provide: RateLimiter, useFactory: (r: Redis, c: GatewayConfig) => new RateLimiter(r, c.REDIS_PREFIX), inject: [REDIS, GATEWAY_CONFIG] },
    { provide: CredentialCache, useFactory: (c: GatewayConfig) => new CredentialCache(c.GATEWAY_AUTH_CACHE_MS), inject: [GATEWAY_CONFIG] },
    BasicAuthGuard,
    Connections,
  ],
})
export class GatewayModule {}
