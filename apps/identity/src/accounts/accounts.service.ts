import { Injectable } from '@nestjs/common';
import type { AccountView } from '@signet/contracts/identity';
import { notFound } from '@signet/errors';
import { type AccountRow, AccountsRepository } from './accounts.repository.js';

export function toAccountView(a: AccountRow): AccountView {
  return {
    account_type: a.account_type,
    address: a.address,
    auth_id: a.auth_id,
    auto_recharge: a.auto_recharge,
    billing_mode: a.billing_mode,
    cash_credits: Number(a.cash_credits).toFixed(5),
    city: a.city,
    name: a.name,
    resource_uri: `/v1/Account/${a.auth_id}/`,
    state: a.state,
    timezone: a.timezone,
  };
}

@Injectable()
export class AccountsService {
  constructor(private readonly accounts: AccountsRepository) {}

  async get(authId: string): Promise<AccountView> {
    const account = await this.accounts.find(authId);
    if (!account || account.status === 'closed') throw notFound('account');
    return toAccountView(account);
  }
}
