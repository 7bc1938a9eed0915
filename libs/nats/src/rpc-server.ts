import type { NatsContext, NatsOptions } from '@nestjs/microservices';
import { ServerNats } from '@nestjs/microservices';
import type { NatsConnection, SubscriptionOptions } from '@nats-io/transport-node';
import { API_ID_HEADER, type ServiceName } from '@signet/contracts/common';
import { contextWith, SpanKind, startSpan, traceParentOf, tracingEnabled, withContext, type Span } from '@signet/tracing';
import { NATS_RECONNECT, natsCredentials } from './nats-connection.js';
import { contractSubject, natsSubject } from './namespace.js';
import { natsHeaderGetter } from './trace-headers.js';

type NatsServerOptions = NonNullable<NatsOptions['options']>;

/**
 * Nest's NATS server, subscribing each `@MessagePattern` under the namespace (`natsSubject`) in the namespaced
 * queue group; handlers are still looked up by the contract's subject.
 */
export class NamespacedServerNats extends ServerNats {
  constructor(options: NatsServerOptions) {
    super(options);
    if (tracingEnabled()) traceHandlers(this);
  }

  override bindEvents(client: NatsConnection): void {
    // Nest subscribes each pattern through `client.subscribe(pattern, {queue, callback})`: prefix it on the way.
    const namespaced = { subscribe: (subject: string, opts?: SubscriptionOptions) => client.subscribe(natsSubject(subject), opts) };
    super.bindEvents(namespaced as NatsConnection);
  }
}

/**
 * One server span per handled request, child of the caller's (its context in the message's headers), active while the
 * handler runs and ended when the reply is published: Nest's processing hooks frame exactly that.
 */
function traceHandlers(server: ServerNats): void {
  const spans = new WeakMap<NatsContext, Span>();
  server.setOnProcessingStartHook((_transport, ctx, done) => {
    const nats = ctx as NatsContext;
    const subject = contractSubject(nats.getSubject());
    const parent = traceParentOf(nats.getHeaders(), natsHeaderGetter);
    const span = startSpan(`${subject} process`, {
      kind: SpanKind.SERVER,
      parent,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject },
    });
    spans.set(nats, span);
    return withContext(contextWith(span, parent), done);
  });
  server.setOnProcessingEndHook((_transport, ctx) => spans.get(ctx as NatsContext)?.end());
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
