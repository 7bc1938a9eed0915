import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import type { Dependency } from '@signet/config';

/**
 * nats.js gives up reconnecting after ~20 s by default; a service must ride out a NATS restart of any length,
 * so reconnects never stop. The first connect still fails fast so a missing NATS is reported at boot.
 */
export const NATS_RECONNECT = { maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: false } as const;

/**
 * The process's NATS user (`NATS_USER`, `NATS_PASSWORD`): each service has its own, with the subject permissions
 * of deploy/nats (libs/nats/src/permissions.ts). Unset: no credentials, as a local NATS without authorization wants.
 */
export function natsCredentials(env: NodeJS.ProcessEnv = process.env): Pick<ConnectionOptions, 'user' | 'pass'> {
  return env.NATS_USER ? { user: env.NATS_USER, pass: env.NATS_PASSWORD ?? '' } : {};
}

export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url.split(','), name, ...natsCredentials(), ...NATS_RECONNECT, timeout: 3000 });
}

/** Connects once and closes: does NATS at `url` take this process's credentials? (boot's start-up check) */
export async function probeNats(url: string): Promise<void> {
  const nc = await connect({ servers: url.split(','), name: 'start-up-check', ...natsCredentials(), timeout: 3000, maxReconnectAttempts: 0 });
  await nc.close();
}

export const natsDependency = (url: string): Dependency => ({ variable: 'NATS_URL', url, probe: probeNats });
