import { getCountries } from 'libphonenumber-js';
import type { Channel } from '@signet/contracts/verify';
import { HIGH_RISK_COUNTRIES } from './high-risk-countries.js';

/** Every country code a number can belong to: the ones a geo list may name. */
export const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(getCountries());

const HIGH_RISK = new Set(HIGH_RISK_COUNTRIES.map((c) => c.iso2));
/** What an account that never set its list may reach: everything but the high-risk list. */
export const DEFAULT_ALLOWED: readonly string[] = [...KNOWN_COUNTRIES].filter((c) => !HIGH_RISK.has(c)).sort();

/** One account's stored lists; `null` means it never set that channel (the default applies). */
export interface StoredGeo {
  sms: string[] | null;
  voice: string[] | null;
}

export type GeoLists = Record<Channel, readonly string[]>;

const own = (stored: StoredGeo | undefined, channel: Channel): readonly string[] => stored?.[channel] ?? DEFAULT_ALLOWED;

/** The lists that apply to an account: its own, and for a subaccount only what its main account's also allow. */
export function effectiveLists(self: StoredGeo | undefined, main: StoredGeo | undefined, isSubaccount: boolean): GeoLists {
  const lists = (channel: Channel) => {
    const mine = own(self, channel);
    if (!isSubaccount) return mine;
    const parent = new Set(own(main, channel));
    return mine.filter((c) => parent.has(c));
  };
  return { sms: lists('sms'), voice: lists('voice') };
}

/** Upper-cased, de-duplicated and sorted; the first unknown code is named. */
export function normalizeList(list: string[]): { list: string[]; unknown?: string } {
  const upper = [...new Set(list.map((c) => c.toUpperCase()))].sort();
  return { list: upper, unknown: upper.find((c) => !KNOWN_COUNTRIES.has(c)) };
}
