import { Inject, Injectable } from '@nestjs/common';
import { type ClientInfo, type ConsoleUser, IdentityErrors, type LoginStarted, type LoginVerifyRequest } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { loginFailed, userNotFound } from './console-errors.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { LoginService } from './login.service.js';
import { passwordMatches } from './passwords.js';
import { newSecret, secretDigest } from './secrets.js';
import { ConsoleThrottle } from './throttle.js';

export const REAUTH_TTL = 300;

/**
 * Re-authentication of a signed-in user before a sensitive change (the login email, the 2FA phone): the password
 * again, then the current second factor through the very login-attempt machinery (same throttles, ten wrong codes
 * end it). Success is a re-auth token: 5 minutes, single use, good only for the session that asked for it.
 */
@Injectable()
export class ReauthService {
  constructor(
    private readonly users: ConsoleUsersRepository,
    private readonly login: LoginService,
    private readonly throttle: ConsoleThrottle,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async start(caller: ConsoleUser, client: ClientInfo, password: string, apiId?: string): Promise<LoginStarted> {
    await this.throttle.assertAllowed(client.ip, caller.email);
    const user = await this.users.byId(caller.user_id);
    if (!user) throw userNotFound();
    if (!(await passwordMatches(user.password_hash, password))) {
      await this.throttle.failed(client.ip, caller.email);
      throw loginFailed();
    }
    return this.login.openAttempt(user, client, 'reauth', apiId);
  }

  async verify(
    caller: ConsoleUser,
    client: ClientInfo,
    body: LoginVerifyRequest['body'],
    apiId?: string,
  ): Promise<{ reauth_token: string; expires_in: number }> {
    await this.login.proveAttempt(client, body, 'reauth', apiId, caller.user_id);
    const token = newSecret('scx');
    await this.users.addSecret(caller.user_id, this.digest(caller, token), 'reauth', REAUTH_TTL);
    return { reauth_token: token, expires_in: REAUTH_TTL };
  }

  /** Uses the caller's re-auth token up; refused when it is someone else's, another session's, used or expired. */
  async consume(caller: ConsoleUser, token: string): Promise<void> {
    if ((await this.users.consumeOne(this.digest(caller, token), 'reauth')) !== caller.user_id) {
      throw new DomainError(
        IdentityErrors.REAUTH_REQUIRED,
        'reauth_token: invalid, used or expired: re-authenticate first (POST /console/v1/reauth with your password, then /reauth/verify with your second factor)',
      );
    }
  }

  // Bound to the session: the token proves this sign-in, not merely this user.
  private digest(caller: ConsoleUser, token: string): Buffer {
    return secretDigest(this.ring, `reauth:${caller.session_id}:${token}`);
  }
}
