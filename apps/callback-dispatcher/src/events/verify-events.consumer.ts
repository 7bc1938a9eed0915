import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENTS_STREAM, type EventEnvelope } from '@signet/contracts/common';
import { type AttemptStatusChanged, type SessionEnded, VerifyEvents } from '@signet/contracts/verify';
import { connectNats, durableName, ensureEventsStream, retryDelayMs } from '@signet/nats';
import { handleOnce, pruneProcessedEvents } from '@signet/outbox';
import { DataSource } from 'typeorm';
import { CallbacksQueue } from '../callbacks.queue.js';
import { CallbacksRepository } from '../callbacks.repository.js';
import { CALLBACKS_CONFIG, type CallbacksConfig } from '../config/callbacks.config.js';
import { CALLBACKS_SCHEMA } from '../database/data-source.js';
import { attemptFields, sessionEndedFields } from './callback-fields.js';

const SUBJECTS = [VerifyEvents.attemptStatusChanged, VerifyEvents.sessionVerified, VerifyEvents.sessionExpired];
/** Events handled at once per subject: one durable per subject is shared by every replica (one of them gets each). */
const IN_FLIGHT = 64;
const ACK_WAIT_NS = 30_000 * 1_000_000;

/**
 * Turns verify's events into callbacks: each event of a session with a `url` becomes one row (uuid = event id,
 * applied once with `handleOnce`) and one job (job id = event id). The event is acknowledged only after the row
 * committed; a job Redis did not take is re-added by the worker's sweeper. Like `consumeEvents` in @signet/nats,
 * but several events are handled concurrently: callbacks promise no order beyond what they carry (README).
 */
@Injectable()
export class VerifyEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VerifyEvents');
  private nc?: NatsConnection;
  private streams: ConsumerMessages[] = [];
  private loops: Promise<void>[] = [];
  private pruner?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly callbacks: CallbacksRepository,
    private readonly queue: CallbacksQueue,
    @Inject(CALLBACKS_CONFIG) private readonly config: CallbacksConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.config.NATS_URL, 'callback-dispatcher-verify-events');
    const jsm = await ensureEventsStream(this.nc);
    const js = jetstream(this.nc);
    for (const subject of SUBJECTS) {
      const name = durableName('callback-dispatcher', subject);
      const config = { durable_name: name, filter_subject: subject, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: ACK_WAIT_NS, max_ack_pending: 4096 };
      await jsm.consumers.add(EVENTS_STREAM, config).catch(() => jsm.consumers.update(EVENTS_STREAM, name, { filter_subject: subject, ack_wait: ACK_WAIT_NS }));
      const messages = await (await js.consumers.get(EVENTS_STREAM, name)).consume({ max_messages: 256 });
      this.streams.push(messages);
      this.loops.push(this.drain(messages));
    }
    this.pruner = setInterval(() => void pruneProcessedEvents(this.ds, CALLBACKS_SCHEMA).catch(() => undefined), 3600_000);
  }

  private async drain(messages: ConsumerMessages): Promise<void> {
    const inflight = new Set<Promise<void>>();
    for await (const m of messages) {
      const p: Promise<void> = this.handle(m).finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= IN_FLIGHT) await Promise.race(inflight);
    }
    await Promise.all(inflight);
  }

  private async handle(m: JsMsg): Promise<void> {
    let event: EventEnvelope;
    try {
      event = m.json<EventEnvelope>();
      if (typeof event?.id !== 'string') throw new Error('no event id');
    } catch (err) {
      this.logger.error(`dropping malformed event on ${m.subject} (stream seq ${m.seq}): ${(err as Error).message}`);
      m.term();
      return;
    }
    try {
      await this.apply(event, m.subject, m.seq);
      m.ack();
    } catch (err) {
      const delay = retryDelayMs(m.info.deliveryCount);
      this.logger.warn(`event ${event.id} on ${m.subject} failed (delivery ${m.info.deliveryCount}), retrying in ${delay} ms: ${(err as Error).message}`);
      m.nak(delay);
    }
  }

  /** True when the event became a callback (its session has a `url`). */
  async apply(event: EventEnvelope, subject: string, streamSeq: number): Promise<boolean> {
    const data = event.data as AttemptStatusChanged | SessionEnded;
    if (!data?.callback_url) return false;
    await handleOnce(this.ds, CALLBACKS_SCHEMA, event, async (em) => {
      const attempt = subject === VerifyEvents.attemptStatusChanged ? (data as AttemptStatusChanged) : undefined;
      const fields = attempt
        ? attemptFields(attempt)
        : sessionEndedFields(data.session_uuid, data.recipient, (data as SessionEnded).status, await this.callbacks.latestAttemptFields(em, data.session_uuid));
      await this.callbacks.insert(em, {
        uuid: event.id,
        account_id: data.account_id,
        main_account_id: data.main_account_id,
        session_uuid: data.session_uuid,
        event_type: event.type,
        event_time: event.occurred_at,
        stream_seq: streamSeq,
        attempt_uuid: attempt?.attempt_uuid ?? null,
        url: data.callback_url as string,
        method: data.callback_method === 'GET' ? 'GET' : 'POST',
        fields,
      });
    });
    // Also on a redelivery: the first delivery may have committed and then lost its job.
    await this.queue.enqueue(event.id);
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruner);
    await Promise.all(this.streams.map((m) => m.close()));
    await Promise.all(this.loops);
    await this.nc?.drain().catch(() => undefined);
  }
}
