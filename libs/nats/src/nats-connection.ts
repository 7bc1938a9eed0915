import { connect, type NatsConnection } from '@nats-io/transport-node';

/**
 * nats.js gives up reconnecting after ~20 s by default; a service must ride out a NATS restart of any length,
 * so reconnects never stop. The first connect still fails fast so a missing NATS is reported at boot.
 */
export const NATS_RECONNECT = { maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: false } as const;

export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url.split(','), name, ...NATS_RECONNECT, timeout: 3000 });
}
