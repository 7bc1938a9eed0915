import { Inject, Injectable } from '@nestjs/common';
import { type AuthenticatedCaller, type AuthenticateRequest, IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { constantTimeEqual, Keyring, tokenDigest } from '@signet/secrets';
import { AccountsRepository, type TokenRow } from '../accounts/accounts.repository.js';
import { IpWhitelistRepository } from '../ip-whitelist/ip-whitelist.repository.js';

const failed = (): DomainError => new DomainError(IdentityErrors.AUTH_FAILED, 'authentication failed');

const closed = (row: TokenRow): boolean => row.status === 'closed' || row.parent_status === 'closed';
const suspended = (row: TokenRow): boolean => row.status === 'suspended' || row.parent_status === 'suspended';

@Injectable()
export class CredentialsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly whitelist: IpWhitelistRepository,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  /**
   * Every live token is compared in constant time; an unknown id costs the same digest as a known one. A suspended
   * account still authenticates (status `suspended`) so the gateway can say why it refuses every call.
   */
  async authenticate(req: AuthenticateRequest): Promise<AuthenticatedCaller> {
    const presented = tokenDigest(this.ring, req.auth_id, req.auth_token);
    const rows = await this.accounts.liveTokens(req.auth_id);
    let match: TokenRow | undefined;
    for (const row of rows) if (constantTimeEqual(presented, row.token_digest)) match = row;
    if (!match || closed(match)) throw failed();
    if (match.parent_auth_id !== null && !match.enabled)
      throw new DomainError(IdentityErrors.SUBACCOUNT_DISABLED, 'authentication failed: this subaccount is disabled');
    const mainAuthId = match.parent_auth_id ?? match.auth_id;
    return {
      auth_id: match.auth_id,
      main_auth_id: mainAuthId,
      is_subaccount: match.parent_auth_id !== null,
      data_region: match.data_region,
      status: suspended(match) ? 'suspended' : 'active',
      ip_whitelist: match.ip_whitelist_enabled ? await this.whitelist.cidrs(mainAuthId) : null,
      token_expires_at: match.expires_at?.toISOString() ?? null,
    };
  }
}
