import { infraSchema, readConfig, secretKeySchema, serviceDatabaseUrl } from '@signet/config';
import { z } from 'zod';

export const verifyConfigSchema = infraSchema.extend(secretKeySchema.shape).extend({
  VERIFY_PROVIDER: z.enum(['outbox']).default('outbox'),
  VERIFY_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  VERIFY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(1000),
});
export type VerifyConfig = Readonly<z.infer<typeof verifyConfigSchema>>;
export const VERIFY_CONFIG = Symbol('VERIFY_CONFIG');

export const loadVerifyConfig = (): VerifyConfig => readConfig('verify', verifyConfigSchema);
export const verifyDatabaseUrl = (): string => serviceDatabaseUrl('VERIFY');
