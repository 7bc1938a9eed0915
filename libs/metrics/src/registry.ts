import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one registry, served on its health port (`/metrics`). Labels stay bounded: subjects, routes,
 * queues, providers, channels, outcomes; never an account, a recipient or an id.
 */
export const metricsRegistry = new Registry();
// Event-loop delay sampled every 100 ms, not prom-client's default 10 ms: measured on an idle process, 10 ms costs
// ~6 ms of CPU per second (×10 processes), 100 ms ~1 ms, and lag worth alerting on is far above either resolution.
collectDefaultMetrics({ register: metricsRegistry, prefix: 'signet_', eventLoopMonitoringPrecision: 100 });

/** Seconds buckets from 5 ms to 30 s: an RPC answers in milliseconds, an OTP reaches its provider in about a second. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  return (metricsRegistry.getSingleMetric(name) as Counter<L>) ?? new Counter({ name, help, labelNames, registers: [metricsRegistry] });
}

export function histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = [], buckets = LATENCY_BUCKETS): Histogram<L> {
  return (metricsRegistry.getSingleMetric(name) as Histogram<L>) ?? new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] });
}

/**
 * Reads each source (a queue, an outbox, a consumer) at once for a gauge being scraped; one that fails or takes over a
 * second loses its own series this scrape, never the others' (nor the scrape).
 */
export async function eachSource<K, V, L extends string>(sources: Map<K, V>, g: Gauge<L>, read: (key: K, value: V) => Promise<void>): Promise<void> {
  g.reset();
  await Promise.all(
    [...sources].map(async ([key, value]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([read(key, value), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000)))]);
      } catch {
        // left out of this scrape
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

/** A gauge read when scraped: `collect` sets its values (a failed read leaves the series out rather than failing the scrape). */
export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect?: (g: Gauge<L>) => Promise<void>): Gauge<L> {
  const existing = metricsRegistry.getSingleMetric(name) as Gauge<L> | undefined;
  if (existing) return existing;
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      if (!collect) return;
      try {
        await collect(this);
      } catch {
        this.reset();
      }
    },
  });
}
