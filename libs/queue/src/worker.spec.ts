import type { Worker } from 'bullmq';
import type { QueueSpec } from './queue-spec.js';
import { startWorker, type JobHandlers } from './worker.js';

// No Redis here: the check happens before a worker connects (the port below refuses connections).
const spec: QueueSpec<'send' | 'expire'> = { name: 'spec.jobs', jobs: ['send', 'expire'], defaultJobOptions: {} };
const env = { redisUrl: 'redis://127.0.0.1:1', prefix: 'unit' };

async function start(handlers: unknown): Promise<void> {
  let worker: Worker | undefined;
  try {
    worker = startWorker(spec, handlers as JobHandlers<'send' | 'expire'>, env, { concurrency: 1 });
  } finally {
    await worker?.close(true);
  }
}

describe('queue worker', () => {
  const path = { run: async () => 'ok', exhausted: async () => undefined };

  it('refuses to start when a declared job has no handler, naming the queue and the job', async () => {
    await expect(start({ send: path })).rejects.toThrow('queue spec.jobs: no run/exhausted handler for job(s) expire');
  });

  it('refuses to start when a declared job has no final-failure path', async () => {
    await expect(start({ send: path, expire: { run: path.run } })).rejects.toThrow('no run/exhausted handler for job(s) expire');
  });
});
