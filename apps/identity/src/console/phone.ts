import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A possible phone number (as Verify accepts it) in E.164 form; the code sent to it then proves it is the user's. */
export function normalizePhone(raw: string): string {
  const trimmed = raw.replace(/[\s().-]/g, '');
  const candidate = trimmed.startsWith('+') ? trimmed : `+${trimmed}`;
  const parsed = /^\+\d{6,15}$/.test(candidate) ? parsePhoneNumberFromString(candidate) : undefined;
  if (!parsed || !parsed.isPossible()) throw new DomainError(IdentityErrors.PHONE_INVALID, 'phone: must be a phone number in E.164 form, like +14155550100');
  return parsed.number;
}
