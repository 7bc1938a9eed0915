import { Inject, Injectable } from '@nestjs/common';
import { CommonErrors } from '@signet/contracts/common';
import { type ConsoleUser, IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { ConsoleChangesRepository } from './console-changes.repository.js';
import { phoneTaken, userNotFound } from './console-errors.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { EmailsQueue } from './mail/emails.queue.js';
import { phoneChangedMail } from './mail/templates.js';
import { normalizePhone } from './phone.js';
import { PhoneVerifier } from './phone-verifier.js';
import { ReauthService } from './reauth.service.js';
import { maskPhone, secretDigest } from './secrets.js';
import { ConsoleThrottle } from './throttle.js';

/** How long a pending phone change waits for its code (each Verify code itself lives 3 minutes). */
export const PHONE_CHANGE_TTL = 10 * 60;

/**
 * The 2FA phone: the current factor is proven first (a re-auth token: password and current second factor), then
 * the new number with a code sent through Signet's own Verify sessions, as at signup; only then are they swapped.
 */
@Injectable()
export class PhoneChangeService {
  constructor(
    private readonly users: ConsoleUsersRepository,
    private readonly changes: ConsoleChangesRepository,
    private readonly reauth: ReauthService,
    private readonly phones: PhoneVerifier,
    private readonly throttle: ConsoleThrottle,
    private readonly emails: EmailsQueue,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async start(
    caller: ConsoleUser,
    body: { phone: string; reauth_token: string; channel: 'sms' | 'voice' },
    apiId?: string,
  ): Promise<{ message: string; code_sent_to: string; expires_in: number }> {
    const phone = normalizePhone(body.phone);
    const user = await this.users.byId(caller.user_id);
    if (!user) throw userNotFound();
    if (user.phone === phone) throw new DomainError(CommonErrors.VALIDATION_FAILED, 'phone: is already your 2FA phone');
    if (await this.users.phoneTaken(phone)) throw phoneTaken();
    await this.reauth.consume(caller, body.reauth_token);
    const sessionUuid = await this.phones.send(phone, body.channel, apiId);
    await this.changes.open(this.key(caller), 'phone_change', caller.user_id, { phone, verify_session_uuid: sessionUuid }, PHONE_CHANGE_TTL);
    return {
      message:
        body.channel === 'voice' ? 'calling the new number with a code: confirm it to switch' : 'code sent by SMS to the new number: confirm it to switch',
      code_sent_to: maskPhone(phone),
      expires_in: PHONE_CHANGE_TTL,
    };
  }

  /** The code from the new number; wrong codes count against the address and user like wrong passwords. */
  async confirm(caller: ConsoleUser, code: string, ip: string, apiId?: string): Promise<{ message: string; phone: string }> {
    const key = this.key(caller);
    const pending = await this.changes.pending(key, 'phone_change');
    const { phone, verify_session_uuid: session } = pending?.data ?? {};
    if (!phone || !session) throw new DomainError(IdentityErrors.NO_CHANGE_PENDING, 'no phone change is waiting for a code (or it expired): start again');
    await this.throttle.assertAllowed(ip, caller.email);
    if (!(await this.phones.check(session, code, apiId))) {
      await this.throttle.failed(ip, caller.email);
      throw new DomainError(IdentityErrors.CODE_INVALID, 'code: wrong or expired code: try again, or start the change again for a new one');
    }
    const outcome = await this.changes.applyPhone(key, caller.user_id, phone);
    if (outcome === 'gone') throw new DomainError(IdentityErrors.NO_CHANGE_PENDING, 'no phone change is waiting for a code (or it expired): start again');
    if (outcome !== 'done') throw phoneTaken();
    await this.emails.send(`phone-changed-${key.toString('hex', 0, 8)}-${session}`, phoneChangedMail(caller.email, maskPhone(phone)), apiId);
    return { message: 'your 2FA phone is changed: sign-in codes now go to the new number', phone };
  }

  private key(caller: ConsoleUser): Buffer {
    return secretDigest(this.ring, `phone-change:${caller.user_id}`);
  }
}
