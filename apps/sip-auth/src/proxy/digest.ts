import { createHash, timingSafeEqual } from 'node:crypto';
import type { DigestAlgorithm, DigestVerifyRequest } from '@signet/contracts/sip-auth';

const hex = (hash: 'md5' | 'sha256', text: string): string => createHash(hash).update(text, 'utf8').digest('hex');
const hashOf = (algorithm: DigestAlgorithm): 'md5' | 'sha256' => (algorithm.startsWith('SHA-256') ? 'sha256' : 'md5');

export interface CredentialDigests {
  /** MD5(username:realm:password): what Kamailio's auth_db compares against (calculate_ha1 0). */
  ha1: string;
  /** MD5(username@realm:realm:password): for clients that put user@domain in the digest username. */
  ha1b: string;
  /** SHA-256(username:realm:password): HA1 of RFC 7616's SHA-256 algorithm. */
  ha1_sha256: string;
}

/** Everything derived from a SIP password; the password itself is never stored. */
export function credentialDigests(username: string, realm: string, password: string): CredentialDigests {
  return {
    ha1: hex('md5', `${username}:${realm}:${password}`),
    ha1b: hex('md5', `${username}@${realm}:${realm}:${password}`),
    ha1_sha256: hex('sha256', `${username}:${realm}:${password}`),
  };
}

export type DigestParams = Pick<DigestVerifyRequest, 'method' | 'uri' | 'nonce' | 'algorithm' | 'qop' | 'cnonce' | 'nc'>;

/** The response a client holding the password behind `ha1` sends (RFC 7616 §3.4.1, RFC 2617 §3.2.2, RFC 2069 without qop). */
export function expectedResponse(ha1: string, d: DigestParams): string {
  const hash = hashOf(d.algorithm);
  const a1 = d.algorithm.endsWith('-sess') ? hex(hash, `${ha1}:${d.nonce}:${d.cnonce}`) : ha1;
  const ha2 = hex(hash, `${d.method}:${d.uri}`);
  return d.qop ? hex(hash, `${a1}:${d.nonce}:${d.nc}:${d.cnonce}:${d.qop}:${ha2}`) : hex(hash, `${a1}:${d.nonce}:${ha2}`);
}

/** Compared in constant time, so a proxy asking repeatedly learns nothing from how long a wrong answer takes. */
export function responseMatches(ha1: string, d: DigestParams & { response: string }): boolean {
  const expected = Buffer.from(expectedResponse(ha1, d), 'latin1');
  const given = Buffer.from(d.response.toLowerCase(), 'latin1');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Which stored HA1 an algorithm's response is computed from. */
export const storedHa1For = (algorithm: DigestAlgorithm, digests: Pick<CredentialDigests, 'ha1' | 'ha1_sha256'>): string =>
  hashOf(algorithm) === 'sha256' ? digests.ha1_sha256 : digests.ha1;
