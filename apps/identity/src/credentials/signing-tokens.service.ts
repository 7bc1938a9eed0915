import { Inject, Injectable } from '@nestjs/common';
import { IdentityErrors, type SigningTokensResult } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring, openToken } from '@signet/secrets';
import { DataSource } from 'typeorm';

/** The current tokens of an account and of its main account, for signing webhooks (Plivo's V2/V3 and -Ma- headers). */
@Injectable()
export class SigningTokensService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async get(authId: string): Promise<SigningTokensResult> {
    const rows: { main_auth_id: string; token_sealed: Buffer; main_sealed: Buffer }[] = await this.ds.query(
      `SELECT coalesce(a.parent_auth_id, a.auth_id) AS main_auth_id, t.token_sealed, mt.token_sealed AS main_sealed
         FROM identity.accounts a
         JOIN identity.auth_tokens t ON t.auth_id = a.auth_id AND t.expires_at IS NULL
         JOIN identity.auth_tokens mt ON mt.auth_id = coalesce(a.parent_auth_id, a.auth_id) AND mt.expires_at IS NULL
        WHERE a.auth_id = $1 AND a.status <> 'closed'`,
      [authId],
    );
    const row = rows[0];
    if (!row) throw new DomainError(IdentityErrors.ACCOUNT_NOT_FOUND, 'account not found');
    return {
      auth_id: authId,
      main_auth_id: row.main_auth_id,
      token: openToken(this.ring, row.token_sealed),
      main_token: openToken(this.ring, row.main_sealed),
    };
  }
}
