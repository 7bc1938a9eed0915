import { z } from 'zod';
import { eventSubject } from '@signet/contracts/common';

/** Durable events on SIGNET_EVENTS; every service holding account data consumes them. */
export const IdentityEvents = {
  accountClosed: eventSubject('identity', 'account', 'closed'),
  subaccountDeleted: eventSubject('identity', 'subaccount', 'deleted'),
} as const;

/** A main account was closed (irreversibly): delete everything it and its subaccounts own. */
export const accountClosed = z.object({
  auth_id: z.string(),
  /** The subaccounts closed with it; their data also carries `main_account_id = auth_id`. */
  subaccount_auth_ids: z.array(z.string()),
  closed_at: z.string(),
});
export type AccountClosed = z.infer<typeof accountClosed>;

/** A subaccount was deleted: with `cascade` delete what it owns, otherwise hand it to its main account. */
export const subaccountDeleted = z.object({
  auth_id: z.string(),
  main_auth_id: z.string(),
  cascade: z.boolean(),
  deleted_at: z.string(),
});
export type SubaccountDeleted = z.infer<typeof subaccountDeleted>;

/** Each event subject bound to the schema of its `data`. */
export const IdentityEventSchemas = {
  [IdentityEvents.accountClosed]: accountClosed,
  [IdentityEvents.subaccountDeleted]: subaccountDeleted,
} as const;
