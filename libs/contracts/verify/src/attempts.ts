/**
 * `error_code` of a failed attempt in `attempt.status_changed` (and on the attempt's view). Signet's own codes are
 * these constants; a failure a provider reported in a delivery receipt carries that provider's code instead
 * (Twilio `ErrorCode` e.g. `30003`, Plivo `ErrorCode` e.g. `50`, Vonage `err-code` e.g. `3`) so status callbacks
 * can pass it on as `ChannelErrorCode`.
 */
export const AttemptErrorCodes = {
  /**
   * No sender took the message: every sender on the route refused at the API (4xx/5xx, timeout, connection refused,
   * bad credentials, invalid number), was skipped behind an open circuit, or had no number serving the destination
   * and channel, through every retry. Nothing was sent, so nothing is owed (billing refunds it).
   */
  ALL_SENDERS_REFUSED: 'ALL_SENDERS_REFUSED',
  /** The session had ended (verified, expired) before the attempt could be sent: nothing was sent. */
  SESSION_ENDED: 'SESSION_ENDED',
  /**
   * A worker died between handing the message to a provider and recording the answer: the provider may have sent it.
   * Signet never sends such an attempt again (exactly one message per attempt); a later receipt is still applied.
   */
  DELIVERY_UNCONFIRMED: 'DELIVERY_UNCONFIRMED',
  /** The delivery job failed for good for a reason inside Signet (not a provider's answer); nothing was sent. */
  DELIVERY_ERROR: 'DELIVERY_ERROR',
  /**
   * Fraud Shield held the attempt back (a pumping signature on its number range): never handed to a provider, never
   * charged. Plivo's code for it, so callbacks pass `ChannelErrorCode` 452 on as Plivo's do.
   */
  FRAUD_BLOCKED: '452',
} as const;
export type AttemptErrorCode = (typeof AttemptErrorCodes)[keyof typeof AttemptErrorCodes];
