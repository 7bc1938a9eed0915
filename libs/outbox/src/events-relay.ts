import type { InjectionToken, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, ensureEventsStream } from '@signet/nats';
import { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay.js';

/**
 * A producing service's outbox relay, wired once for every service: its own NATS connection, the events stream
 * ensured, the relay started at bootstrap and stopped (then the connection drained) at shutdown. Inject it and
 * `kick()` right after a commit that wrote an event.
 */
export class EventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private nc?: NatsConnection;
  private relay?: OutboxRelay;

  constructor(
    private readonly ds: DataSource,
    private readonly schema: string,
    private readonly natsUrl: string,
    private readonly connectionName: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.natsUrl, this.connectionName);
    await ensureEventsStream(this.nc);
    this.relay = new OutboxRelay(this.ds, this.schema, this.nc);
    this.relay.start();
  }

  kick(): void {
    this.relay?.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.nc?.drain().catch(() => undefined);
  }
}

/** The `EventsRelay` provider of the service whose outbox lives in `schema`; `configToken` provides its NATS_URL. */
export const eventsRelayProvider = (service: string, schema: string, configToken: InjectionToken): Provider => ({
  provide: EventsRelay,
  useFactory: (ds: DataSource, config: { NATS_URL: string }) => new EventsRelay(ds, schema, config.NATS_URL, `${service}-relay`),
  inject: [DataSource, configToken],
});
