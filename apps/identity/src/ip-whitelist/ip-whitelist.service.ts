import { Injectable } from '@nestjs/common';
import { isUuid } from '@signet/contracts/common';
import {
  IdentityErrors,
  IP_WHITELIST_MAX,
  type IpWhitelistAddRequest,
  type IpWhitelistEntryView,
  type IpWhitelistRemoveRequest,
  type IpWhitelistSetRequest,
  type IpWhitelistView,
} from '@signet/contracts/identity';
import type { Caller } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import { accountNotFound } from '../accounts/accounts.service.js';
import { requireMainAccount } from '../accounts/main-account.js';
import { CredentialsNotifier } from '../events/credentials-notifier.js';
import { IpWhitelistRepository, type WhitelistRefusal } from './ip-whitelist.repository.js';

const conflict = (message: string) => new DomainError(IdentityErrors.WHITELIST_CONFLICT, message);

const REFUSALS: Record<WhitelistRefusal, () => DomainError> = {
  'no-account': accountNotFound,
  'no-entry': () => new DomainError(IdentityErrors.WHITELIST_ENTRY_NOT_FOUND, 'IP whitelist entry not found'),
  duplicate: () => conflict('this CIDR is already in the IP whitelist'),
  full: () => conflict(`the IP whitelist holds at most ${IP_WHITELIST_MAX} entries`),
  'last-entry': () => conflict('the last entry cannot be removed while IP whitelisting is enabled: disable it first'),
  empty: () => conflict('add at least one CIDR before enabling IP whitelisting'),
};

function accepted<T>(result: T | WhitelistRefusal): T {
  if (typeof result === 'string' && result in REFUSALS) throw REFUSALS[result as WhitelistRefusal]();
  return result as T;
}

const ACTION = 'manage the IP whitelist';

/** The main account's whitelist covers it and its subaccounts; the gateway enforces it, so every change drops its cache. */
@Injectable()
export class IpWhitelistService {
  constructor(
    private readonly whitelist: IpWhitelistRepository,
    private readonly notifier: CredentialsNotifier,
  ) {}

  async list(caller: Caller): Promise<IpWhitelistView> {
    const view = await this.whitelist.list(requireMainAccount(caller, ACTION));
    if (!view) throw accountNotFound();
    return view;
  }

  async add({ caller, body }: IpWhitelistAddRequest): Promise<IpWhitelistEntryView> {
    const authId = requireMainAccount(caller, ACTION);
    const entry = accepted(await this.whitelist.add(authId, body.cidr));
    await this.notifier.changed(authId);
    return entry;
  }

  async remove({ caller, entry_id }: IpWhitelistRemoveRequest): Promise<void> {
    const authId = requireMainAccount(caller, ACTION);
    if (!isUuid(entry_id)) throw REFUSALS['no-entry']();
    accepted(await this.whitelist.remove(authId, entry_id));
    await this.notifier.changed(authId);
  }

  async setEnabled({ caller, body }: IpWhitelistSetRequest): Promise<{ enabled: boolean }> {
    const authId = requireMainAccount(caller, ACTION);
    accepted(await this.whitelist.setEnabled(authId, body.enabled));
    await this.notifier.changed(authId);
    return { enabled: body.enabled };
  }
}
