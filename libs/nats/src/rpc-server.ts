import type { NatsContext, NatsOptions } from '@nestjs/microservices';
import { Transport } from '@nestjs/microservices';
import { API_ID_HEADER, type ServiceName } from '@signet/contracts/common';
import { NATS_RECONNECT } from './nats-connection.js';

/** Every replica of a service joins the queue group named after it, so N replicas share the requests. */
export function natsMicroserviceOptions(service: ServiceName, natsUrl: string): NatsOptions {
  return {
    transport: Transport.NATS,
    options: { servers: natsUrl.split(','), queue: service, name: service, ...NATS_RECONNECT, gracefulShutdown: true, gracePeriod: 2000 },
  };
}

export function apiIdOf(ctx: NatsContext | undefined): string | undefined {
  return ctx?.getHeaders()?.get(API_ID_HEADER) || undefined;
}
