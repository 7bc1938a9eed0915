import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';
import { Keyring, sealToken, tokenDigest } from '@signet/secrets';
import { newAuthToken, newMainAuthId } from './account-ids.js';
import { AccountsRepository } from './accounts.repository.js';

/**
 * The operator's first account: SIGNET_BOOTSTRAP_AUTH_ID/TOKEN create or update it at every start; without them,
 * and with no main account yet, one is generated and printed once.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly accounts: AccountsRepository,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { SIGNET_BOOTSTRAP_AUTH_ID: givenId, SIGNET_BOOTSTRAP_AUTH_TOKEN: givenToken } = this.config;
    if (givenId && givenToken) {
      await this.save(givenId, givenToken);
      return;
    }
    const authId = newMainAuthId();
    const token = newAuthToken();
    if (!(await this.save(authId, token, true))) return;
    // Printed once, for the operator who started Signet without bootstrap credentials.
    this.logger.warn(`generated bootstrap account: auth_id=${authId} auth_token=${token}`);
  }

  private save(authId: string, token: string, onlyIfNone = false): Promise<boolean> {
    return this.accounts.upsertMainAccount(
      {
        auth_id: authId,
        name: 'Bootstrap account',
        token_sealed: sealToken(this.ring, token),
        token_digest: tokenDigest(this.ring, authId, token),
      },
      onlyIfNone,
    );
  }
}
