export const BillingErrors = {
  /** The main account's balance cannot cover the charge (prepaid): nothing is queued or sent. */
  INSUFFICIENT_CREDIT: 'BILLING_INSUFFICIENT_CREDIT',
  /** No price for the destination: the country is not in the price list. */
  PRICE_NOT_FOUND: 'BILLING_PRICE_NOT_FOUND',
  /** A closed account can no longer be charged or credited. */
  ACCOUNT_CLOSED: 'BILLING_ACCOUNT_CLOSED',
  CLOSURE_NOT_FOUND: 'BILLING_CLOSURE_NOT_FOUND',
  /** The same credit reference was already used for this account with another amount. */
  CREDIT_REFERENCE_CONFLICT: 'BILLING_CREDIT_REFERENCE_CONFLICT',
} as const;
