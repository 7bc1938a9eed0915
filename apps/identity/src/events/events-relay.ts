import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { ensureEventsStream } from '@signet/nats';
import { OutboxRelay } from '@signet/outbox';
import { DataSource } from 'typeorm';
import { IDENTITY_SCHEMA } from '../database/data-source.js';
import { IDENTITY_NATS } from './identity-nats.js';

/** Publishes identity's outbox to JetStream; `kick()` right after a commit that wrote an event. */
@Injectable()
export class EventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(IDENTITY_NATS) private readonly nc: NatsConnection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureEventsStream(this.nc);
    this.relay = new OutboxRelay(this.ds, IDENTITY_SCHEMA, this.nc);
    this.relay.start();
  }

  kick(): void {
    this.relay?.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
