import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENTS_STREAM, EVENTS_SUBJECTS } from '@signet/contracts/common';

/** Creates SIGNET_EVENTS if missing. A 2-minute duplicate window makes a relay re-publish after a crash a no-op. */
export async function ensureEventsStream(nc: NatsConnection): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(EVENTS_STREAM);
  } catch {
    await jsm.streams.add({ name: EVENTS_STREAM, subjects: [EVENTS_SUBJECTS], duplicate_window: 120_000_000_000, max_age: 7 * 24 * 3600 * 1_000_000_000 });
  }
  return jsm;
}
