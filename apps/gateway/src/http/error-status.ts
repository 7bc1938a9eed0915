import type { ErrorCode } from '@signet/contracts/catalog';
import { CommonErrors } from '@signet/contracts/common';
import { IdentityErrors } from '@signet/contracts/identity';
import { VerifyErrors } from '@signet/contracts/verify';
import { SipAuthErrors } from '@signet/contracts/sip-auth';
import { CallbackErrors } from '@signet/contracts/callbacks';
import { BillingErrors } from '@signet/contracts/billing';

/**
 * The one table from domain error codes to HTTP statuses, exhaustive over every contract's codes: a code added to
 * a contract's `errors.ts` and not mapped here fails `tsc`.
 */
export const ERROR_STATUS = {
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
  [SipAuthErrors.CREDENTIAL_NOT_FOUND]: 404,
  [SipAuthErrors.IP_ACL_NOT_FOUND]: 404,
  [SipAuthErrors.ENTRY_NOT_FOUND]: 404,
  [SipAuthErrors.APPLICATION_NOT_FOUND]: 404,
  [SipAuthErrors.USERNAME_TAKEN]: 409,
  [SipAuthErrors.IN_USE]: 409,
  [SipAuthErrors.QUOTA_EXCEEDED]: 400,
  [IdentityErrors.SUBACCOUNT_DISABLED]: 401,
  [IdentityErrors.ACCOUNT_SUSPENDED]: 403,
  [IdentityErrors.IP_NOT_WHITELISTED]: 403,
  [IdentityErrors.SUBACCOUNT_NOT_FOUND]: 404,
  [IdentityErrors.WHITELIST_ENTRY_NOT_FOUND]: 404,
  [IdentityErrors.MAIN_ACCOUNT_REQUIRED]: 403,
  [IdentityErrors.ACCOUNT_STATE_CONFLICT]: 409,
  [IdentityErrors.EMAIL_TAKEN]: 409,
  [IdentityErrors.WHITELIST_CONFLICT]: 409,
  [VerifyErrors.RECIPIENT_OUTSIDE_REGION]: 403,
  [VerifyErrors.SENDER_NOT_FOUND]: 404,
  [VerifyErrors.SENDER_CREDENTIALS_REFUSED]: 400,
  [VerifyErrors.SENDER_NUMBER_INVALID]: 400,
  [VerifyErrors.SENDER_CREDENTIALS_IMMUTABLE]: 400,
  [VerifyErrors.SENDER_IN_USE]: 409,
  [VerifyErrors.SENDER_PROVIDER_UNAVAILABLE]: 503,
  [VerifyErrors.ATTEMPT_NOT_FOUND]: 404,
  [VerifyErrors.RECEIPT_SIGNATURE_INVALID]: 403,
  [VerifyErrors.TEMPLATE_NOT_FOUND]: 404,
  [VerifyErrors.GEO_PERMISSION_DENIED]: 403,
  [VerifyErrors.RATE_LIMIT_UNKNOWN]: 400,
  [CallbackErrors.CALLBACK_NOT_FOUND]: 404,
  [CallbackErrors.URL_NOT_ALLOWED]: 400,
  [IdentityErrors.EMAIL_NOT_ALLOWED]: 400,
  [IdentityErrors.PASSWORD_WEAK]: 400,
  [IdentityErrors.PHONE_INVALID]: 400,
  [IdentityErrors.PHONE_TAKEN]: 409,
  [IdentityErrors.LINK_INVALID]: 400,
  [IdentityErrors.LOGIN_FAILED]: 401,
  [IdentityErrors.CODE_INVALID]: 401,
  [IdentityErrors.LOGIN_ENDED]: 401,
  [IdentityErrors.NOT_ACTIVATED]: 403,
  [IdentityErrors.ACCOUNT_CLOSED]: 403,
  [IdentityErrors.SESSION_INVALID]: 401,
  [IdentityErrors.ROLE_FORBIDDEN]: 403,
  [IdentityErrors.OWNER_PROTECTED]: 409,
  [IdentityErrors.USER_NOT_FOUND]: 404,
  [IdentityErrors.THROTTLED]: 429,
  [IdentityErrors.SSO_REQUIRED]: 403,
  [IdentityErrors.SSO_INVALID]: 400,
  [IdentityErrors.SSO_NOT_FOUND]: 404,
  [IdentityErrors.SSO_DOMAIN_TAKEN]: 409,
  [IdentityErrors.REAUTH_REQUIRED]: 403,
  [IdentityErrors.NO_CHANGE_PENDING]: 409,
  // 402 Payment Required: prepaid credit does not cover the attempt (nothing was queued or sent).
  [BillingErrors.INSUFFICIENT_CREDIT]: 402,
  [BillingErrors.PRICE_NOT_FOUND]: 404,
  [BillingErrors.ACCOUNT_CLOSED]: 403,
  [BillingErrors.CLOSURE_NOT_FOUND]: 404,
  [BillingErrors.CREDIT_REFERENCE_CONFLICT]: 409,
} as const satisfies Record<ErrorCode, number>;

/** A code from the wire that no contract declares (an older or newer replica) is a bug: 500. */
export const errorStatus = (code: string): number => (ERROR_STATUS as Record<string, number>)[code] ?? 500;
