import { z } from 'zod';
import { DATA_REGIONS, lenientEnum, optional, pageSchema } from '@signet/contracts/common';
import { accountName } from './messages.js';

export const ACCOUNT_TYPES = ['standard', 'developer'] as const;
export const BILLING_MODES = ['prepaid', 'postpaid'] as const;
export const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;

const credits = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string({ error: 'must be a decimal amount' }).regex(/^\d{1,10}(\.\d{1,5})?$/, 'must be a decimal amount with at most 5 decimals'),
);

/** An operator opens an account; the data region is chosen here, once, and never changes. */
export const adminAccountCreateBody = z.object({
  name: z.preprocess((v) => (v === null ? undefined : v), accountName),
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'must be an email address' }).max(254)),
  data_region: lenientEnum(DATA_REGIONS),
  account_type: optional(lenientEnum(ACCOUNT_TYPES)).default('standard'),
  billing_mode: optional(lenientEnum(BILLING_MODES)).default('prepaid'),
  cash_credits: optional(credits).default('0'),
});
export type AdminAccountCreateBody = z.infer<typeof adminAccountCreateBody>;

export const adminAccountListQuery = pageSchema.extend({
  status: optional(lenientEnum(ACCOUNT_STATUSES)),
  data_region: optional(lenientEnum(DATA_REGIONS)),
  email: optional(z.string().max(254).transform((v) => v.trim().toLowerCase())),
  name: optional(z.string().max(100)),
});
export type AdminAccountListQuery = z.infer<typeof adminAccountListQuery>;

export const adminAccountRef = z.object({ auth_id: z.string().max(64) });
export type AdminAccountRef = z.infer<typeof adminAccountRef>;

export interface AdminAccountView {
  auth_id: string;
  name: string;
  email: string | null;
  account_type: (typeof ACCOUNT_TYPES)[number];
  billing_mode: (typeof BILLING_MODES)[number];
  data_region: (typeof DATA_REGIONS)[number];
  status: (typeof ACCOUNT_STATUSES)[number];
  cash_credits: string;
  subaccount_count: number;
  created_at: string;
  updated_at: string | null;
  closed_at: string | null;
  resource_uri: string;
}

export interface AdminAccountCreated {
  auth_id: string;
  auth_token: string;
  account: AdminAccountView;
}

export interface AdminAccountListResult {
  objects: AdminAccountView[];
  limit: number;
  offset: number;
  total_count: number;
}
