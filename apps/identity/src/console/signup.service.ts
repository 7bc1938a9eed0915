import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SignupRequest, SignupResult } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring, sealToken, tokenDigest } from '@signet/secrets';
import { newAuthToken, newMainAuthId } from '../accounts/account-ids.js';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';
import { emailTaken, linkInvalid, phoneTaken } from './console-errors.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { EmailsQueue } from './mail/emails.queue.js';
import { activationMail } from './mail/templates.js';
import { assertStrongPassword, hashPassword } from './passwords.js';
import { normalizePhone } from './phone.js';
import { PhoneVerifier } from './phone-verifier.js';
import { newSecret, secretDigest } from './secrets.js';
import { ConsoleThrottle } from './throttle.js';
import { assertWorkEmail } from './work-email.js';
import { IdentityErrors } from '@signet/contracts/identity';

export const DAY = 24 * 3600;
export const PHONE_PROOF_TTL = 3600;

/** Signup (the owner of a new account), activation by email, and the phone proven with a Verify code. */
@Injectable()
export class SignupService {
  constructor(
    private readonly users: ConsoleUsersRepository,
    private readonly phones: PhoneVerifier,
    private readonly emails: EmailsQueue,
    private readonly throttle: ConsoleThrottle,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async signup({ body }: SignupRequest, apiId?: string): Promise<SignupResult> {
    assertWorkEmail(body.email);
    assertStrongPassword(body.password, [body.name, body.email, body.email.split('@')[0]]);
    const phone = normalizePhone(body.phone);
    if (await this.users.emailTaken(body.email)) throw emailTaken();
    if (await this.users.phoneTaken(phone)) throw phoneTaken();
    const passwordHash = await hashPassword(body.password);
    const activation = newSecret('scs');
    const phoneProof = newSecret('scp');
    const userId = randomUUID();
    for (let draw = 0; draw < 5; draw++) {
      const authId = newMainAuthId();
      const token = newAuthToken();
      const outcome = await this.users.createOwner(
        {
          user_id: userId,
          auth_id: authId,
          name: body.name,
          email: body.email,
          phone,
          password_hash: passwordHash,
          data_region: body.data_region,
          token: { sealed: sealToken(this.ring, token), digest: tokenDigest(this.ring, authId, token) },
        },
        [
          { digest: secretDigest(this.ring, activation), purpose: 'activation', ttlSeconds: DAY },
          { digest: secretDigest(this.ring, phoneProof), purpose: 'phone', ttlSeconds: PHONE_PROOF_TTL },
        ],
      );
      if (outcome === 'email') throw emailTaken();
      if (outcome === 'phone') throw phoneTaken();
      if (outcome === 'id-taken') continue;
      await this.emails.send(
        `activation-${userId}`,
        activationMail(body.email, body.name, `${this.config.SIGNET_CONSOLE_URL}/activate?token=${activation}`),
        apiId,
      );
      await this.sendPhoneCode(phoneProof, phone, 'sms', apiId);
      return {
        user_id: userId,
        auth_id: authId,
        phone_verification_token: phoneProof,
        message: 'account created: open the activation link we emailed you and enter the code we sent your phone',
      };
    }
    throw new Error('no free account id after 5 draws');
  }

  async activate(token: string): Promise<{ message: string; active: boolean }> {
    const digest = secretDigest(this.ring, token);
    const userId = await this.users.consumeOne(digest, 'activation');
    if (!userId) throw linkInvalid();
    await this.users.markEmailVerified(userId);
    return this.state(userId, 'email address verified');
  }

  /** The code sent to the phone proves it; wrong codes count against the address like wrong passwords. */
  async verifyPhone(token: string, code: string, ip: string, apiId?: string): Promise<{ message: string; active: boolean }> {
    const digest = secretDigest(this.ring, token);
    const proof = await this.users.liveSecret(digest, 'phone');
    if (!proof) throw linkInvalid();
    await this.throttle.assertAllowed(ip, `phone-proof:${proof.user_id}`);
    const ok = proof.data.verify_session_uuid ? await this.phones.check(proof.data.verify_session_uuid, code, apiId) : false;
    if (!ok) {
      await this.throttle.failed(ip, `phone-proof:${proof.user_id}`);
      throw new DomainError(IdentityErrors.CODE_INVALID, 'code: wrong or expired code: try again, or ask for a new one');
    }
    const userId = await this.users.phoneProven(digest);
    if (!userId) throw linkInvalid();
    return this.state(userId, 'phone number verified');
  }

  async resendPhoneCode(token: string, channel: 'sms' | 'voice', apiId?: string): Promise<{ message: string }> {
    const digest = secretDigest(this.ring, token);
    const proof = await this.users.liveSecret(digest, 'phone');
    if (!proof) throw linkInvalid();
    const user = await this.users.byId(proof.user_id);
    if (!user?.phone) throw linkInvalid();
    await this.sendPhoneCode(token, user.phone, channel, apiId);
    return { message: channel === 'voice' ? 'we are calling your phone with the code' : 'code sent by SMS' };
  }

  /** Sends (or resends) the code and remembers its Verify session with the proof. */
  async sendPhoneCode(proof: string, phone: string, channel: 'sms' | 'voice', apiId?: string): Promise<void> {
    const sessionUuid = await this.phones.send(phone, channel, apiId);
    await this.users.setSecretData(secretDigest(this.ring, proof), { verify_session_uuid: sessionUuid });
  }

  private async state(userId: string, done: string): Promise<{ message: string; active: boolean }> {
    const user = await this.users.byId(userId);
    const active = Boolean(user?.email_verified_at && user?.phone_verified_at);
    const next = !user?.email_verified_at ? 'open the activation link we emailed you' : 'verify your phone number';
    return { message: active ? `${done}: your account is active, you can log in` : `${done}: now ${next}`, active };
  }
}
