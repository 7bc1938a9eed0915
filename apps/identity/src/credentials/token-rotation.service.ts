import { Inject, Injectable } from '@nestjs/common';
import type { TokenRotated, TokenRotateRequest } from '@signet/contracts/identity';
import { Keyring, sealToken, tokenDigest } from '@signet/secrets';
import { newAuthToken } from '../accounts/account-ids.js';
import { accountNotFound } from '../accounts/accounts.service.js';
import { CredentialsNotifier } from '../events/credentials-notifier.js';
import { TokensRepository } from './tokens.repository.js';

/** Plivo's choice when regenerating: the old token stops at once, or 48 hours later. */
export const GRACE_SECONDS = { immediately: 0, '48h': 48 * 3600 } as const;

@Injectable()
export class TokenRotationService {
  constructor(
    private readonly tokens: TokensRepository,
    private readonly notifier: CredentialsNotifier,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async rotate({ caller, body }: TokenRotateRequest): Promise<TokenRotated> {
    const token = newAuthToken();
    const sealed = { sealed: sealToken(this.ring, token), digest: tokenDigest(this.ring, caller.auth_id, token) };
    const rotated = await this.tokens.rotate(caller.auth_id, sealed, GRACE_SECONDS[body.expire_old]);
    if (!rotated) throw accountNotFound();
    await this.notifier.changed(caller.auth_id);
    return { auth_id: caller.auth_id, auth_token: token, old_token_expires_at: rotated.old_expires_at?.toISOString() ?? null };
  }
}
