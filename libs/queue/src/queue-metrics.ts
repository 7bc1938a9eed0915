import { eachSource, gauge } from '@signet/metrics';
import type { HealthCheck } from '@signet/health';
import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

/** The queues this process works (their worker's process reports them), and its workers, for the health port. */
const watched = new Map<string, Queue>();
const workers = new Set<Worker>();

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;

gauge('signet_queue_jobs', 'Jobs in a BullMQ queue by state (waiting, active, delayed, failed, prioritized).', ['queue', 'state'], async (g) => {
  await eachSource(watched, g, async (name, queue) => {
    const counts = await queue.getJobCounts(...STATES);
    for (const state of STATES) g.set({ queue: name, state }, counts[state] ?? 0);
  });
});

gauge('signet_queue_oldest_waiting_seconds', 'Age of the oldest job waiting in a queue (0 when none waits): how stuck delivery is.', ['queue'], async (g) => {
  const now = Date.now();
  await eachSource(watched, g, async (name, queue) => {
    const [oldest] = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
    g.set({ queue: name }, oldest ? Math.max(0, (now - oldest.timestamp) / 1000) : 0);
  });
});

export function watchQueue(queue: Queue, worker: Worker): void {
  watched.set(queue.name, queue);
  workers.add(worker);
  worker.once('closed', () => {
    workers.delete(worker);
    watched.delete(queue.name);
    void queue.close();
  });
}

/** A worker process is ready when every worker's own Redis connection answers. */
export const workersHealthCheck: HealthCheck = {
  name: 'redis',
  // BullMQ's default backend is ioredis; its client type is the backend-neutral interface.
  check: () => Promise.all([...workers].map(async (w) => ((await w.getBackend().client) as unknown as Redis).ping())),
};
