import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createMailer, type ClosableMailer } from '@signet/mail';
import { connectNats, RpcClient } from '@signet/nats';
import { startWorker } from '@signet/queue';
import type { Job, Worker } from 'bullmq';
import { allowPrivateNetworks } from '@signet/net-guard';
import { AlertWebhookSender } from './alerts/alert-webhook.js';
import { AlertsProcessor, MAILER } from './alerts/alerts.processor.js';
import { alertsSpec } from './alerts/alerts.queue.js';
import { AlertsSweeper } from './alerts/alerts.sweeper.js';
import { billingCoreProviders } from './billing.providers.js';
import { BILLING_CONFIG, type BillingConfig } from './config/billing.config.js';

/** Binds `billing.balance-alerts` to its processor; an alert whose retries are spent is marked failed. */
@Injectable()
class BillingWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(
    private readonly alerts: AlertsProcessor,
    private readonly rpc: RpcClient,
    @Inject(MAILER) private readonly mailer: ClosableMailer,
    private readonly webhook: AlertWebhookSender,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  onApplicationBootstrap(): void {
    const env = { redisUrl: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX };
    // The final-failure path: an alert whose retries are spent is marked failed (its history says why).
    const notify = { run: (job: Job) => this.alerts.notify(job), exhausted: (job: Job, err: Error) => this.alerts.failed(job.data.alert_uuid, err.message) };
    this.worker = startWorker(alertsSpec, { notify }, env, { concurrency: this.config.BILLING_ALERT_CONCURRENCY });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.mailer.close();
    await this.webhook.close();
    await this.rpc.connection.drain().catch(() => undefined);
  }
}

@Module({
  providers: [
    ...billingCoreProviders,
    { provide: MAILER, useFactory: (c: BillingConfig) => createMailer(c), inject: [BILLING_CONFIG] },
    {
      provide: RpcClient,
      useFactory: async (c: BillingConfig) => new RpcClient(await connectNats(c.NATS_URL, 'billing-alerts-worker'), c.NATS_TIMEOUT_MS),
      inject: [BILLING_CONFIG],
    },
    {
      // Customer URLs: private networks only where CALLBACKS_ALLOW_PRIVATE_NETWORKS allows them (as status callbacks).
      provide: AlertWebhookSender,
      useFactory: (c: BillingConfig) => new AlertWebhookSender({ allowPrivate: allowPrivateNetworks(), timeoutMs: c.BILLING_WEBHOOK_TIMEOUT_MS }),
      inject: [BILLING_CONFIG],
    },
    AlertsProcessor,
    AlertsSweeper,
    BillingWorkers,
  ],
})
export class BillingWorkerModule {}
