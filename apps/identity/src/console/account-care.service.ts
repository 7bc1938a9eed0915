import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleUser } from '@signet/contracts/identity';
import { Keyring } from '@signet/secrets';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';
import { linkInvalid, loginFailed, userNotFound } from './console-errors.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { EmailsQueue } from './mail/emails.queue.js';
import { resetMail } from './mail/templates.js';
import { assertStrongPassword, hashPassword, passwordMatches } from './passwords.js';
import { newSecret, secretDigest } from './secrets.js';
import { ConsoleThrottle } from './throttle.js';
import { DAY } from './signup.service.js';

/** Forgotten and changed passwords. */
@Injectable()
export class AccountCareService {
  constructor(
    private readonly users: ConsoleUsersRepository,
    private readonly emails: EmailsQueue,
    private readonly throttle: ConsoleThrottle,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** The same answer whether or not the email is known, so it tells nobody who has an account. */
  async forgot(email: string, apiId?: string): Promise<{ message: string }> {
    const user = await this.users.byEmail(email);
    if (user?.password_hash && user.account_status !== 'closed') {
      const token = newSecret('scs');
      const digest = secretDigest(this.ring, token);
      await this.users.addSecret(user.id, digest, 'reset', DAY);
      await this.emails.send(
        `reset-${digest.toString('hex', 0, 16)}`,
        resetMail(user.email, `${this.config.SIGNET_CONSOLE_URL}/reset-password?token=${token}`),
        apiId,
      );
    }
    return { message: 'if this email belongs to an account, a reset link is on its way (it works once, for 24 hours)' };
  }

  /** Uses the link up, sets the password, and signs every session out. */
  async reset(token: string, password: string): Promise<{ message: string }> {
    const digest = secretDigest(this.ring, token);
    const userId = await this.users.resetUser(digest);
    if (!userId) throw linkInvalid();
    const user = await this.users.byId(userId);
    assertStrongPassword(password, [user?.email ?? '', user?.name ?? '']);
    if (!(await this.users.setPassword(userId, await hashPassword(password), undefined, digest))) throw linkInvalid();
    return { message: 'password changed: every session was signed out, log in with the new password' };
  }

  /** Needs the current password; the caller's other sessions end. */
  async change(caller: ConsoleUser, ip: string, current: string, next: string): Promise<{ message: string }> {
    await this.throttle.assertAllowed(ip, caller.email);
    const user = await this.users.byId(caller.user_id);
    if (!user) throw userNotFound();
    if (!(await passwordMatches(user.password_hash, current))) {
      await this.throttle.failed(ip, caller.email);
      throw loginFailed();
    }
    assertStrongPassword(next, [user.email, user.name]);
    await this.users.setPassword(user.id, await hashPassword(next), caller.session_id);
    return { message: 'password changed: your other sessions were signed out' };
  }
}
