import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { CommonErrors } from '@signet/contracts/common';
import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import pLimit from 'p-limit';

/**
 * argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 35 ms on one core of this machine,
 * run on libuv's pool so the event loop never waits; see bench/RESULTS.md for the logins per second it allows.
 * `Algorithm.Argon2id` is a const enum the SWC build cannot inline, hence its value.
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

const weak = (message: string) => new DomainError(IdentityErrors.PASSWORD_WEAK, `password: ${message}`);

/** At least 12 characters, upper and lower case, a digit and a symbol, and not weak by zxcvbn (score 3 of 4 or more). */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  if (password.length < 12) throw weak('must be at least 12 characters');
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password)) throw weak('must contain upper and lower case letters');
  if (!/\d/.test(password)) throw weak('must contain a digit');
  if (!/[^A-Za-z0-9]/.test(password)) throw weak('must contain a symbol');
  const result = zxcvbn.check(password.slice(0, 100), userInputs.filter(Boolean));
  if (result.score < 3)
    throw weak(`is too easy to guess${result.feedback.warning ? ` (${String(result.feedback.warning)})` : ''}: add words or characters that are not a pattern`);
}

/**
 * Hashes at once per replica: every core but one (at least one), so a burst of logins never takes the CPU the API's
 * BasicAuth path needs on the same machine; the rest wait their turn. Past `HASH_QUEUE_LIMIT` waiting a login is
 * refused at once (503), and one that waited longer than `HASH_MAX_WAIT_MS` is refused without hashing: the gateway
 * (3 s RPC timeout) has given up on it, so the hash would be work for nobody. See bench/RESULTS.md ("Console logins").
 */
export const HASHING_AT_ONCE = Math.max(1, availableParallelism() - 1);
export const HASH_QUEUE_LIMIT = 200;
export const HASH_MAX_WAIT_MS = 2500;
const hashing = pLimit(HASHING_AT_ONCE);
const busy = () => new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'service unavailable: too many logins at once: try again in a moment');

export function limitedHashing<T>(work: () => Promise<T>, maxWaitMs = HASH_MAX_WAIT_MS): Promise<T> {
  if (hashing.pendingCount >= HASH_QUEUE_LIMIT) return Promise.reject(busy());
  const queuedAt = performance.now();
  return hashing(() => (performance.now() - queuedAt > maxWaitMs ? Promise.reject(busy()) : work()));
}

export const hashPassword = (password: string): Promise<string> => limitedHashing(() => hash(password, ARGON2_OPTIONS));

// A hash of a random string: unknown emails cost the same time as known ones, so timing tells nothing.
let decoy: Promise<string> | undefined;

export async function passwordMatches(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hash(`decoy-${Math.random()}`, ARGON2_OPTIONS);
    const decoyHash = await decoy;
    await limitedHashing(() => verify(decoyHash, password).catch(() => false));
    return false;
  }
  return limitedHashing(() => verify(stored, password).catch(() => false));
}
