import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import {
  IdentityErrors,
  type SubaccountCreated,
  type SubaccountCreateRequest,
  type SubaccountDeleteRequest,
  type SubaccountListRequest,
  type SubaccountListResult,
  type SubaccountRef,
  type SubaccountUpdateRequest,
  type SubaccountView,
} from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring, openToken, sealToken, tokenDigest } from '@signet/secrets';
import { EventsRelay } from '@signet/outbox';
import { newAuthToken, newSubaccountAuthId } from '../accounts/account-ids.js';
import { requireMainAccount } from '../accounts/main-account.js';
import { CredentialsNotifier } from '../events/credentials-notifier.js';
import { type SubaccountRow, SubaccountsRepository } from './subaccounts.repository.js';

const subaccountNotFound = (): DomainError => new DomainError(IdentityErrors.SUBACCOUNT_NOT_FOUND, 'subaccount not found');
/** Anything not shaped like a subaccount id names nothing: a 404, like an id of another account's subaccount. */
const SUBACCOUNT_ID = /^SA[A-Z0-9]{18}$/;
const ACTION = 'manage subaccounts';

@Injectable()
export class SubaccountsService {
  constructor(
    private readonly subaccounts: SubaccountsRepository,
    private readonly notifier: CredentialsNotifier,
    private readonly relay: EventsRelay,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async create({ caller, body }: SubaccountCreateRequest): Promise<SubaccountCreated> {
    const mainAuthId = requireMainAccount(caller, ACTION);
    const token = newAuthToken();
    // A fresh id colliding with a live or closed one is astronomically rare; it is simply drawn again.
    for (let draw = 0; draw < 5; draw++) {
      const authId = newSubaccountAuthId();
      const sealed = { sealed: sealToken(this.ring, token), digest: tokenDigest(this.ring, authId, token) };
      if (await this.subaccounts.insert(mainAuthId, authId, body.name, body.enabled, sealed)) return { auth_id: authId, auth_token: token };
    }
    throw new Error('no free subaccount id after 5 draws');
  }

  async get({ caller, subaccount_id }: SubaccountRef): Promise<SubaccountView> {
    return this.toView(await this.load(this.owner(caller), subaccount_id));
  }

  async list({ caller, query }: SubaccountListRequest): Promise<SubaccountListResult> {
    const { rows, total } = await this.subaccounts.list(requireMainAccount(caller, ACTION), query.limit, query.offset);
    return { objects: rows.map((r) => this.toView(r)), limit: query.limit, offset: query.offset, total_count: total };
  }

  async update({ caller, subaccount_id, body }: SubaccountUpdateRequest): Promise<void> {
    const mainAuthId = this.owner(caller);
    if (!SUBACCOUNT_ID.test(subaccount_id) || !(await this.subaccounts.update(mainAuthId, subaccount_id, body))) throw subaccountNotFound();
    if (body.enabled !== undefined) await this.notifier.changed(subaccount_id);
  }

  async delete({ caller, subaccount_id, body }: SubaccountDeleteRequest): Promise<void> {
    const mainAuthId = this.owner(caller);
    if (!SUBACCOUNT_ID.test(subaccount_id) || !(await this.subaccounts.delete(mainAuthId, subaccount_id, body.cascade))) throw subaccountNotFound();
    this.relay.kick();
    await this.notifier.changed(subaccount_id);
  }

  /** A subaccount naming any subaccount (a sibling, itself) finds nothing: 404, so ids do not leak. */
  private owner(caller: Caller): string {
    if (caller.is_subaccount) throw subaccountNotFound();
    return caller.auth_id;
  }

  private async load(mainAuthId: string, authId: string): Promise<SubaccountRow> {
    const row = SUBACCOUNT_ID.test(authId) ? await this.subaccounts.find(mainAuthId, authId) : undefined;
    if (!row) throw subaccountNotFound();
    return row;
  }

  private toView(row: SubaccountRow): SubaccountView {
    return {
      account: `/v1/Account/${row.parent_auth_id}/`,
      auth_id: row.auth_id,
      auth_token: row.token_sealed ? openToken(this.ring, row.token_sealed) : '',
      created: row.created,
      enabled: row.enabled,
      modified: row.modified,
      name: row.name,
      resource_uri: `/v1/Account/${row.parent_auth_id}/Subaccount/${row.auth_id}/`,
    };
  }
}
