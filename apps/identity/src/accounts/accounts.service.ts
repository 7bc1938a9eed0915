import { Injectable } from '@nestjs/common';
import { type AccountUpdateRequest, type AccountView, IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { BalancesClient } from '../billing/balances.client.js';
import { type AccountRow, AccountsRepository } from './accounts.repository.js';

export function toAccountView(a: AccountRow, balanceMicros: string): AccountView {
  return {
    account_type: a.account_type,
    address: a.address,
    auth_id: a.auth_id,
    auto_recharge: a.auto_recharge,
    billing_mode: a.billing_mode,
    cash_credits_micros: balanceMicros,
    city: a.city,
    name: a.name,
    resource_uri: `/v1/Account/${a.auth_id}/`,
    state: a.state,
    timezone: a.timezone,
  };
}

export const accountNotFound = (): DomainError => new DomainError(IdentityErrors.ACCOUNT_NOT_FOUND, 'account not found');

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly balances: BalancesClient,
  ) {}

  /** A subaccount spends its main account's credit under its plan, so those come from the main account. */
  async get(authId: string): Promise<AccountView> {
    const account = await this.accounts.find(authId);
    if (!account || account.status === 'closed') throw accountNotFound();
    const viewed = await this.withMainAccountMoney(account);
    const main = account.parent_auth_id ?? account.auth_id;
    return toAccountView(viewed, (await this.balances.of([main]))[main] ?? '0');
  }

  async update({ caller, body }: AccountUpdateRequest): Promise<void> {
    if (!(await this.accounts.update(caller.auth_id, body))) throw accountNotFound();
  }

  private async withMainAccountMoney(account: AccountRow): Promise<AccountRow> {
    if (!account.parent_auth_id) return account;
    const main = await this.accounts.find(account.parent_auth_id);
    if (!main) return account;
    const { account_type, billing_mode, auto_recharge } = main;
    return { ...account, account_type, billing_mode, auto_recharge };
  }
}
