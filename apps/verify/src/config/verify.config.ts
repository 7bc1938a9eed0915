import { consoleVerifyAccountSchema } from '@signet/contracts/identity';
import { infraSchema, readConfig, secretKeySchema, serviceDatabaseUrl } from '@signet/config';
import { z } from 'zod';

const countries = z.array(z.string().regex(/^[A-Z]{2}$/)).default([]);

/** One number of the platform sender, as an operator writes it in `SIGNET_PLATFORM_SENDER`. */
export const platformNumberSchema = z.object({
  number: z.string().regex(/^(\+\d{7,15}|\d{3,6})$/),
  type: z.enum(['local', 'tollfree', 'shortcode']).optional(),
  sms: z.boolean().default(true),
  voice: z.boolean().default(true),
  countries,
});

/**
 * The platform's own sender, tried after the caller's senders: `{"provider":"twilio","credentials":{"account_sid":…,
 * "auth_token":…},"numbers":[{"number":"+1…","countries":["US"]}]}` (plivo: auth_id/auth_token; vonage: api_key/
 * api_secret[/application_id/private_key/signature_secret]). Unset: the development outbox.
 */
export const platformSenderSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('outbox') }),
  z.object({
    provider: z.enum(['twilio', 'plivo', 'vonage']),
    credentials: z.record(z.string(), z.string()),
    numbers: z.array(platformNumberSchema).min(1),
  }),
]);
export type PlatformSender = z.infer<typeof platformSenderSchema>;

const jsonSender = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s) return { provider: 'outbox' } as PlatformSender;
    try {
      return platformSenderSchema.parse(JSON.parse(s));
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `SIGNET_PLATFORM_SENDER: ${(err as Error).message}` });
      return z.NEVER;
    }
  });

export const verifyConfigSchema = infraSchema.extend(secretKeySchema.shape).extend({
  VERIFY_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  VERIFY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(1000),
  SIGNET_PLATFORM_SENDER: jsonSender,
  /** Signet's public base URL: receipts and Plivo's answer_url point under it. Unset: no receipts are asked for. */
  SIGNET_PUBLIC_URL: z.string().url().optional(),
  SIGNET_TWILIO_API_URL: z.string().url().default('https://api.twilio.com'),
  SIGNET_PLIVO_API_URL: z.string().url().default('https://api.plivo.com'),
  SIGNET_VONAGE_REST_URL: z.string().url().default('https://rest.nexmo.com'),
  SIGNET_VONAGE_API_URL: z.string().url().default('https://api.nexmo.com'),
  VERIFY_PROVIDER_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(50).default(2000),
  VERIFY_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(8000).default(5000),
  VERIFY_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(3),
  VERIFY_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).default(30_000),
  /** The platform's own Verify account (identity's console codes): identity throttles its people per user and address, so the per-recipient limit does not apply. */
  SIGNET_CONSOLE_VERIFY_ACCOUNT: consoleVerifyAccountSchema,
});
export type VerifyConfig = Readonly<z.infer<typeof verifyConfigSchema>>;
export const VERIFY_CONFIG = Symbol('VERIFY_CONFIG');

export const loadVerifyConfig = (): VerifyConfig => readConfig('verify', verifyConfigSchema);
export const verifyDatabaseUrl = (): string => serviceDatabaseUrl('VERIFY');
