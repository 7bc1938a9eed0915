import type { LookupAddress } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import { addressRefusal, type GuardOptions, isIpLiteral } from './address-policy.js';
import { type Resolver, systemResolver, UnsafeUrlError } from './url-check.js';

export interface GuardedAgentOptions extends GuardOptions {
  resolve?: Resolver;
  /** TCP/TLS connect timeout. */
  connectTimeoutMs?: number;
  connections?: number;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Connect-time guard: an undici Agent whose every new connection resolves the host once, refuses it when any
 * resolved address is refused by the policy, and connects to exactly the address it checked (the socket is given
 * that address, so there is no second resolution and no DNS-rebinding window). IP-literal hosts are checked
 * without resolving. Use it as `dispatcher` for undici `request`/`fetch`.
 */
export function guardedAgent(opts: GuardedAgentOptions): Agent {
  const resolve = opts.resolve ?? systemResolver;
  const guardedLookup = (hostname: string, _options: unknown, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.map((a) => addressRefusal(a, opts)).find((r) => r !== null);
        if (addresses.length === 0) return callback(new UnsafeUrlError(`host ${hostname} does not resolve`), []);
        if (refused) return callback(new UnsafeUrlError(`host ${hostname} is not allowed: ${refused}`), []);
        const address = addresses[0];
        const family = address.includes(':') ? 6 : 4;
        // Node ≥ 20 asks with `all: true`; answer with the one checked address either way.
        if ((_options as { all?: boolean } | undefined)?.all) return callback(null, [{ address, family }]);
        return callback(null, address, family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };
  const connector = buildConnector({ timeout: opts.connectTimeoutMs ?? 5000, lookup: guardedLookup } as buildConnector.BuildOptions);
  return new Agent({
    connections: opts.connections ?? 64,
    connect: (options, callback) => {
      if (isIpLiteral(options.hostname)) {
        const refusal = addressRefusal(options.hostname, opts);
        if (refusal) return callback(new UnsafeUrlError(`host ${options.hostname} is not allowed: ${refusal}`), null);
      }
      return connector(options, callback);
    },
  });
}
