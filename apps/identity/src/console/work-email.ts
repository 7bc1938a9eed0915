import { createRequire } from 'node:module';
import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import mailchecker from 'mailchecker';

// `email-providers` (free webmail domains, kept up to date upstream); read with require so no JSON import attribute is needed.
const FREE = new Set<string>(createRequire(import.meta.url)('email-providers/all.json') as string[]);

/** Personal (free webmail, from `email-providers`) and disposable (from `mailchecker`) domains are refused. */
export function assertWorkEmail(email: string): void {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  if (!mailchecker.isValid(email)) throw new DomainError(IdentityErrors.EMAIL_NOT_ALLOWED, `email: disposable email addresses (${domain}) are not accepted`);
  if (FREE.has(domain)) {
    throw new DomainError(IdentityErrors.EMAIL_NOT_ALLOWED, `email: use your work email address; personal email domains such as ${domain} are not accepted`);
  }
}
