import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '@signet/nats';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';

/** Identity's own NATS connection for what it publishes (events, credential notices), apart from the RPC transport. */
export const IDENTITY_NATS = Symbol('IDENTITY_NATS');

@Injectable()
class IdentityNatsCloser implements OnApplicationShutdown {
  constructor(@Inject(IDENTITY_NATS) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.nc.drain().catch(() => undefined);
  }
}

export const identityNatsProviders: Provider[] = [
  { provide: IDENTITY_NATS, useFactory: (c: IdentityConfig) => connectNats(c.NATS_URL, 'identity-publisher'), inject: [IDENTITY_CONFIG] },
  IdentityNatsCloser,
];
