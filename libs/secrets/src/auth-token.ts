import type { Keyring } from './keyring.js';

/** Key purposes for auth tokens: sealed so the owner can be shown them, digested for authentication. */
const SEAL = 'identity.auth-token.seal';
const DIGEST = 'identity.auth-token.digest';

export const sealToken = (ring: Keyring, token: string): Buffer => ring.encrypt(SEAL, token);
export const openToken = (ring: Keyring, sealed: Buffer): string => ring.decrypt(SEAL, sealed);
export const tokenDigest = (ring: Keyring, authId: string, token: string): Buffer => ring.digest(DIGEST, `${authId}:${token}`);
