import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventData } from '@signet/contracts/catalog';
import type { EventEnvelope, ServiceName } from '@signet/contracts/common';
import { IdentityEvents } from '@signet/contracts/identity';
import { connectNats, consumeEvents, type EventConsumer } from '@signet/nats';
import { handleOnce, pruneProcessedEvents } from '@signet/outbox';
import type { DataSource, EntityManager } from 'typeorm';

const HOUR_MS = 3600_000;

/** An identity closing event as `consumeEvents` delivers it: narrowing on the subject narrows the data. */
type IdentityEvent =
  | [event: EventEnvelope<EventData<typeof IdentityEvents.accountClosed>>, subject: typeof IdentityEvents.accountClosed]
  | [event: EventEnvelope<EventData<typeof IdentityEvents.subaccountDeleted>>, subject: typeof IdentityEvents.subaccountDeleted];

/** The two ways every service's rows name an owner: the (sub)account itself, and the main account above it. */
export type Owner = 'account_id' | 'main_account_id';

/** What a service does with the data it holds for an account identity closed or a subaccount it deleted. */
export interface AccountDataStore {
  deleteOwned(em: EntityManager, owner: Owner, id: string): Promise<void>;
  /** `cascade=false`: the subaccount's resources move to its main account. */
  moveSubaccount(em: EntityManager, authId: string, mainAuthId: string): Promise<void>;
}

/**
 * A service's durable consumer of identity's closing events: each event is applied once (its id recorded in the
 * service's processed-events table in the same transaction), so a redelivery changes nothing.
 */
export abstract class AccountDataConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdentityEvents');
  private nc?: NatsConnection;
  private consumer?: EventConsumer;
  private pruner?: NodeJS.Timeout;

  protected constructor(
    private readonly ds: DataSource,
    private readonly schema: string,
    private readonly store: AccountDataStore,
    private readonly natsUrl: string,
    private readonly service: ServiceName,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nc = await connectNats(this.natsUrl, `${this.service}-identity-events`);
    this.consumer = await consumeEvents(this.nc, this.service, [IdentityEvents.accountClosed, IdentityEvents.subaccountDeleted], (...[event, subject]) =>
      this.apply(...([event, subject] as IdentityEvent)),
    );
    this.pruner = setInterval(() => void pruneProcessedEvents(this.ds, this.schema).catch(() => undefined), HOUR_MS);
  }

  async apply(...[event, subject]: IdentityEvent): Promise<void> {
    const applied = await handleOnce(this.ds, this.schema, event, async (em) => {
      if (subject === IdentityEvents.accountClosed) {
        // A closed main account: its data and its subaccounts' all carry its id as `main_account_id`.
        await this.store.deleteOwned(em, 'main_account_id', event.data.auth_id);
      } else {
        const { auth_id, main_auth_id, cascade } = event.data;
        await (cascade ? this.store.deleteOwned(em, 'account_id', auth_id) : this.store.moveSubaccount(em, auth_id, main_auth_id));
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
