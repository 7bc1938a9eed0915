import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventsStream } from './namespace.js';

/** Creates the events stream if missing. A 2-minute duplicate window makes a relay re-publish after a crash a no-op. */
export async function ensureEventsStream(nc: NatsConnection): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  const { name, subjects } = eventsStream();
  try {
    await jsm.streams.info(name);
  } catch {
    await jsm.streams.add({ name, subjects: [subjects], duplicate_window: 120_000_000_000, max_age: 7 * 24 * 3600 * 1_000_000_000 });
  }
  return jsm;
}
