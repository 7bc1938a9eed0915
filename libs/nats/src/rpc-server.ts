import type { NatsContext, NatsOptions } from '@nestjs/microservices';
import { ServerNats } from '@nestjs/microservices';
import type { NatsConnection, SubscriptionOptions } from '@nats-io/transport-node';
import { API_ID_HEADER, type ServiceName } from '@signet/contracts/common';
import { NATS_RECONNECT, natsCredentials } from './nats-connection.js';
import { natsSubject } from './namespace.js';

type NatsServerOptions = NonNullable<NatsOptions['options']>;

/**
 * Nest's NATS server, subscribing each `@MessagePattern` under the namespace (`natsSubject`) in the namespaced
 * queue group; handlers are still looked up by the contract's subject.
 */
export class NamespacedServerNats extends ServerNats {
  override bindEvents(client: NatsConnection): void {
    // Nest subscribes each pattern through `client.subscribe(pattern, {queue, callback})`: prefix it on the way.
    const namespaced = { subscribe: (subject: string, opts?: SubscriptionOptions) => client.subscribe(natsSubject(subject), opts) };
    super.bindEvents(namespaced as NatsConnection);
  }
}

/** Every replica of a service joins the queue group named after it (namespaced), so N replicas share the requests. */
export function natsServerOptions(service: ServiceName, natsUrl: string): NatsServerOptions {
  return {
    servers: natsUrl.split(','),
    queue: natsSubject(service),
    name: service,
    ...natsCredentials(),
    ...NATS_RECONNECT,
    gracefulShutdown: true,
    gracePeriod: 2000,
  };
}

export function apiIdOf(ctx: NatsContext | undefined): string | undefined {
  return ctx?.getHeaders()?.get(API_ID_HEADER) || undefined;
}
