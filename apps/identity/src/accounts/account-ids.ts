import { randomInt } from 'node:crypto';

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const pick = (alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

/** Plivo's shapes, which its SDKs check: `MA`/`SA` + 18 of [A-Z0-9], a 40-character token. */
export const newMainAuthId = (): string => `MA${pick(UPPER_DIGITS, 18)}`;
export const newSubaccountAuthId = (): string => `SA${pick(UPPER_DIGITS, 18)}`;
export const newAuthToken = (): string => pick(ALNUM, 40);
