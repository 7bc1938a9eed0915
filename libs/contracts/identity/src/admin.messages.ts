import { z } from 'zod';
import { DATA_REGIONS, lenientEnum, listResult, microsString, moneyInput, optional, pageSchema } from '@signet/contracts/common';
import { accountName } from './messages.js';

export const ACCOUNT_TYPES = ['standard', 'developer'] as const;
export const BILLING_MODES = ['prepaid', 'postpaid'] as const;
export const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;

/** An operator opens an account; the data region is chosen here, once, and never changes. */
export const adminAccountCreateBody = z.object({
  name: z.preprocess((v) => (v === null ? undefined : v), accountName),
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'must be an email address' }).max(254)),
  data_region: lenientEnum(DATA_REGIONS),
  account_type: optional(lenientEnum(ACCOUNT_TYPES)).default('standard'),
  billing_mode: optional(lenientEnum(BILLING_MODES)).default('prepaid'),
  /** Opening credit, recorded by billing-alerts as a recharge (micro-units once parsed). */
  cash_credits: optional(moneyInput('10000000000')).default('0'),
});
export type AdminAccountCreateBody = z.infer<typeof adminAccountCreateBody>;
/** The same over NATS: the gateway has already turned `cash_credits` into micro-units. */
export const adminAccountCreateMessage = adminAccountCreateBody.extend({ cash_credits: microsString.default('0') });

export const adminAccountListQuery = pageSchema.extend({
  status: optional(lenientEnum(ACCOUNT_STATUSES)),
  data_region: optional(lenientEnum(DATA_REGIONS)),
  email: optional(
    z
      .string()
      .max(254)
      .transform((v) => v.trim().toLowerCase()),
  ),
  name: optional(z.string().max(100)),
});
export type AdminAccountListQuery = z.infer<typeof adminAccountListQuery>;

export const adminAccountRef = z.object({ auth_id: z.string().max(64) });
export type AdminAccountRef = z.infer<typeof adminAccountRef>;

export const adminAccountView = z.strictObject({
  auth_id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  account_type: z.enum(ACCOUNT_TYPES),
  billing_mode: z.enum(BILLING_MODES),
  data_region: z.enum(DATA_REGIONS),
  status: z.enum(ACCOUNT_STATUSES),
  /** Live balance from billing-alerts, micro-units. */
  cash_credits_micros: microsString,
  subaccount_count: z.number(),
  created_at: z.string(),
  updated_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  resource_uri: z.string(),
});
export type AdminAccountView = z.infer<typeof adminAccountView>;

export const adminAccountCreated = z.strictObject({ auth_id: z.string(), auth_token: z.string(), account: adminAccountView });
export type AdminAccountCreated = z.infer<typeof adminAccountCreated>;

export const adminAccountListResult = listResult(adminAccountView);
export type AdminAccountListResult = z.infer<typeof adminAccountListResult>;

/** What a lifecycle command answers: the account's status after it. */
export const adminAccountStatus = (status: (typeof ACCOUNT_STATUSES)[number]) => z.strictObject({ status: z.literal(status) });
