import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@signet/contracts/common';
import { type AccountClosed, IdentityEvents } from '@signet/contracts/identity';
import { AttemptErrorCodes, type AttemptStatusChanged, VerifyEvents } from '@signet/contracts/verify';
import { connectNats, consumeEvents, type EventConsumer } from '@signet/nats';
import { handleOnce, pruneProcessedEvents } from '@signet/outbox';
import { DataSource } from 'typeorm';
import { ClosingRepository } from '../closing/closing.repository.js';
import { BILLING_CONFIG, type BillingConfig } from '../config/billing.config.js';
import { BILLING_SCHEMA } from '../database/data-source.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { RecordedAttemptsRepository } from '../unrecorded/recorded-attempts.repository.js';

/** Failures that mean nothing was sent: the charge goes back (DELIVERY_UNCONFIRMED may have been sent: kept). */
const REFUNDED_ERRORS: ReadonlySet<string> = new Set([
  AttemptErrorCodes.ALL_SENDERS_REFUSED,
  AttemptErrorCodes.SESSION_ENDED,
  AttemptErrorCodes.DELIVERY_ERROR,
]);
/** Statuses of an attempt a sender accepted. */
const CARRIED = new Set(['sent', 'delivered', 'in-progress', 'completed', 'undelivered']);

/**
 * What billing hears: verify's attempt status changes (that the attempt was recorded, refunds, own-sender rates — each
 * idempotent through a primary key or the ledger's unique indexes, so a redelivery changes nothing) and identity's closed accounts (applied once by event id).
 */
@Injectable()
export class BillingEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BillingEvents');
  private nc?: NatsConnection;
  private consumer?: EventConsumer;
  private pruner?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly ledger: LedgerService,
    private readonly closing: ClosingRepository,
    private readonly recorded: RecordedAttemptsRepository,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.config.NATS_URL, 'billing-alerts-events');
    this.consumer = await consumeEvents(this.nc, 'billing-alerts', [VerifyEvents.attemptStatusChanged, IdentityEvents.accountClosed], (...[event, subject]) =>
      this.apply(event, subject),
    );
    this.pruner = setInterval(() => {
      void pruneProcessedEvents(this.ds, BILLING_SCHEMA).catch(() => undefined);
      void this.recorded.prune().catch(() => undefined);
    }, 3600_000);
  }

  async apply(event: EventEnvelope, subject: string): Promise<void> {
    if (subject === VerifyEvents.attemptStatusChanged) await this.attemptChanged(event.data as AttemptStatusChanged);
    else if (subject === IdentityEvents.accountClosed) {
      const { auth_id, closed_at } = event.data as AccountClosed;
      if (await handleOnce(this.ds, BILLING_SCHEMA, event, (em) => this.closing.close(em, auth_id, closed_at))) this.logger.log(`closed ${auth_id}`);
    }
  }

  private async attemptChanged(a: AttemptStatusChanged): Promise<void> {
    // Every recorded attempt's first event is `queued` (one held back at once is `failed`, and never charged): it exists,
    // so its charge is not one to sweep back (UnrecordedChargesSweeper). One write per attempt, not per status.
    if (a.status === 'queued') await this.recorded.markRecorded(a.attempt_uuid);
    if (a.status === 'failed' && a.error_code && REFUNDED_ERRORS.has(a.error_code)) {
      await this.ledger.refundAttempt(a.attempt_uuid, `attempt failed: ${a.error_code}`);
    } else if (a.sender_uuid && CARRIED.has(a.status)) {
      await this.ledger.ownSenderRate(a.attempt_uuid);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruner);
    await this.consumer?.stop();
    await this.nc?.drain().catch(() => undefined);
  }
}
