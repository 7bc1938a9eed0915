import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { createQueue, type QueueEnv, type QueueSpec } from './queue-spec.js';

/** Jobs a producer holds for re-adding when Redis is back; past this many the sweeper alone finds the rest. */
export const MAX_DEFERRED_JOBS = 10_000;

/**
 * The owning service's side of a queue, on a request path. The state a job acts on is committed before the job is
 * added, so a Redis outage is logged here, never thrown at the caller: the job is kept and added again the moment
 * the producer's Redis connection is ready again (well under a second after Redis returns); a sweeper re-adds what
 * a crashed process still held. Adding by job id is idempotent, so a job added twice runs once.
 */
export abstract class QueueProducer<J extends string> implements OnApplicationShutdown {
  readonly queue: Queue;
  private readonly logger: Logger;
  private readonly deferred = new Map<string, { name: J; data: object; opts: JobsOptions & { jobId: string } }>();
  private outageLogged = 0;

  protected constructor(spec: QueueSpec<J>, env: QueueEnv) {
    this.queue = createQueue(spec, env);
    this.queue.on('error', () => undefined);
    this.logger = new Logger(spec.name);
    // The backend forwards its Redis connection's `ready`, emitted at every (re)connect.
    this.queue.getBackend().on('ready', () => void this.flushDeferred());
  }

  protected async addOrDefer(name: J, data: object, opts: JobsOptions & { jobId: string }): Promise<void> {
    try {
      await this.queue.add(name, data, opts);
    } catch (err) {
      if (this.deferred.size < MAX_DEFERRED_JOBS) this.deferred.set(opts.jobId, { name, data, opts });
      if (Date.now() - this.outageLogged > 5000) {
        this.outageLogged = Date.now();
        this.logger.warn(`job ${opts.jobId} deferred until Redis is back (${this.deferred.size} waiting): ${(err as Error).message}`);
      }
    }
  }

  /** How many jobs wait for Redis to come back. */
  get deferredCount(): number {
    return this.deferred.size;
  }

  private async flushDeferred(): Promise<void> {
    if (this.deferred.size === 0) return;
    const jobs = [...this.deferred.values()];
    this.deferred.clear();
    try {
      await this.queue.addBulk(jobs);
      this.logger.log(`re-added ${jobs.length} deferred job(s) now that Redis is back`);
    } catch (err) {
      for (const job of jobs) if (this.deferred.size < MAX_DEFERRED_JOBS) this.deferred.set(job.opts.jobId, job);
      this.logger.warn(`deferred jobs not re-added yet: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
