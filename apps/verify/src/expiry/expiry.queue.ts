import { Inject, Injectable } from '@nestjs/common';
import { VerifyQueues } from '@signet/contracts/verify';
import { KEEP_JOBS, QueueProducer, type QueueSpec } from '@signet/queue';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';

export const expirySpec: QueueSpec<'expire'> = {
  ...VerifyQueues.sessionExpiry,
  defaultJobOptions: { attempts: 10, backoff: { type: 'fixed', delay: 1000 }, ...KEEP_JOBS },
};

export interface ExpiryJob {
  session_uuid: string;
}

/** A delayed job per session (job id = session uuid) ends it on time; the sweeper is the safety net. */
@Injectable()
export class ExpiryQueue extends QueueProducer<'expire'> {
  constructor(@Inject(VERIFY_CONFIG) config: VerifyConfig) {
    super(expirySpec, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  }

  schedule(sessionUuid: string, expiresAt: Date): Promise<void> {
    const job: ExpiryJob = { session_uuid: sessionUuid };
    return this.addOrDefer('expire', job, { jobId: sessionUuid, delay: Math.max(0, expiresAt.getTime() - Date.now()) });
  }
}
