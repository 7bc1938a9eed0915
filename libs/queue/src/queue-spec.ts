import { type ConnectionOptions, Queue, type JobsOptions } from 'bullmq';
import { redisOptions } from '@signet/config';

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

export function createQueue(spec: QueueSpec, env: QueueEnv): Queue {
  return new Queue(spec.name, {
    connection: redisOptions(env.redisUrl, 'producer') as ConnectionOptions,
    prefix: env.prefix,
    defaultJobOptions: spec.defaultJobOptions,
  });
}
