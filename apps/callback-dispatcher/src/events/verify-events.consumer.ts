import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@signet/contracts/common';
import { type AttemptStatusChanged, type SessionEnded, VerifyEvents } from '@signet/contracts/verify';
import { connectNats, consumeEvents, type EventConsumer } from '@signet/nats';
import { handleOnce, pruneProcessedEvents } from '@signet/outbox';
import { DataSource } from 'typeorm';
import { CallbacksQueue } from '../callbacks.queue.js';
import { CallbacksRepository } from '../callbacks.repository.js';
import { CALLBACKS_CONFIG, type CallbacksConfig } from '../config/callbacks.config.js';
import { CALLBACKS_SCHEMA } from '../database/data-source.js';
import { attemptFields, sessionEndedFields } from './callback-fields.js';

const SUBJECTS = [VerifyEvents.attemptStatusChanged, VerifyEvents.sessionVerified, VerifyEvents.sessionExpired] as const;
/** Events handled at once per subject: one durable per subject is shared by every replica (one of them gets each). */
const IN_FLIGHT = 64;

/**
 * Turns verify's events into callbacks: each event of a session with a `url` becomes one row (uuid = event id,
 * applied once with `handleOnce`) and one job (job id = event id). The event is acknowledged only after the row
 * committed; a job Redis did not take is re-added by the worker's sweeper. Events are parsed with their contract
 * schemas by `consumeEvents`; several are handled at once, since callbacks promise no order beyond what they carry
 * (README).
 */
@Injectable()
export class VerifyEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private nc?: NatsConnection;
  private consumer?: EventConsumer;
  private pruner?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly callbacks: CallbacksRepository,
    private readonly queue: CallbacksQueue,
    @Inject(CALLBACKS_CONFIG) private readonly config: CallbacksConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.config.NATS_URL, 'callback-dispatcher-verify-events');
    this.consumer = await consumeEvents(
      this.nc,
      'callback-dispatcher',
      SUBJECTS,
      (event, subject, meta) => this.apply(event, subject, meta.streamSeq).then(() => undefined),
      {
        concurrency: IN_FLIGHT,
      },
    );
    this.pruner = setInterval(() => void pruneProcessedEvents(this.ds, CALLBACKS_SCHEMA).catch(() => undefined), 3600_000);
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
    await this.consumer?.stop();
    await this.nc?.drain().catch(() => undefined);
  }
}
