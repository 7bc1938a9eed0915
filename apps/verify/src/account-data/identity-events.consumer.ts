import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@signet/contracts/common';
import { type AccountClosed, IdentityEvents, type SubaccountDeleted } from '@signet/contracts/identity';
import { connectNats, consumeEvents, type EventConsumer } from '@signet/nats';
import { handleOnce, pruneProcessedEvents } from '@signet/outbox';
import { DataSource } from 'typeorm';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { VERIFY_SCHEMA } from '../database/data-source.js';
import { AccountDataRepository } from './account-data.repository.js';

const HOUR_MS = 3600_000;

/** Deletes (or hands over) what verify holds for accounts identity closed and subaccounts it deleted. */
@Injectable()
export class IdentityEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdentityEvents');
  private nc?: NatsConnection;
  private consumer?: EventConsumer;
  private pruner?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly data: AccountDataRepository,
    @Inject(VERIFY_CONFIG) private readonly config: VerifyConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.config.NATS_URL, 'verify-identity-events');
    this.consumer = await consumeEvents(this.nc, 'verify', [IdentityEvents.accountClosed, IdentityEvents.subaccountDeleted], (event, subject) =>
      this.apply(event, subject),
    );
    this.pruner = setInterval(() => void pruneProcessedEvents(this.ds, VERIFY_SCHEMA).catch(() => undefined), HOUR_MS);
  }

  async apply(event: EventEnvelope, subject: string): Promise<void> {
    const applied = await handleOnce(this.ds, VERIFY_SCHEMA, event, async (em) => {
      if (subject === IdentityEvents.accountClosed) {
        await this.data.deleteMainAccount(em, (event.data as AccountClosed).auth_id);
      } else if (subject === IdentityEvents.subaccountDeleted) {
        const { auth_id, main_auth_id, cascade } = event.data as SubaccountDeleted;
        await (cascade ? this.data.deleteSubaccount(em, auth_id) : this.data.moveSubaccount(em, auth_id, main_auth_id));
      }
    });
    if (applied) this.logger.log(`applied ${event.type} ${event.id}`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruner);
    await this.consumer?.stop();
    await this.nc?.drain().catch(() => undefined);
  }
}
