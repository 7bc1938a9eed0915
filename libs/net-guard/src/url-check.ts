import { lookup } from 'node:dns/promises';
import { addressRefusal, type GuardOptions, isIpLiteral } from './address-policy.js';

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

const RESOLVE_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** A URL a service must not call, with a message fit for the API caller's 400. */
export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

/**
 * Create-time check: only http(s); the host, whatever way it is written (the WHATWG parser turns decimal, hex and
 * octal IPv4 forms into dotted quads), must be or resolve only to addresses `addressRefusal` accepts. A name that
 * does not resolve (within 2 s) passes unless `requireResolvable`: DNS may be down now, and the connect-time guard
 * checks the address it actually connects to. Throws UnsafeUrlError.
 */
export async function assertPublicUrl(raw: string, opts: GuardOptions & { resolve?: Resolver; requireResolvable?: boolean }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeUrlError('must be an http(s) URL');
  if (url.username || url.password) throw new UnsafeUrlError('must not carry credentials');
  const host = url.hostname;
  let addresses: string[];
  if (isIpLiteral(host)) addresses = [host];
  else {
    try {
      addresses = await withTimeout((opts.resolve ?? systemResolver)(host), RESOLVE_TIMEOUT_MS);
    } catch {
      if (opts.requireResolvable) throw new UnsafeUrlError(`host ${host} does not resolve`);
      return url;
    }
  }
  for (const a of addresses) {
    const refusal = addressRefusal(a, opts);
    if (refusal) throw new UnsafeUrlError(`host ${host} is not allowed: ${refusal}`);
  }
  return url;
}

/** `CALLBACKS_ALLOW_PRIVATE_NETWORKS`: `true`/`false` when set; otherwise on outside production, off in production. */
export function allowPrivateNetworks(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CALLBACKS_ALLOW_PRIVATE_NETWORKS?.trim().toLowerCase();
  if (v) return ['1', 'true', 'yes'].includes(v);
  return env.NODE_ENV !== 'production';
}
