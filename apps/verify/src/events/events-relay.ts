import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { connectNats, ensureEventsStream } from '@signet/nats';
import { OutboxRelay } from '@signet/outbox';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { VERIFY_SCHEMA } from '../database/data-source.js';

/** Publishes verify's outbox to JetStream from every verify process; `kick()` right after a commit. */
@Injectable()
export class EventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private nc?: NatsConnection;
  private relay?: OutboxRelay;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(VERIFY_CONFIG) private readonly config: VerifyConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.config.NATS_URL, 'verify-relay');
    await ensureEventsStream(this.nc);
    this.relay = new OutboxRelay(this.ds, VERIFY_SCHEMA, this.nc);
    this.relay.start();
  }

  kick(): void {
    this.relay?.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.nc?.drain();
  }
}
