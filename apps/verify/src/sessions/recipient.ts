import { VerifyErrors } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';

export interface Recipient {
  /** E.164 digits without the +, as Plivo shows recipients */
  digits: string;
  countryIso2: string | null;
}

// The main country of each calling code (+1 → US), for numbers whose range the library does not place.
const mainCountry = new Map<string, string>();
for (const c of getCountries().reverse()) mainCountry.set(getCountryCallingCode(c), c);
for (const [code, country] of [
  ['1', 'US'],
  ['7', 'RU'],
  ['44', 'GB'],
  ['61', 'AU'],
  ['47', 'NO'],
  ['358', 'FI'],
  ['590', 'GP'],
  ['262', 'RE'],
  ['599', 'CW'],
  ['212', 'MA'],
] as const)
  mainCountry.set(code, country);

/**
 * E.164 with or without '+'. A number is accepted when its length is possible for its country code — as a
 * carrier would route it — not only when it falls in a range the library's metadata already lists.
 */
export function parseRecipient(raw: string): Recipient {
  const trimmed = raw.replace(/[\s().-]/g, '');
  const candidate = trimmed.startsWith('+') ? trimmed : `+${trimmed}`;
  const parsed = /^\+\d{6,15}$/.test(candidate) ? parsePhoneNumberFromString(candidate) : undefined;
  if (!parsed || !parsed.isPossible()) {
    throw new DomainError(
      VerifyErrors.RECIPIENT_INVALID,
      `invalid recipient ${JSON.stringify(raw)}: expected a phone number in E.164 format, e.g. +14155550100`,
    );
  }
  return { digits: parsed.number.slice(1), countryIso2: parsed.country ?? mainCountry.get(parsed.countryCallingCode) ?? null };
}

/** A recipient filter matches however the number was written. */
export const recipientDigits = (raw: string): string => raw.replace(/\D/g, '');
