import { CommonErrors } from '@signet/contracts/common';
import { IdentityErrors } from '@signet/contracts/identity';
import { VerifyErrors } from '@signet/contracts/verify';

/** The one table from domain error codes to HTTP statuses. A code missing here is a bug and answers 500. */
export const ERROR_STATUS: Record<string, number> = {
  [CommonErrors.VALIDATION_FAILED]: 400,
  [CommonErrors.NOT_FOUND]: 404,
  [CommonErrors.UNAUTHENTICATED]: 401,
  [CommonErrors.FORBIDDEN]: 403,
  [CommonErrors.CONFLICT]: 409,
  [CommonErrors.RATE_LIMITED]: 429,
  [CommonErrors.SERVICE_UNAVAILABLE]: 503,
  [CommonErrors.INTERNAL]: 500,
  [IdentityErrors.AUTH_FAILED]: 401,
  [IdentityErrors.ACCOUNT_NOT_FOUND]: 404,
  [VerifyErrors.SESSION_NOT_FOUND]: 404,
  [VerifyErrors.APP_NOT_FOUND]: 404,
  [VerifyErrors.RECIPIENT_INVALID]: 400,
  [VerifyErrors.CHANNEL_DISABLED]: 400,
  [VerifyErrors.ATTEMPTS_EXHAUSTED]: 400,
  [VerifyErrors.OTP_INVALID]: 400,
  [VerifyErrors.OTP_EXPIRED]: 400,
  [VerifyErrors.ALREADY_VERIFIED]: 400,
  [VerifyErrors.TRIES_EXHAUSTED]: 400,
  [VerifyErrors.DEFAULT_APP_REQUIRED]: 409,
};
