import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENTS_STREAM, type EventEnvelope } from '@signet/contracts/common';
import { ensureEventsStream } from './jetstream.js';

export type EventHandler = (event: EventEnvelope, subject: string) => Promise<void>;

export interface EventConsumer {
  stop(): Promise<void>;
}

const ACK_WAIT_MS = 30_000;
const MS = 1_000_000; // JetStream durations are nanoseconds

/** The durable's name per subject: `verify` + `events.identity.account.closed.v1` → `verify_identity-account-closed-v1`. */
export const durableName = (consumer: string, subject: string): string => `${consumer}_${subject.replace(/^events\./, '').replace(/[.*>]/g, '-')}`;

/** A failing handler is retried with a growing pause, capped at a minute: a database outage must not spin. */
export const retryDelayMs = (deliveries: number): number => Math.min(60_000, 500 * 2 ** Math.min(deliveries - 1, 7));

/**
 * Consumes SIGNET_EVENTS durably: each subject gets its own durable pull consumer (NATS 2.9 has no multi-subject
 * filter), shared by every replica of the consuming service, so each event is handled by one replica. An event is
 * acknowledged only after `handler` resolves; a failure is redelivered later. Delivery is at least once, so the
 * handler must be idempotent by event id (see `handleOnce` in @signet/outbox).
 */
export async function consumeEvents(nc: NatsConnection, consumer: string, subjects: string[], handler: EventHandler): Promise<EventConsumer> {
  const jsm = await ensureEventsStream(nc);
  const js = jetstream(nc);
  const logger = new Logger(`Events:${consumer}`);
  const streams: ConsumerMessages[] = [];
  const loops: Promise<void>[] = [];
  for (const subject of subjects) {
    const name = durableName(consumer, subject);
    const config = { durable_name: name, filter_subject: subject, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: ACK_WAIT_MS * MS };
    await jsm.consumers.add(EVENTS_STREAM, config).catch(() => jsm.consumers.update(EVENTS_STREAM, name, { filter_subject: subject, ack_wait: config.ack_wait }));
    const messages = await (await js.consumers.get(EVENTS_STREAM, name)).consume({ max_messages: 64 });
    streams.push(messages);
    loops.push(drain(messages, handler, logger));
  }
  return {
    async stop() {
      await Promise.all(streams.map((m) => m.close()));
      await Promise.all(loops);
    },
  };
}

async function drain(messages: ConsumerMessages, handler: EventHandler, logger: Logger): Promise<void> {
  for await (const m of messages) await handle(m, handler, logger);
}

async function handle(m: JsMsg, handler: EventHandler, logger: Logger): Promise<void> {
  let event: EventEnvelope;
  try {
    event = m.json<EventEnvelope>();
    if (typeof event?.id !== 'string') throw new Error('no event id');
  } catch (err) {
    // Redelivering what cannot be parsed would never succeed. (No reason string: NATS 2.9 ignores such a +TERM.)
    logger.error(`dropping malformed event on ${m.subject} (stream seq ${m.seq}): ${(err as Error).message}`);
    m.term();
    return;
  }
  try {
    await handler(event, m.subject);
    m.ack();
  } catch (err) {
    const delay = retryDelayMs(m.info.deliveryCount);
    logger.warn(`event ${event.id} on ${m.subject} failed (delivery ${m.info.deliveryCount}), retrying in ${delay} ms: ${(err as Error).message}`);
    m.nak(delay);
  }
}
