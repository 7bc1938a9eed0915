import { infraSchema, readConfig, secretKeySchema, serviceDatabaseUrl } from '@signet/config';
import { z } from 'zod';

export const identityConfigSchema = infraSchema.extend(secretKeySchema.shape).extend({
  SIGNET_BOOTSTRAP_AUTH_ID: z.string().regex(/^MA[A-Z0-9]{18}$/, 'must be MA followed by 18 of A-Z0-9').optional(),
  SIGNET_BOOTSTRAP_AUTH_TOKEN: z.string().regex(/^[A-Za-z0-9]{40}$/, 'must be 40 letters and digits').optional(),
});
export type IdentityConfig = Readonly<z.infer<typeof identityConfigSchema>>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export const loadIdentityConfig = (): IdentityConfig => readConfig('identity', identityConfigSchema);
export const identityDatabaseUrl = (): string => serviceDatabaseUrl('IDENTITY');
