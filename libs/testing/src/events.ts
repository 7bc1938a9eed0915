import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@signet/contracts/common';
import { contractSubject, eventsStream, natsSubject } from '@signet/nats';

export interface StoredEvent {
  subject: string;
  seq: number;
  msgId: string | undefined;
  envelope: EventEnvelope<Record<string, unknown>>;
}

/**
 * Reads what the events stream (this namespace's) holds on a subject filter since a moment (the stream keeps days of every run's events),
 * oldest first, until `until` says enough or time runs out.
 */
export async function readEvents(
  nc: NatsConnection,
  filter: string,
  since: Date,
  until: (events: StoredEvent[]) => boolean,
  timeoutMs = 5000,
): Promise<StoredEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const consumer = await jetstream(nc).consumers.get(eventsStream().name, {
      filter_subjects: natsSubject(filter),
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: since.toISOString(),
    });
    const events: StoredEvent[] = [];
    const { num_pending: pending } = await consumer.info();
    for (let i = 0; i < pending; i++) {
      const msg = await consumer.next({ expires: 1000 });
      if (!msg) break;
      events.push({ subject: contractSubject(msg.subject), seq: msg.seq, msgId: msg.headers?.get('Nats-Msg-Id'), envelope: msg.json() });
    }
    if (until(events) || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 100));
  }
}
