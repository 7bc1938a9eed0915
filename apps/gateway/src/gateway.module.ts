import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { connectNats, RpcClient } from '@signet/nats';
import { redisOptions } from '@signet/config';
import { Redis } from 'ioredis';
import { BasicAuthGuard } from './auth/basic-auth.guard.js';
import { CredentialCache } from './auth/credential-cache.js';
import { GATEWAY_CONFIG, type GatewayConfig, loadGatewayConfig } from './config/gateway.config.js';
import { DevOutboxController } from './dev/outbox.controller.js';
import { AdminBillingController } from './billing/admin-billing.controller.js';
import { BalanceAlertsController } from './billing/balance-alerts.controller.js';
import { PricingController } from './billing/pricing.controller.js';
import { UsageController } from './billing/usage.controller.js';
import { HealthController } from './health/health.controller.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { AppsController } from './verify/apps.controller.js';
import { TemplatesController } from './verify/templates.controller.js';
import { GeoPermissionController, SummaryController } from './verify/abuse.controller.js';
import { SendersController } from './verify/senders.controller.js';
import { AttemptsController } from './verify/attempts.controller.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';
import { SessionsController } from './verify/sessions.controller.js';
import { CallbacksController } from './verify/callbacks.controller.js';
import { ApplicationsController } from './sip-auth/applications.controller.js';
import { SipCredentialsController } from './sip-auth/credentials.controller.js';
import { IpAclsController } from './sip-auth/ip-acls.controller.js';
import { AdminAccountsController } from './admin/admin-accounts.controller.js';
import { AdminAuthGuard } from './auth/admin-auth.guard.js';
import { AuthThrottle } from './auth/auth-throttle.js';
import { CredentialsListener } from './auth/credentials-listener.js';
import { AccountController } from './identity/account.controller.js';
import { AuthTokenController } from './identity/auth-token.controller.js';
import { IpWhitelistController } from './identity/ip-whitelist.controller.js';
import { SubaccountsController } from './identity/subaccounts.controller.js';
import { ConsoleAccountController } from './console/console-account.controller.js';
import { ConsoleCareController } from './console/console-care.controller.js';
import { ConsoleAuthGuard } from './console/console-auth.guard.js';
import { ConsolePublicController } from './console/console-public.controller.js';
import { ConsoleResourcesController } from './console/console-resources.controller.js';
import { DevMailController } from './dev/mail.controller.js';
import { REDIS } from './redis.js';

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
  controllers: [
    HealthController,
    SessionsController,
    CallbacksController,
    AppsController,
    TemplatesController,
    GeoPermissionController,
    SummaryController,
    SendersController,
    AttemptsController,
    WebhooksController,
    ...(production ? [] : [DevOutboxController, DevMailController]),
    SipCredentialsController,
    IpAclsController,
    ApplicationsController,
    AccountController,
    SubaccountsController,
    AuthTokenController,
    IpWhitelistController,
    AdminAccountsController,
    AdminBillingController,
    PricingController,
    UsageController,
    BalanceAlertsController,
    ConsolePublicController,
    ConsoleAccountController,
    ConsoleCareController,
    ConsoleResourcesController,
  ],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: loadGatewayConfig },
    {
      provide: RpcClient,
      useFactory: async (c: GatewayConfig) =>
        new RpcClient(await connectNats(c.NATS_URL, 'gateway'), c.NATS_TIMEOUT_MS, { checkReplies: c.NODE_ENV !== 'production' }),
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
    { provide: AuthThrottle, useFactory: (r: Redis, c: GatewayConfig) => new AuthThrottle(r, c.REDIS_PREFIX), inject: [REDIS, GATEWAY_CONFIG] },
    AdminAuthGuard,
    CredentialsListener,
    ConsoleAuthGuard,
  ],
})
export class GatewayModule {}
