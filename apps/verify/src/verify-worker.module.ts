import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisOptions } from '@signet/config';
import { startWorker } from '@signet/queue';
import type { Worker } from 'bullmq';
import { VERIFY_CONFIG, type VerifyConfig } from './config/verify.config.js';
import { DevOutboxRepository } from './dev-outbox/dev-outbox.repository.js';
import { CircuitBreaker } from './delivery/circuit-breaker.js';
import { DeliveryProcessor } from './delivery/delivery.processor.js';
import { RouteResolver } from './delivery/routes.js';
import { deliverySpec } from './delivery/delivery.queue.js';
import { DeliveryRepository } from './delivery/delivery.repository.js';
import { ExpiryProcessor } from './expiry/expiry.processor.js';
import { expirySpec } from './expiry/expiry.queue.js';
import { Sweeper } from './expiry/sweeper.js';
import { verifyCoreProviders, verifyRpcProviders } from './verify.providers.js';
import { GeoPermissionsRepository } from './abuse/geo-permissions.repository.js';
import { GeoPermissionsService } from './abuse/geo-permissions.service.js';
import { WorkflowProcessor } from './workflow/workflow.processor.js';
import { workflowSpec } from './workflow/workflow.queue.js';
import { WorkflowRepository } from './workflow/workflow.repository.js';

/** Binds verify's queues to their processors, by job name. */
@Injectable()
class VerifyWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private workers: Worker[] = [];

  constructor(
    private readonly delivery: DeliveryProcessor,
    private readonly expiry: ExpiryProcessor,
    private readonly workflow: WorkflowProcessor,
    @Inject(VERIFY_CONFIG) private readonly config: VerifyConfig,
  ) {}

  onApplicationBootstrap(): void {
    const env = { redisUrl: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX };
    this.workers = [
      startWorker(deliverySpec, { deliver: { run: (job) => this.delivery.deliver(job), exhausted: (job, err) => this.delivery.exhausted(job, err) } }, env, {
        concurrency: this.config.VERIFY_DELIVERY_CONCURRENCY,
      }),
      // An expiry job that fails for good leaves the session to the sweeper, which expires every overdue session.
      startWorker(expirySpec, { expire: { run: (job) => this.expiry.expire(job), exhausted: (job, err) => this.expiry.exhausted(job, err) } }, env, {
        concurrency: 20,
      }),
      startWorker(
        workflowSpec,
        { 'next-attempt': { run: (job) => this.workflow.next(job), exhausted: (job, err) => this.workflow.exhausted(job, err) } },
        env,
        {
          concurrency: 20,
        },
      ),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

@Module({
  providers: [
    ...verifyCoreProviders,
    ...verifyRpcProviders,
    DevOutboxRepository,
    GeoPermissionsRepository,
    GeoPermissionsService,
    RouteResolver,
    {
      provide: CircuitBreaker,
      useFactory: (c: VerifyConfig) =>
        new CircuitBreaker(new Redis(redisOptions(c.REDIS_URL, 'producer')), c.REDIS_PREFIX, {
          threshold: c.VERIFY_BREAKER_THRESHOLD,
          coolDownMs: c.VERIFY_BREAKER_COOLDOWN_MS,
        }),
      inject: [VERIFY_CONFIG],
    },
    DeliveryRepository,
    DeliveryProcessor,
    ExpiryProcessor,
    Sweeper,
    WorkflowRepository,
    WorkflowProcessor,
    VerifyWorkers,
  ],
})
export class VerifyWorkerModule {}
