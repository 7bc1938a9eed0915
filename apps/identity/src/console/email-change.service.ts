import { randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommonErrors } from '@signet/contracts/common';
import { type ConsoleUser, IdentityErrors, roleAllows } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { ConsoleChangesRepository } from './console-changes.repository.js';
import { emailTaken } from './console-errors.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { EmailsQueue } from './mail/emails.queue.js';
import { emailChangeCodeMail, emailChangedMail } from './mail/templates.js';
import { ReauthService } from './reauth.service.js';
import { secretDigest } from './secrets.js';
import { assertWorkEmail } from './work-email.js';

export const EMAIL_CODE_TTL = 15 * 60;
/** Five wrong codes end a pending change; starting again needs a fresh re-authentication. */
export const EMAIL_CODE_TRIES = 5;

/**
 * The owner's login email — and with it the account's email, which is how ownership moves (the FAQ: ownership is
 * not reassigned to another member; access moves with the owner's email address). Only the owner may change it,
 * after re-authenticating; a code then goes to the new address and confirming moves the login. The new address must
 * be a work address tied to no user or account (closed ones included). Every session ends, and the old address is
 * told.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly users: ConsoleUsersRepository,
    private readonly changes: ConsoleChangesRepository,
    private readonly reauth: ReauthService,
    private readonly emails: EmailsQueue,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async start(caller: ConsoleUser, newEmail: string, reauthToken: string, apiId?: string): Promise<{ message: string; expires_in: number }> {
    this.assertOwner(caller);
    // The address is checked first, so a typo does not cost the re-authentication (signup tells as much already).
    if (newEmail === caller.email.toLowerCase()) throw new DomainError(CommonErrors.VALIDATION_FAILED, 'new_email: is already your login email');
    assertWorkEmail(newEmail);
    await this.assertFree(caller, newEmail);
    await this.reauth.consume(caller, reauthToken);
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    const codeDigest = this.codeDigest(caller, newEmail, code);
    await this.changes.open(
      this.key(caller),
      'email_change',
      caller.user_id,
      { new_email: newEmail, code: codeDigest.toString('hex'), wrong: 0 },
      EMAIL_CODE_TTL,
    );
    await this.emails.send(`email-change-${codeDigest.toString('hex', 0, 16)}`, emailChangeCodeMail(newEmail, code, EMAIL_CODE_TTL / 60), apiId);
    return { message: `a code is on its way to ${newEmail}: confirm it to move your login email there`, expires_in: EMAIL_CODE_TTL };
  }

  async confirm(caller: ConsoleUser, code: string, apiId?: string): Promise<{ message: string; email: string }> {
    this.assertOwner(caller);
    const key = this.key(caller);
    const pending = await this.changes.pending(key, 'email_change');
    const newEmail = pending?.data.new_email;
    if (!pending || !newEmail || !pending.data.code) throw noChange();
    const expected = Buffer.from(pending.data.code, 'hex');
    const given = this.codeDigest(caller, newEmail, code);
    if (!timingSafeEqual(expected, given)) {
      const wrong = await this.changes.wrongCode(key, EMAIL_CODE_TRIES);
      if (wrong >= EMAIL_CODE_TRIES)
        throw new DomainError(IdentityErrors.CODE_INVALID, `code: ${EMAIL_CODE_TRIES} wrong codes: this email change has ended, start again`);
      throw new DomainError(IdentityErrors.CODE_INVALID, `code: wrong code (${EMAIL_CODE_TRIES - wrong} tries left for this change)`);
    }
    const outcome = await this.changes.applyEmail(key, caller.user_id, caller.auth_id, newEmail);
    if (outcome === 'gone') throw noChange();
    if (outcome !== 'done') throw emailTaken();
    await this.emails.send(`email-changed-${given.toString('hex', 0, 16)}`, emailChangedMail(caller.email, newEmail), apiId);
    return { message: `your login email is now ${newEmail}: every session was signed out, log in with the new address`, email: newEmail };
  }

  private async assertFree(caller: ConsoleUser, email: string): Promise<void> {
    if (!(await this.users.emailTaken(email))) return;
    const holder = await this.users.byEmail(email);
    if (holder?.auth_id === caller.auth_id) {
      throw new DomainError(
        IdentityErrors.EMAIL_TAKEN,
        'new_email: belongs to a member of your team, and an address belongs to one user: remove them from the team first, then make it the owner email',
      );
    }
    throw emailTaken();
  }

  private assertOwner(caller: ConsoleUser): void {
    if (!roleAllows(caller.role, 'ownership')) {
      throw new DomainError(IdentityErrors.ROLE_FORBIDDEN, `forbidden: only the owner changes the login email (you are ${caller.role})`);
    }
  }

  // One pending change per user, under a digest of who it is for.
  private key(caller: ConsoleUser): Buffer {
    return secretDigest(this.ring, `email-change:${caller.user_id}`);
  }

  private codeDigest(caller: ConsoleUser, email: string, code: string): Buffer {
    return secretDigest(this.ring, `email-change-code:${caller.user_id}:${email}:${code}`);
  }
}

const noChange = () => new DomainError(IdentityErrors.NO_CHANGE_PENDING, 'no email change is waiting for a code (or it expired): start again');
