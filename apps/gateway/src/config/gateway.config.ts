import { infraSchema, readConfig } from '@signet/config';
import { z } from 'zod';

export const gatewayConfigSchema = infraSchema.extend({
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  /** How long a verified credential is trusted without asking identity again. */
  GATEWAY_AUTH_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
  NATS_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
});
export type GatewayConfig = Readonly<z.infer<typeof gatewayConfigSchema>>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export const loadGatewayConfig = (): GatewayConfig => readConfig('gateway', gatewayConfigSchema);
