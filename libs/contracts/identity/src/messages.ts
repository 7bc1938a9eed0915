import { z } from 'zod';
import { callerSchema, DATA_REGIONS, microsString, optional } from '@signet/contracts/common';

export const authenticateRequest = z.object({
  auth_id: z.string().min(1).max(64),
  auth_token: z.string().min(1).max(256),
});
export type AuthenticateRequest = z.infer<typeof authenticateRequest>;

/** What identity answers for valid credentials: the caller, plus what the gateway enforces before any service sees it. */
export const authenticatedCaller = z.strictObject({
  ...callerSchema.shape,
  data_region: z.enum(DATA_REGIONS),
  /** `suspended` when the account or its main account is suspended: every call is refused with a 403 saying so. */
  status: z.enum(['active', 'suspended']),
  /** The main account's whitelisted CIDRs while enforcement is on; null when any address may call. */
  ip_whitelist: z.array(z.string()).nullable(),
  /** When the presented token stops working (the 48-hour grace after a rotation); null for the active token. */
  token_expires_at: z.string().nullable(),
});
export type AuthenticatedCaller = z.infer<typeof authenticatedCaller>;

export const accountGetRequest = z.object({ auth_id: z.string().min(1).max(64) });

export const accountName = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** POST /v1/Account/{auth_id}/ — Plivo changes name, city and address; the data region never changes. */
export const accountUpdateBody = z.object({
  name: optional(accountName),
  city: optional(z.string({ error: 'must be a string' }).trim().max(100, 'must be at most 100 characters')),
  address: optional(z.string({ error: 'must be a string' }).trim().max(255, 'must be at most 255 characters')),
  data_region: optional(z.never({ error: 'cannot be changed after the account is created' })),
});
export type AccountUpdateBody = z.infer<typeof accountUpdateBody>;
export const accountUpdateRequest = z.object({ caller: callerSchema, body: accountUpdateBody });
export type AccountUpdateRequest = z.infer<typeof accountUpdateRequest>;

/** Plivo's account resource, as GET /v1/Account/{auth_id}/ returns it (without api_id). */
export const accountView = z.strictObject({
  account_type: z.enum(['standard', 'developer']),
  address: z.string(),
  auth_id: z.string(),
  auto_recharge: z.boolean(),
  billing_mode: z.enum(['prepaid', 'postpaid']),
  /** The main account's live balance in billing-alerts' ledger, micro-units (the gateway renders "1.80900"). */
  cash_credits_micros: microsString,
  city: z.string(),
  name: z.string(),
  resource_uri: z.string(),
  state: z.string(),
  timezone: z.string(),
});
export type AccountView = z.infer<typeof accountView>;

/** POST /v1/Account/{auth_id}/AuthToken/ — the old token stops now, or after 48 hours. */
export const tokenRotateBody = z.object({
  expire_old: z.preprocess(
    (v) => (v === null || v === '' ? undefined : typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(['immediately', '48h'], { error: 'expire_old is required: immediately or 48h' }),
  ),
});
export const tokenRotateRequest = z.object({ caller: callerSchema, body: tokenRotateBody });
export type TokenRotateRequest = z.infer<typeof tokenRotateRequest>;

export const tokenRotated = z.strictObject({
  auth_id: z.string(),
  auth_token: z.string(),
  /** When the previous token stops working; null when it stopped at once. */
  old_token_expires_at: z.string().nullable(),
});
export type TokenRotated = z.infer<typeof tokenRotated>;
