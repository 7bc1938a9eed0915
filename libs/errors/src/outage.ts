/**
 * Whether an error means a dependency is down or unreachable rather than that the request was wrong: a refused or
 * dropped connection, a pool that could not connect in time, or Postgres saying it cannot serve (SQLSTATE class 08
 * "connection exception", 57P01–57P03 shutting down / starting up, 53300 too many connections). Below the gateway
 * such errors leave as SERVICE_UNAVAILABLE (a fast 503), never as an internal error.
 */
export function isDependencyOutage(err: unknown): boolean {
  for (let e = err as Failure | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.driverError ?? e.cause, depth++) {
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || /^08|^57P0[123]$|^53300$/.test(e.code))) return true;
    if (typeof e.message === 'string' && OUTAGE_MESSAGES.some((m) => e!.message!.includes(m))) return true;
  }
  return false;
}

interface Failure {
  code?: unknown;
  message?: string;
  driverError?: Failure;
  cause?: Failure;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// node-postgres and pg-pool report a lost or impossible connection in these words, without a code.
const OUTAGE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection is closed',
];
