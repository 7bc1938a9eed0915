import { randomInt } from 'node:crypto';
import { constantTimeEqual, type Keyring } from '@signet/secrets';

const HASH = 'verify.otp.hash';
const SEAL = 'verify.otp.seal';

/** A code from the CSPRNG, every value of the length equally likely (leading zeros included). */
export function newCode(length: number): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}

/** Keyed hash bound to the session, so a hash is worthless outside it. HMAC, not a slow hash: checks stay cheap. */
export const otpHash = (ring: Keyring, sessionUuid: string, code: string): Buffer => ring.digest(HASH, `${sessionUuid}:${code}`);

export const otpMatches = (ring: Keyring, sessionUuid: string, code: string, stored: Buffer): boolean =>
  constantTimeEqual(otpHash(ring, sessionUuid, code), stored);

/** The copy kept only to resend the same code; erased when the session ends. */
export const sealOtp = (ring: Keyring, code: string): Buffer => ring.encrypt(SEAL, code);
export const openOtp = (ring: Keyring, sealed: Buffer): string => ring.decrypt(SEAL, sealed);
