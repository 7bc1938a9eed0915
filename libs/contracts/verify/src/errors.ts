export const VerifyErrors = {
  SESSION_NOT_FOUND: 'VERIFY_SESSION_NOT_FOUND',
  APP_NOT_FOUND: 'VERIFY_APP_NOT_FOUND',
  RECIPIENT_INVALID: 'VERIFY_RECIPIENT_INVALID',
  CHANNEL_DISABLED: 'VERIFY_CHANNEL_DISABLED',
  ATTEMPTS_EXHAUSTED: 'VERIFY_ATTEMPTS_EXHAUSTED',
  OTP_INVALID: 'VERIFY_OTP_INVALID',
  OTP_EXPIRED: 'VERIFY_OTP_EXPIRED',
  ALREADY_VERIFIED: 'VERIFY_ALREADY_VERIFIED',
  TRIES_EXHAUSTED: 'VERIFY_TRIES_EXHAUSTED',
  DEFAULT_APP_REQUIRED: 'VERIFY_DEFAULT_APP_REQUIRED',
  RECIPIENT_OUTSIDE_REGION: 'VERIFY_RECIPIENT_OUTSIDE_REGION',
  SENDER_NOT_FOUND: 'VERIFY_SENDER_NOT_FOUND',
  /** The provider refused the sender's credentials (400). */
  SENDER_CREDENTIALS_REFUSED: 'VERIFY_SENDER_CREDENTIALS_REFUSED',
  /** The provider account has no numbers, or a selected number is not usable as asked (400). */
  SENDER_NUMBER_INVALID: 'VERIFY_SENDER_NUMBER_INVALID',
  /** A sender's credentials cannot change after saving (400: create a new sender). */
  SENDER_CREDENTIALS_IMMUTABLE: 'VERIFY_SENDER_CREDENTIALS_IMMUTABLE',
  /** A sender named by a Verify app cannot be deleted (409). */
  SENDER_IN_USE: 'VERIFY_SENDER_IN_USE',
  /** The provider could not be reached to check the credentials (503). */
  SENDER_PROVIDER_UNAVAILABLE: 'VERIFY_SENDER_PROVIDER_UNAVAILABLE',
  ATTEMPT_NOT_FOUND: 'VERIFY_ATTEMPT_NOT_FOUND',
  /** A vendor webhook whose signature does not verify against the sender's credentials (403). */
  RECEIPT_SIGNATURE_INVALID: 'VERIFY_RECEIPT_SIGNATURE_INVALID',
  /** No custom template for that locale on the app (404). */
  TEMPLATE_NOT_FOUND: 'VERIFY_TEMPLATE_NOT_FOUND',
  /** The destination country is not allowed for the channel by the account's geo permissions (403 GeoPermissionError). */
  GEO_PERMISSION_DENIED: 'VERIFY_GEO_PERMISSION_DENIED',
  /** A create names a rate-limit bucket its app does not declare (400). */
  RATE_LIMIT_UNKNOWN: 'VERIFY_RATE_LIMIT_UNKNOWN',
} as const;
