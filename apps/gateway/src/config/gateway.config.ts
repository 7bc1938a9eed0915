import { infraSchema, readConfig } from '@signet/config';
import { z } from 'zod';

/** Comma-separated addresses or CIDRs of the reverse proxies whose `X-Forwarded-For` the gateway believes. */
const trustedProxies = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'each entry must be an IP address or a CIDR' })));

export const gatewayConfigSchema = infraSchema.extend({
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  /** How long a verified credential is trusted without asking identity again; identity's notices drop it sooner. */
  GATEWAY_AUTH_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
  NATS_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  /** Without it the client address is the socket's peer and `X-Forwarded-For` is ignored. */
  GATEWAY_TRUSTED_PROXIES: trustedProxies,
  /** The operators' bearer token for /admin/v1/…; without it the admin API refuses every call. */
  SIGNET_ADMIN_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'must be at least 16 characters').optional()),
});
export type GatewayConfig = Readonly<z.infer<typeof gatewayConfigSchema>>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export const loadGatewayConfig = (): GatewayConfig => readConfig('gateway', gatewayConfigSchema);
