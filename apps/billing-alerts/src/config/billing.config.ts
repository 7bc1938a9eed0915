import { infraSchema, readConfig, serviceDatabaseUrl } from '@signet/config';
import { consoleVerifyAccountSchema } from '@signet/contracts/identity';
import { z } from 'zod';

export const billingConfigSchema = infraSchema.extend({
  /** The bootstrap account (identity creates it) gets this much trial credit once, recorded in the ledger. */
  SIGNET_BOOTSTRAP_AUTH_ID: z
    .string()
    .regex(/^MA[A-Z0-9]{18}$/, 'must be MA followed by 18 of A-Z0-9')
    .optional(),
  SIGNET_BOOTSTRAP_CREDITS: z
    .string()
    .regex(/^\d{1,11}(\.\d{1,5})?$/, 'must be a decimal amount with at most 5 decimals')
    .default('10.00000'),
  /** The platform's own Verify account (identity's console phone codes): never charged. The same variable as identity's. */
  SIGNET_CONSOLE_VERIFY_ACCOUNT: consoleVerifyAccountSchema,
  /** SMTP for balance alerts (see libs/mail); unset outside production: the development catcher. */
  SIGNET_SMTP_URL: z.string().optional(),
  SIGNET_MAIL_FROM: z.string().default('Signet <no-reply@signet.local>'),
  BILLING_ALERT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  /** The whole exchange with an alert's webhook (connect, answer, body). */
  BILLING_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** At most this many queued attempt charges of one account share a transaction; 0 turns group commit off. */
  BILLING_CHARGE_BATCH: z.coerce.number().int().min(0).max(1000).default(100),
  BILLING_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** An attempt charge no attempt event confirmed this long after it was taken is refunded (see UnrecordedChargesSweeper). */
  BILLING_UNRECORDED_REFUND_AFTER_S: z.coerce.number().int().min(1).default(1800),
});
export type BillingConfig = Readonly<z.infer<typeof billingConfigSchema>>;
export const BILLING_CONFIG = Symbol('BILLING_CONFIG');

export const loadBillingConfig = (): BillingConfig => readConfig('billing-alerts', billingConfigSchema);
export const billingDatabaseUrl = (): string => serviceDatabaseUrl('BILLING');
