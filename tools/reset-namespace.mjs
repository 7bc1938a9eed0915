// Empties what a namespace keeps outside Postgres before a run starts over: its JetStream events stream (and with
// it every durable consumer on it) and its Redis keys (queues, rate limits). Needs node_modules.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';

export async function resetNamespace(env) {
  const stream = `SIGNET_EVENTS_${env.SIGNET_NAMESPACE}`;
  const nc = await connect({ servers: env.NATS_URL.split(','), timeout: 3000 });
  try {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
