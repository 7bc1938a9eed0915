import { eventSubject } from '@signet/contracts/common';

/** Durable events on SIGNET_EVENTS; every service holding account data consumes them. */
export const IdentityEvents = {
  accountClosed: eventSubject('identity', 'account', 'closed'),
  subaccountDeleted: eventSubject('identity', 'subaccount', 'deleted'),
} as const;

/** A main account was closed (irreversibly): delete everything it and its subaccounts own. */
export interface AccountClosed {
  auth_id: string;
  /** The subaccounts closed with it; their data also carries `main_account_id = auth_id`. */
  subaccount_auth_ids: string[];
  closed_at: string;
}

/** A subaccount was deleted: with `cascade` delete what it owns, otherwise hand it to its main account. */
export interface SubaccountDeleted {
  auth_id: string;
  main_auth_id: string;
  cascade: boolean;
  deleted_at: string;
}
