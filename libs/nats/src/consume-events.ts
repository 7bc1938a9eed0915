import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, type ConsumerMessages, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import { Events, type EventMap, type EventSubject } from '@signet/contracts/catalog';
import { eventEnvelope, type EventEnvelope } from '@signet/contracts/common';
import { counter, eachSource, gauge } from '@signet/metrics';
import { inSpan, SpanKind, traceParentOf } from '@signet/tracing';
import { ensureEventsStream } from './jetstream.js';
import { contractSubject, eventsStream, natsSubject } from './namespace.js';

/** Event subjects bound to the schema of their `data` (`Events` in @signet/contracts/catalog, or a test's own). */
export type EventSchemas = Record<string, z.ZodType>;

/** Where the event sits in the stream: its sequence orders the events of every subject. */
export interface EventMeta {
  streamSeq: number;
}

/**
 * A handler gets the parsed envelope and its subject; narrowing on `subject` narrows `event.data`:
 * `(event, subject) => { if (subject === IdentityEvents.accountClosed) event.data.subaccount_auth_ids … }`.
 */
export type EventHandler<M extends EventSchemas = EventMap, S extends keyof M & string = keyof M & string> = (
  ...args: { [K in S]: [event: EventEnvelope<z.output<M[K]>>, subject: K, meta: EventMeta] }[S]
) => Promise<void>;

export interface EventConsumer {
  stop(): Promise<void>;
}

export interface ConsumeOptions {
  /** Where parked (malformed) and failed events are reported; `Events:<consumer>` by default. */
  logger?: Pick<Logger, 'error' | 'warn'>;
  /**
   * Events handled at once per subject (default 1: one after another, in stream order). A consumer that promises
   * no order beyond what its events carry (status callbacks) takes more for throughput.
   */
  concurrency?: number;
}

/** The durables this process consumes, read when scraped: what waits for them in the stream, and what they hold unacknowledged. */
const durables = new Map<string, { jsm: JetStreamManager; stream: string }>();
gauge(
  'signet_jetstream_consumer_pending',
  'Events not yet delivered (pending) or delivered and not yet acknowledged (ack_pending), per durable.',
  ['consumer', 'kind'],
  async (g) => {
    for (const [name, { jsm, stream }] of durables) {
      const info = await jsm.consumers.info(stream, name);
      g.set({ consumer: name, kind: 'pending' }, info.num_pending);
      g.set({ consumer: name, kind: 'ack_pending' }, info.num_ack_pending);
    }
  },
);
const handled = counter('signet_events_handled_total', 'Events a consumer handled, by subject and outcome (ok, retried, parked).', ['subject', 'outcome']);

const ACK_WAIT_MS = 30_000;
const MS = 1_000_000; // JetStream durations are nanoseconds

/** The durable's name per subject: `verify` + `events.identity.account.closed.v1` → `verify_identity-account-closed-v1`. */
export const durableName = (consumer: string, subject: string): string => `${consumer}_${subject.replace(/^events\./, '').replace(/[.*>]/g, '-')}`;

/** A failing handler is retried with a growing pause, capped at a minute: a database outage must not spin. */
export const retryDelayMs = (deliveries: number): number => Math.min(60_000, 500 * 2 ** Math.min(deliveries - 1, 7));

/**
 * Consumes the events stream (SIGNET_EVENTS, or its namespace's) durably: each subject gets its own durable pull
 * consumer (NATS 2.9 has no multi-subject filter), shared by every replica of the consuming service, so each event is handled by one replica. Every
 * event is parsed with its subject's schema from the contracts before the handler sees it; one that does not
 * parse is parked (terminated, with a log line naming its subject and stream sequence), never redelivered. An
 * event is acknowledged only after `handler` resolves; a failure is redelivered later. Delivery is at least once,
 * so the handler must be idempotent by event id (see `handleOnce` in @signet/outbox).
 */
export function consumeEvents<S extends EventSubject>(
  nc: NatsConnection,
  consumer: string,
  subjects: readonly S[],
  handler: EventHandler<EventMap, S>,
  options: ConsumeOptions = {},
): Promise<EventConsumer> {
  return consumeEventsWith(nc, consumer, Events, subjects, handler, options);
}

