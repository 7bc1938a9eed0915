import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/signet';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Settings every service shares: where Postgres, NATS and Redis are. */
export const infraSchema = z.object({
  NODE_ENV: z.string().default('development'),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  NATS_URL: z.string().default(DEFAULT_NATS_URL),
  NATS_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  REDIS_URL: z.string().default(DEFAULT_REDIS_URL),
  REDIS_PREFIX: z.string().default('signet'),
});

/** Required only by the services that seal or digest secrets (identity, verify). */
export const secretKeySchema = z.object({
  // 32 bytes as hex: the root of every key (token encryption, token digests, OTP hashes).
  SIGNET_SECRET_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters'),
});
export type InfraConfig = z.infer<typeof infraSchema>;

/** The variable a service's database URL comes from: its own (`VERIFY_DATABASE_URL`) when set, else `DATABASE_URL`. */
export function serviceDatabaseVariable(envPrefix: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${envPrefix}_DATABASE_URL`] ? `${envPrefix}_DATABASE_URL` : 'DATABASE_URL';
}

/** A service's own database URL (`VERIFY_DATABASE_URL`) falls back to the shared one. */
export function serviceDatabaseUrl(envPrefix: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${envPrefix}_DATABASE_URL`] || env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
