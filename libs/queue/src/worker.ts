import { Logger } from '@nestjs/common';
import { type ConnectionOptions, UnrecoverableError, Worker, type Job } from 'bullmq';
import { createQueue, queueTelemetry, type QueueEnv, type QueueSpec } from './queue-spec.js';
import { watchQueue } from './queue-metrics.js';
import { redisOptions } from '@signet/config';
import { counter, histogram } from '@signet/metrics';

const processed = counter(
  'signet_queue_jobs_processed_total',
  'Jobs a worker finished, by queue and outcome (completed, failed: a failure retried or final).',
  ['queue', 'outcome'],
);
const runSeconds = histogram('signet_queue_job_run_seconds', 'How long one run of a job took, by queue.', ['queue']);

/**
 * A job's two paths: `run` does the work (a throw is retried per the spec's options); `exhausted` is the one
 * final-failure path, called once when `run` has failed for the last time (retries used, or an unrecoverable error),
 * before the job is moved to failed. It must leave the state the job acted on ended (e.g. the attempt `failed` with
 * its event), never stranded. A throw from it is logged; the queue's sweeper is the second net.
 */
export interface JobHandler {
  /** `token` is the job's lock token (for `job.moveToDelayed(at, token)` and a `DelayedError`). */
  run(job: Job, token?: string): Promise<unknown>;
  exhausted(job: Job, err: Error): Promise<void>;
}

export type JobHandlers<J extends string> = Record<J, JobHandler>;

export interface WorkerOptions {
  concurrency: number;
}

const ID_FIELDS = ['api_id', 'account_id', 'session_uuid', 'attempt_uuid', 'callback_uuid'] as const;

/** The correlation ids a job's data holds, for a log line's fields. */
export function idsOf(data: unknown): Record<string, string> {
  if (typeof data !== 'object' || data === null) return {};
  const d = data as Record<string, unknown>;
  return Object.fromEntries(ID_FIELDS.filter((k) => typeof d[k] === 'string').map((k) => [k, d[k] as string]));
}

/** Whether this failure of `job` is its last: BullMQ will not retry it. */
export function isFinalFailure(job: Job, err: Error): boolean {
  if (err.name === 'DelayedError') return false; // the job moved itself to the delayed set: not a failure
  if (err instanceof UnrecoverableError || err.name === 'UnrecoverableError') return true;
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Starts a worker whose handlers are declared by job name. A declared job without both paths stops start-up;
 * an unknown job name fails without retries. The lock is short so a job held by a killed worker is taken over
 * in seconds, not the default minute: an OTP must not wait that long. Likewise after a Redis outage.
 */
export function startWorker<J extends string>(spec: QueueSpec<J>, handlers: JobHandlers<J>, env: QueueEnv, opts: WorkerOptions): Worker {
  const missing = spec.jobs.filter((name) => typeof handlers[name]?.run !== 'function' || typeof handlers[name]?.exhausted !== 'function');
  if (missing.length > 0) throw new Error(`queue ${spec.name}: no run/exhausted handler for job(s) ${missing.join(', ')}`);
  const logger = new Logger(spec.name);
  const worker = new Worker(
    spec.name,
    async (job, token) => {
      const handler = handlers[job.name as J];
      if (!handler) throw new UnrecoverableError(`unknown job ${job.name}`);
      const stop = runSeconds.startTimer({ queue: spec.name });
      try {
        return await handler.run(job, token);
      } catch (err) {
        if (isFinalFailure(job, err as Error)) {
          try {
            await handler.exhausted(job, err as Error);
          } catch (finalErr) {
            logger.error(`job ${job.id} (${job.name}): final-failure path failed, left to the sweeper: ${(finalErr as Error).message}`);
          }
        }
        throw err;
      } finally {
        stop();
      }
    },
    {
      connection: redisOptions(env.redisUrl, 'worker') as ConnectionOptions,
      prefix: env.prefix,
      concurrency: opts.concurrency,
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 3,
      // After a lost Redis connection BullMQ waits this long before fetching again (default 15 s): OTPs must flow
      // again within a second of Redis' return.
      runRetryDelay: 250,
      ...queueTelemetry(),
    },
  );
  // `api_id` in job data ties a failure to the API request that caused the job.
  worker.on('completed', () => processed.inc({ queue: spec.name, outcome: 'completed' }));
  worker.on('failed', () => processed.inc({ queue: spec.name, outcome: 'failed' }));
  // Job data carries ids only (`api_id`, `attempt_uuid`, `session_uuid`…): they become the line's fields.
  worker.on('failed', (job, err) =>
    logger.warn({ msg: `job ${job?.id} (${job?.name}) failed: ${err.message}`, queue: spec.name, job_id: job?.id, ...idsOf(job?.data) }),
  );
  worker.on('error', (err) => logger.error(err.message));
  const queue = createQueue(spec, env);
  queue.on('error', () => undefined);
  watchQueue(queue, worker);
  return worker;
}
