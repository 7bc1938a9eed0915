import { Inject, Injectable } from '@nestjs/common';
import { type ConsoleUser, IdentityErrors, type TotpEnrolment } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { userNotFound } from './console-errors.js';
import { ConsoleUsersRepository, type UserRow } from './console-users.repository.js';
import { newRecoveryCode, secretDigest } from './secrets.js';

const SEAL = 'identity.console.totp';
const RECOVERY_CODES = 10;
const wrongCode = () => new DomainError(IdentityErrors.CODE_INVALID, 'code: wrong authenticator code: check that your device clock is right');

/** Authenticator apps (RFC 6238 via otplib; one 30-second step either side) and the recovery codes issued with them. */
@Injectable()
export class TotpService {
  constructor(
    private readonly users: ConsoleUsersRepository,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  /** A new seed, pending until a first code confirms it (the phone is already proven: a user only logs in after that). */
  async enrol(caller: ConsoleUser): Promise<TotpEnrolment> {
    const secret = generateSecret();
    await this.users.setPendingTotp(caller.user_id, this.ring.encrypt(SEAL, secret));
    const otpauth_uri = generateURI({ issuer: 'Signet', label: caller.email, secret });
    return { secret, otpauth_uri, qr_code: await QRCode.toDataURL(otpauth_uri) };
  }

  async confirm(caller: ConsoleUser, code: string): Promise<{ recovery_codes: string[] }> {
    const user = await this.users.byId(caller.user_id);
    if (!user?.totp_sealed) throw new DomainError(IdentityErrors.CODE_INVALID, 'start the authenticator enrolment first');
    if (!(await this.check(user, code, true))) throw wrongCode();
    return { recovery_codes: await this.issueRecoveryCodes(user.id) };
  }

  /** New recovery codes (the old ones stop working), behind a current authenticator code. */
  async regenerate(caller: ConsoleUser, code: string): Promise<{ recovery_codes: string[] }> {
    const user = await this.users.byId(caller.user_id);
    if (!user) throw userNotFound();
    if (!user.totp_enabled_at || !(await this.check(user, code))) throw wrongCode();
    return { recovery_codes: await this.issueRecoveryCodes(user.id) };
  }

  /** True for a right code from a step later than the last one used: each code works once. */
  async check(user: UserRow, code: string, enabling = false): Promise<boolean> {
    if (!user.totp_sealed || (!enabling && !user.totp_enabled_at)) return false;
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return false;
    const secret = this.ring.decrypt(SEAL, user.totp_sealed);
    const result = await verify({ secret, token, epochTolerance: 30, afterTimeStep: user.totp_last_step ? Number(user.totp_last_step) : undefined });
    if (!result.valid) return false;
    return this.users.useTotpStep(user.id, (result as { timeStep: number }).timeStep, enabling);
  }

  private async issueRecoveryCodes(userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.users.replaceRecoveryCodes(
      userId,
      codes.map((c) => secretDigest(this.ring, `recovery:${userId}:${c}`)),
    );
    return codes;
  }
}
