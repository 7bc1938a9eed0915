import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { VerifyQueues } from '@signet/contracts/verify';
import { createQueue, KEEP_JOBS, type QueueSpec } from '@signet/queue';
import type { Queue } from 'bullmq';
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
export class ExpiryQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(expirySpec.name);
  readonly queue: Queue;

  constructor(@Inject(VERIFY_CONFIG) config: VerifyConfig) {
    this.queue = createQueue(expirySpec, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
    this.queue.on('error', () => undefined);
  }

  async schedule(sessionUuid: string, expiresAt: Date): Promise<void> {
    const job: ExpiryJob = { session_uuid: sessionUuid };
    try {
      await this.queue.add('expire', job, { jobId: sessionUuid, delay: Math.max(0, expiresAt.getTime() - Date.now()) });
    } catch (err) {
      this.logger.warn(`session ${sessionUuid} left for the sweeper: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
