import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { connectNats, RpcClient } from '@signet/nats';
import { databaseProviders } from '@signet/database';
import { HEALTH_CHECKS, type HealthCheck } from '@signet/health';
import { ProviderRegistry } from '@signet/providers';
import { Keyring } from '@signet/secrets';
import { DataSource } from 'typeorm';
import { eventsRelayProvider } from '@signet/outbox';
import { loadVerifyConfig, VERIFY_CONFIG, type VerifyConfig } from './config/verify.config.js';
import { VERIFY_SCHEMA, verifyDatabase } from './database/data-source.js';
import { DeliveryQueue } from './delivery/delivery.queue.js';
import { ExpiryQueue } from './expiry/expiry.queue.js';
import { SendersRepository } from './senders/senders.repository.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { BillingClient } from './billing/billing.client.js';
import { WorkflowQueue } from './workflow/workflow.queue.js';

/** What both verify processes (the NATS service and the worker) are built on. */
export const verifyCoreProviders: Provider[] = [
  { provide: VERIFY_CONFIG, useFactory: loadVerifyConfig },
  { provide: Keyring, useFactory: (c: VerifyConfig) => new Keyring(c.SIGNET_SECRET_KEY), inject: [VERIFY_CONFIG] },
  ...databaseProviders(verifyDatabase),
  eventsRelayProvider('verify', VERIFY_SCHEMA, VERIFY_CONFIG),
  DeliveryQueue,
  ExpiryQueue,
  WorkflowQueue,
  SessionsRepository,
  SendersRepository,
  {
    // Every vendor adapter of the process shares this registry's pooled HTTP agent and its timeouts.
    provide: ProviderRegistry,
    useFactory: (c: VerifyConfig) =>
      new ProviderRegistry(
        {
          twilioApiUrl: c.SIGNET_TWILIO_API_URL,
          plivoApiUrl: c.SIGNET_PLIVO_API_URL,
          vonageRestUrl: c.SIGNET_VONAGE_REST_URL,
          vonageApiUrl: c.SIGNET_VONAGE_API_URL,
        },
        { connectTimeoutMs: c.VERIFY_PROVIDER_CONNECT_TIMEOUT_MS, totalTimeoutMs: c.VERIFY_PROVIDER_TIMEOUT_MS },
      ),
    inject: [VERIFY_CONFIG],
  },
  {
    provide: HEALTH_CHECKS,
    useFactory: (ds: DataSource, delivery: DeliveryQueue): HealthCheck[] => [
      { name: 'postgres', check: () => ds.query('SELECT 1') },
      { name: 'redis', check: () => delivery.queue.getJobCounts('waiting') },
    ],
    inject: [DataSource, DeliveryQueue],
  },
];

@Injectable()
class RpcCloser implements OnApplicationShutdown {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.connection.drain().catch(() => undefined);
  }
}

/** NATS requests to other services (billing): the service and, for workflow attempts, the worker. */
export const verifyRpcProviders: Provider[] = [
  {
    provide: RpcClient,
    useFactory: async (c: VerifyConfig) => new RpcClient(await connectNats(c.NATS_URL, 'verify-rpc'), c.NATS_TIMEOUT_MS),
    inject: [VERIFY_CONFIG],
  },
  RpcCloser,
  BillingClient,
];
