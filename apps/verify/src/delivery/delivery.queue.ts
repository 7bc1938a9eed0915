import { Inject, Injectable } from '@nestjs/common';
import { VerifyQueues } from '@signet/contracts/verify';
import { KEEP_JOBS, QueueProducer, type QueueSpec } from '@signet/queue';
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
export class DeliveryQueue extends QueueProducer<'deliver'> {
  constructor(@Inject(VERIFY_CONFIG) config: VerifyConfig) {
    super(deliverySpec, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  }

  /** Job id = attempt uuid, so a retry of this call never sends twice; the attempt is already committed as queued. */
  enqueue(attemptUuid: string, apiId?: string): Promise<void> {
    const job: DeliveryJob = { attempt_uuid: attemptUuid, api_id: apiId };
    return this.addOrDefer('deliver', job, { jobId: attemptUuid });
  }

  /** The reason the attempt's job failed for good, when it did (failed jobs are kept a week); else undefined. */
  async finalFailure(attemptUuid: string): Promise<string | undefined> {
    const job = await this.queue.getJob(attemptUuid);
    if (!job || !(await job.isFailed())) return undefined;
    return job.failedReason || 'failed';
  }
}
