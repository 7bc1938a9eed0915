import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { VerifyQueues } from '@signet/contracts/verify';
import { createQueue, KEEP_JOBS, type QueueSpec } from '@signet/queue';
import type { Queue } from 'bullmq';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';

/** Retries declared once, here: a vendor hiccup is retried with backoff for about half a minute. */
export const deliverySpec: QueueSpec<'deliver'> = {
  ...VerifyQueues.otpDelivery,
  defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...KEEP_JOBS },
};

export interface DeliveryJob {
  attempt_uuid: string;
  /** The request that created the attempt, for the logs (absent when the sweeper re-enqueued it). */
  api_id?: string;
}

@Injectable()
export class DeliveryQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(deliverySpec.name);
  readonly queue: Queue;

  constructor(@Inject(VERIFY_CONFIG) config: VerifyConfig) {
    this.queue = createQueue(deliverySpec, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
    this.queue.on('error', () => undefined);
  }

  /**
   * Job id = attempt uuid, so a retry of this call never sends twice. The attempt is already committed as
   * `queued`: if Redis is down now, the sweeper enqueues it when Redis is back, so the request still succeeds.
   */
  async enqueue(attemptUuid: string, apiId?: string): Promise<void> {
    const job: DeliveryJob = { attempt_uuid: attemptUuid, api_id: apiId };
    try {
      await this.queue.add('deliver', job, { jobId: attemptUuid });
    } catch (err) {
      this.logger.warn(`attempt ${attemptUuid} left for the sweeper: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
