import { z } from 'zod';
import { callerSchema, lenientBool, listResult, optional, pageSchema } from '@signet/contracts/common';
import { accountName } from './messages.js';

/** Plivo creates a subaccount disabled unless `enabled` is true. */
export const subaccountCreateBody = z.object({
  name: z.preprocess((v) => (v === null ? undefined : v), accountName),
  enabled: optional(lenientBool).default(false),
});
export const subaccountUpdateBody = z.object({ name: optional(accountName), enabled: optional(lenientBool) });
/** DELETE arguments, from the query string or a JSON body. */
export const subaccountDeleteArgs = z.object({ cascade: optional(lenientBool).default(false) });
export type SubaccountCreateBody = z.infer<typeof subaccountCreateBody>;
export type SubaccountUpdateBody = z.infer<typeof subaccountUpdateBody>;

export const subaccountCreateRequest = z.object({ caller: callerSchema, body: subaccountCreateBody });
export const subaccountRef = z.object({ caller: callerSchema, subaccount_id: z.string().max(64) });
export const subaccountUpdateRequest = subaccountRef.extend({ body: subaccountUpdateBody });
export const subaccountDeleteRequest = subaccountRef.extend({ body: subaccountDeleteArgs });
export const subaccountListRequest = z.object({ caller: callerSchema, query: pageSchema });
export type SubaccountCreateRequest = z.infer<typeof subaccountCreateRequest>;
export type SubaccountRef = z.infer<typeof subaccountRef>;
export type SubaccountUpdateRequest = z.infer<typeof subaccountUpdateRequest>;
export type SubaccountDeleteRequest = z.infer<typeof subaccountDeleteRequest>;
export type SubaccountListRequest = z.infer<typeof subaccountListRequest>;

export const subaccountCreated = z.strictObject({ auth_id: z.string(), auth_token: z.string() });
export type SubaccountCreated = z.infer<typeof subaccountCreated>;

/** Plivo's subaccount resource: `created` is a date, `modified` null until it changes. */
export const subaccountView = z.strictObject({
  account: z.string(),
  auth_id: z.string(),
  auth_token: z.string(),
  created: z.string(),
  enabled: z.boolean(),
  modified: z.string().nullable(),
  name: z.string(),
  resource_uri: z.string(),
});
export type SubaccountView = z.infer<typeof subaccountView>;

export const subaccountListResult = listResult(subaccountView);
export type SubaccountListResult = z.infer<typeof subaccountListResult>;
