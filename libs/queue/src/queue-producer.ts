import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { createQueue, type QueueEnv, type QueueSpec } from './queue-spec.js';

/**
 * The owning service's side of a queue, on a request path. The state a job acts on is committed before the job is
 * added, and a sweeper re-adds what is missing, so a Redis outage is logged here, never thrown at the caller.
 */
export abstract class QueueProducer<J extends string> implements OnApplicationShutdown {
  readonly queue: Queue;
  private readonly logger: Logger;

  protected constructor(spec: QueueSpec<J>, env: QueueEnv) {
    this.queue = createQueue(spec, env);
    this.queue.on('error', () => undefined);
    this.logger = new Logger(spec.name);
  }

  protected async addOrDefer(name: J, data: object, opts: JobsOptions & { jobId: string }): Promise<void> {
    try {
      await this.queue.add(name, data, opts);
    } catch (err) {
      this.logger.warn(`job ${opts.jobId} left for the sweeper: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
