import { infraSchema, readConfig, secretKeySchema, serviceDatabaseUrl } from '@signet/config';
import { consoleVerifyAccountSchema } from '@signet/contracts/identity';
import { z } from 'zod';

export const identityConfigSchema = infraSchema.extend(secretKeySchema.shape).extend({
  SIGNET_BOOTSTRAP_AUTH_ID: z
    .string()
    .regex(/^MA[A-Z0-9]{18}$/, 'must be MA followed by 18 of A-Z0-9')
    .optional(),
  SIGNET_BOOTSTRAP_AUTH_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{40}$/, 'must be 40 letters and digits')
    .optional(),
  /** Where links in console mail point: `${SIGNET_CONSOLE_URL}/activate?token=…`. */
  SIGNET_CONSOLE_URL: z.string().url().default('http://127.0.0.1:8080/console'),
  /** The account identity sends its own phone codes from, as a Verify customer like any other. */
  SIGNET_CONSOLE_VERIFY_ACCOUNT: consoleVerifyAccountSchema,
  SIGNET_SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  SIGNET_MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Where identity providers post SAML responses (the gateway's /console/v1/sso/acs), and the entity id they address. */
  SIGNET_CONSOLE_SAML_ACS_URL: z.string().url().default('http://127.0.0.1:8080/console/v1/sso/acs'),
  SIGNET_CONSOLE_SAML_ENTITY_ID: z.string().min(1).default('signet-console'),
  IDENTITY_EMAIL_CONCURRENCY: z.coerce.number().int().min(1).default(5),
});
export type IdentityConfig = Readonly<z.infer<typeof identityConfigSchema>>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export const loadIdentityConfig = (): IdentityConfig => readConfig('identity', identityConfigSchema);
export const identityDatabaseUrl = (): string => serviceDatabaseUrl('IDENTITY');
