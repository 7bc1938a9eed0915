import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxProvider } from '@signet/providers';
import { startWorker } from '@signet/queue';
import type { Worker } from 'bullmq';
import { VERIFY_CONFIG, type VerifyConfig } from './config/verify.config.js';
import { DevOutboxRepository } from './dev-outbox/dev-outbox.repository.js';
import { DELIVERY_PROVIDER, DeliveryProcessor } from './delivery/delivery.processor.js';
import { deliverySpec } from './delivery/delivery.queue.js';
import { DeliveryRepository } from './delivery/delivery.repository.js';
import { ExpiryProcessor } from './expiry/expiry.processor.js';
import { expirySpec } from './expiry/expiry.queue.js';
import { Sweeper } from './expiry/sweeper.js';
import { verifyCoreProviders } from './verify.providers.js';

/** Binds verify's queues to their processors, by job name. */
@Injectable()
class VerifyWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private workers: Worker[] = [];

  constructor(
    private readonly delivery: DeliveryProcessor,
    private readonly expiry: ExpiryProcessor,
    @Inject(VERIFY_CONFIG) private readonly config: VerifyConfig,
  ) {}

  onApplicationBootstrap(): void {
    const env = { redisUrl: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX };
    this.workers = [
      startWorker(deliverySpec, { deliver: (job) => this.delivery.deliver(job) }, env, { concurrency: this.config.VERIFY_DELIVERY_CONCURRENCY }),
      startWorker(expirySpec, { expire: (job) => this.expiry.expire(job) }, env, { concurrency: 20 }),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

@Module({
  providers: [
    ...verifyCoreProviders,
    DevOutboxRepository,
    { provide: DELIVERY_PROVIDER, useFactory: (store: DevOutboxRepository) => new OutboxProvider(store), inject: [DevOutboxRepository] },
    DeliveryRepository,
    DeliveryProcessor,
    ExpiryProcessor,
    Sweeper,
    VerifyWorkers,
  ],
})
export class VerifyWorkerModule {}
