import { type ConnectionOptions, Queue, type JobsOptions } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';
import { redisOptions } from '@signet/config';
import { tracingEnabled } from '@signet/tracing';

/**
 * A queue's name, its job names and its retry policy, declared once next to each other and nowhere else. What a job
 * does once those retries are used is not optional either: `startWorker` takes a `run` and an `exhausted` path for
 * every job named here and refuses to start without both.
 */
export interface QueueSpec<J extends string = string> {
  name: string;
  jobs: readonly J[];
  defaultJobOptions: JobsOptions;
}

export interface QueueEnv {
  redisUrl: string;
  prefix: string;
}

/**
 * Completed jobs go at once (the database records what they did; trimming by age or count costs Redis work on
 * every completion); failed ones stay a week for inspection.
 */
export const KEEP_JOBS: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * With tracing on, BullMQ's own telemetry (bullmq-otel): adding a job is a span of the caller's trace whose context
 * the job carries (in its options, stored with it), and each run of it is a child span the handler runs in.
 */
let telemetry: BullMQOtel | undefined;
export const queueTelemetry = (): { telemetry?: BullMQOtel } =>
  tracingEnabled() ? { telemetry: (telemetry ??= new BullMQOtel({ tracerName: 'signet' })) } : {};

export function createQueue(spec: QueueSpec, env: QueueEnv): Queue {
  return new Queue(spec.name, {
    connection: redisOptions(env.redisUrl, 'producer') as ConnectionOptions,
    prefix: env.prefix,
    defaultJobOptions: spec.defaultJobOptions,
    ...queueTelemetry(),
  });
}
