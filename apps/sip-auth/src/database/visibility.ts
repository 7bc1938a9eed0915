import type { Caller } from '@signet/contracts/common';

/** A main account sees its own resources and its subaccounts'; a subaccount only its own. */
export const visible = (caller: Caller, param: string, alias = ''): string =>
  caller.is_subaccount ? `${alias}account_id = ${param}` : `${alias}main_account_id = ${param}`;