/** `consumeEvents` against a schema map of one's own (a test's subjects). */
export async function consumeEventsWith<M extends EventSchemas, S extends keyof M & string>(
  nc: NatsConnection,
  consumer: string,
  schemas: M,
  subjects: readonly S[],
  handler: EventHandler<M, S>,
  options: ConsumeOptions = {},
): Promise<EventConsumer> {
  const jsm = await ensureEventsStream(nc);
  const stream = eventsStream().name;
  const js = jetstream(nc);
  const logger = options.logger ?? new Logger(`Events:${consumer}`);
  const streams: ConsumerMessages[] = [];
  const loops: Promise<void>[] = [];
  for (const subject of subjects) {
    const name = durableName(consumer, subject);
    const filter = natsSubject(subject);
    const concurrency = options.concurrency ?? 1;
    const config = {
      durable_name: name,
      filter_subject: filter,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ACK_WAIT_MS * MS,
      max_ack_pending: Math.max(1000, concurrency * 64),
    };
    await jsm.consumers.add(stream, config).catch(() => jsm.consumers.update(stream, name, { filter_subject: filter, ack_wait: config.ack_wait }));
    const messages = await (await js.consumers.get(stream, name)).consume({ max_messages: Math.max(64, concurrency * 4) });
    const parse = eventEnvelope(subject, schemas[subject]) as unknown as z.ZodType<EventEnvelope>;
    const deliver = handler as Deliver;
    streams.push(messages);
    durables.set(name, { jsm, stream });
    loops.push(drain(messages, parse, deliver, logger, concurrency));
  }
  return {
    async stop() {
      for (const subject of subjects) durables.delete(durableName(consumer, subject));
      await Promise.all(streams.map((m) => m.close()));
      await Promise.all(loops);
    },
  };
}

type Deliver = (event: EventEnvelope, subject: string, meta: EventMeta) => Promise<void>;

async function drain(
  messages: ConsumerMessages,
  schema: z.ZodType<EventEnvelope>,
  handler: Deliver,
  logger: ConsumeOptions['logger'] & object,
  concurrency: number,
): Promise<void> {
  const inflight = new Set<Promise<void>>();
  for await (const m of messages) {
    const p: Promise<void> = handle(m, schema, handler, logger).finally(() => inflight.delete(p));
    inflight.add(p);
    if (inflight.size >= concurrency) await Promise.race(inflight);
  }
  await Promise.all(inflight);
}

/** The message as an event of its subject, or why it is not one. */
function parseEvent(m: JsMsg, schema: z.ZodType<EventEnvelope>): { event: EventEnvelope } | { problem: string } {
  let json: unknown;
  try {
    json = m.json();
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { event: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue.path.join('.') || '(envelope)'}: ${issue.message}` };
}

async function handle(m: JsMsg, schema: z.ZodType<EventEnvelope>, handler: Deliver, logger: ConsumeOptions['logger'] & object): Promise<void> {
  const subject = contractSubject(m.subject);
  const parsed = parseEvent(m, schema);
  if ('problem' in parsed) {
    // Redelivering what does not parse would never succeed: park it (+TERM; no reason string, NATS 2.9 ignores one).
    logger.error(`parking malformed event on ${subject} (stream seq ${m.seq}): ${parsed.problem}`);
    m.term();
    handled.inc({ subject, outcome: 'parked' });
    return;
  }
  const { event } = parsed;
  try {
    // A consumer span in the trace of the change that wrote the event (its `traceparent`), when tracing is on.
    const parent = traceParentOf(event.traceparent ? { traceparent: event.traceparent } : undefined);
    const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.message.id': event.id };
    await inSpan(`${subject} process`, { kind: SpanKind.CONSUMER, parent, attributes }, () => handler(event, subject, { streamSeq: m.seq }));
    m.ack();
    handled.inc({ subject, outcome: 'ok' });
  } catch (err) {
    handled.inc({ subject, outcome: 'retried' });
    const delay = retryDelayMs(m.info.deliveryCount);
    logger.warn(`event ${event.id} on ${subject} failed (delivery ${m.info.deliveryCount}), retrying in ${delay} ms: ${(err as Error).message}`);
    m.nak(delay);
  }
}
