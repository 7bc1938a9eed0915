import type { Caller } from '@signet/contracts/common';
import { VerifyErrors } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import type { Recipient } from './recipient.js';

/** An account in the India data region may reach Indian numbers only (Plivo's rule: a region never changes). */
export function assertRecipientInRegion(caller: Caller, recipient: Recipient): void {
  if (caller.data_region === 'in' && recipient.countryIso2 !== 'IN') {
    throw new DomainError(
      VerifyErrors.RECIPIENT_OUTSIDE_REGION,
      `forbidden: this account is in the India data region and may send OTPs only to Indian numbers (+91), not +${recipient.digits}`,
    );
  }
}
