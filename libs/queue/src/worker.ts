import { Logger } from '@nestjs/common';
import { type ConnectionOptions, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { QueueEnv, QueueSpec } from './queue-spec.js';
import { redisOptions } from '@signet/config';

export type JobHandlers<J extends string> = Record<J, (job: Job) => Promise<unknown>>;

export interface WorkerOptions {
  concurrency: number;
}

/**
 * Starts a worker whose handlers are declared by job name. A declared job without a handler stops start-up;
 * an unknown job name fails without retries. The lock is short so a job held by a killed worker is taken over
 * in seconds, not the default minute: an OTP must not wait that long.
 */
export function startWorker<J extends string>(spec: QueueSpec<J>, handlers: JobHandlers<J>, env: QueueEnv, opts: WorkerOptions): Worker {
  const missing = spec.jobs.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`queue ${spec.name}: no handler for job(s) ${missing.join(', ')}`);
  const logger = new Logger(spec.name);
  const worker = new Worker(
    spec.name,
    async (job) => {
      const handler = handlers[job.name as J];
      if (!handler) throw new UnrecoverableError(`unknown job ${job.name}`);
      return handler(job);
    },
    {
      connection: redisOptions(env.redisUrl, 'worker') as ConnectionOptions,
      prefix: env.prefix,
      concurrency: opts.concurrency,
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 3,
    },
  );
  // `api_id` in job data ties a failure to the API request that caused the job.
  worker.on('failed', (job, err) => logger.warn(`${job?.data?.api_id ?? '-'} job ${job?.id} (${job?.name}) failed: ${err.message}`));
  worker.on('error', (err) => logger.error(err.message));
  return worker;
}
