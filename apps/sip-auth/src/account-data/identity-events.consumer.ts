import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@signet/contracts/common';
import { type AccountClosed, IdentityEvents, type SubaccountDeleted } from '@signet/contracts/identity';
import { connectNats, consumeEvents, type EventConsumer } from '@signet/nats';
import { handleOnce, pruneProcessedEvents } from '@signet/outbox';
import { DataSource } from 'typeorm';
import { SIPAUTH_CONFIG, type SipAuthConfig } from '../config/sip-auth.config.js';
import { SIPAUTH_SCHEMA } from '../database/data-source.js';
import { AccountDataRepository } from './account-data.repository.js';

const HOUR_MS = 3600_000;

/** Deletes (or hands over) what sip-auth holds for accounts identity closed and subaccounts it deleted. */
@Injectable()
export class IdentityEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdentityEvents');
  private nc?: NatsConnection;
  private consumer?: EventConsumer;
  private pruner?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly data: AccountDataRepository,
    @Inject(SIPAUTH_CONFIG) private readonly config: SipAuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.config.NATS_URL, 'sip-auth-identity-events');
    this.consumer = await consumeEvents(this.nc, 'sip-auth', [IdentityEvents.accountClosed, IdentityEvents.subaccountDeleted], (event, subject) =>
      this.apply(event, subject),
    );
    this.pruner = setInterval(() => void pruneProcessedEvents(this.ds, SIPAUTH_SCHEMA).catch(() => undefined), HOUR_MS);
  }

  async apply(event: EventEnvelope, subject: string): Promise<void> {
    const applied = await handleOnce(this.ds, SIPAUTH_SCHEMA, event, async (em) => {
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
