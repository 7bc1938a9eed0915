import { Inject, Injectable } from '@nestjs/common';
import {
  type AdminAccountCreateBody,
  type AdminAccountCreated,
  type AdminAccountListQuery,
  type AdminAccountListResult,
  type AdminAccountView,
  IdentityErrors,
} from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring, sealToken, tokenDigest } from '@signet/secrets';
import { EventsRelay } from '@signet/outbox';
import { newAuthToken, newMainAuthId } from '../accounts/account-ids.js';
import { accountNotFound } from '../accounts/accounts.service.js';
import { CredentialsNotifier } from '../events/credentials-notifier.js';
import { BalancesClient } from '../billing/balances.client.js';
import { type AdminAccountRow, AdminAccountsRepository } from './admin-accounts.repository.js';

const stateConflict = (message: string) => new DomainError(IdentityErrors.ACCOUNT_STATE_CONFLICT, message);

/** The operators' account lifecycle: open, find, suspend, reactivate, close (irreversible). */
@Injectable()
export class AdminAccountsService {
  constructor(
    private readonly accounts: AdminAccountsRepository,
    private readonly notifier: CredentialsNotifier,
    private readonly relay: EventsRelay,
    private readonly balances: BalancesClient,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async create(body: AdminAccountCreateBody): Promise<AdminAccountCreated> {
    const token = newAuthToken();
    for (let draw = 0; draw < 5; draw++) {
      const authId = newMainAuthId();
      const outcome = await this.accounts.create(authId, body, { sealed: sealToken(this.ring, token), digest: tokenDigest(this.ring, authId, token) });
      if (outcome === 'email-taken')
        throw new DomainError(IdentityErrors.EMAIL_TAKEN, 'an account with this email already exists (closed accounts keep theirs)');
      if (outcome !== 'created') continue;
      if (BigInt(body.cash_credits) > 0n) await this.balances.openingCredit(authId, body.cash_credits);
      return { auth_id: authId, auth_token: token, account: await this.get(authId) };
    }
    throw new Error('no free account id after 5 draws');
  }

  async list(query: AdminAccountListQuery): Promise<AdminAccountListResult> {
    const { rows, total } = await this.accounts.list(query);
    return { objects: await this.withBalances(rows), limit: query.limit, offset: query.offset, total_count: total };
  }

  async get(authId: string): Promise<AdminAccountView> {
    const account = await this.accounts.find(authId);
    if (!account) throw accountNotFound();
    return (await this.withBalances([account]))[0];
  }

  private async withBalances(rows: AdminAccountRow[]): Promise<AdminAccountView[]> {
    const balances = await this.balances.of(rows.map((r) => r.auth_id));
    return rows.map((r) => ({ ...r, cash_credits_micros: balances[r.auth_id] ?? '0' }));
  }

  /** Suspending a suspended account (or reactivating an active one) changes nothing and is not an error. */
  async suspend(authId: string): Promise<void> {
    if (!(await this.accounts.setStatus(authId, 'active', 'suspended'))) await this.expect(authId, 'suspended');
    await this.notifier.changed(authId);
  }

  async reactivate(authId: string): Promise<void> {
    if (!(await this.accounts.setStatus(authId, 'suspended', 'active'))) await this.expect(authId, 'active');
    await this.notifier.changed(authId);
  }

  async close(authId: string): Promise<void> {
    if (!(await this.accounts.close(authId))) {
      await this.get(authId);
      throw stateConflict('account already closed');
    }
    this.relay.kick();
    await this.notifier.changed(authId);
  }

  private async expect(authId: string, status: AdminAccountView['status']): Promise<void> {
    const account = await this.get(authId);
    if (account.status === 'closed') throw stateConflict('account is closed: closing is irreversible');
    if (account.status !== status) throw stateConflict(`account is ${account.status}`);
  }
}
