import type { Caller } from '@signet/contracts/common';
import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';

/** Subaccounts and the IP whitelist belong to the main account; a subaccount's own credentials may not manage them. */
export function requireMainAccount(caller: Caller, action: string): string {
  if (caller.is_subaccount) throw new DomainError(IdentityErrors.MAIN_ACCOUNT_REQUIRED, `forbidden: only the main account can ${action}`);
  return caller.auth_id;
}
