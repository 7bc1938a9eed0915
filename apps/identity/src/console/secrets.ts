import { randomBytes, randomInt } from 'node:crypto';
import type { Keyring } from '@signet/secrets';

/** One key purpose for every secret handed to a console user; each table says what a digest is for. */
const PURPOSE = 'identity.console.secret';

/** 32 random bytes, URL-safe, with a readable prefix (`sca_` access, `scr_` refresh, `scl_` login, `scs_` links). */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const secretDigest = (ring: Keyring, value: string): Buffer => ring.digest(PURPOSE, value);

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** `xxxxx-xxxxx` from 31 symbols: ~49 bits, ten of them, each good once. */
export const newRecoveryCode = (): string =>
  Array.from({ length: 10 }, (_, i) => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)] + (i === 4 ? '-' : '')).join('');
export const normalizeRecoveryCode = (code: string): string => {
  const bare = code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
};

/** `+14155550100` → `+1•••••••0100`. */
export const maskPhone = (phone: string): string => `${phone.slice(0, 2)}${'•'.repeat(Math.max(0, phone.length - 6))}${phone.slice(-4)}`;
