import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { type AuthenticateRequest, IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { constantTimeEqual, Keyring, tokenDigest } from '@signet/secrets';
import { AccountsRepository, type TokenRow } from '../accounts/accounts.repository.js';

const failed = (): DomainError => new DomainError(IdentityErrors.AUTH_FAILED, 'authentication failed');

const mayAuthenticate = (row: TokenRow): boolean =>
  row.status === 'active' && row.enabled && (row.parent_auth_id === null || row.parent_status === 'active');

@Injectable()
export class CredentialsService {
  constructor(
    private readonly accounts: AccountsRepository,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  /** Every live token is compared in constant time; an unknown id costs the same digest as a known one. */
  async authenticate(req: AuthenticateRequest): Promise<Caller> {
    const presented = tokenDigest(this.ring, req.auth_id, req.auth_token);
    const rows = await this.accounts.liveTokens(req.auth_id);
    let match: TokenRow | undefined;
    for (const row of rows) if (constantTimeEqual(presented, row.token_digest)) match = row;
    if (!match || !mayAuthenticate(match)) throw failed();
    return {
      auth_id: match.auth_id,
      main_auth_id: match.parent_auth_id ?? match.auth_id,
      is_subaccount: match.parent_auth_id !== null,
    };
  }
}
