/** billing-alerts' request/reply subjects (queue group `billing-alerts`). Money in every message is micro-units. */
export const BillingSubjects = {
  pricingGet: 'billing.pricing.get',
  pricingList: 'billing.pricing.list',
  pricingSet: 'billing.pricing.set',
  /** verify, before an attempt is queued: take the attempt's price from the main account's balance. */
  chargeAttempt: 'billing.charge.attempt',
  /** verify, when a charged attempt could not be recorded after all: give the charge back. */
  chargeRelease: 'billing.charge.release',
  /** verify, as a session is verified: the validation charge, once per session. */
  chargeValidation: 'billing.charge.validation',
  /** verify, building session views: what billing's ledger holds for each session. */
  sessionCharges: 'billing.charges.sessions',
  balanceGet: 'billing.balance.get',
  creditAdd: 'billing.credit.add',
  usageGet: 'billing.usage.get',
  alertsGet: 'billing.alerts.get',
  alertsSet: 'billing.alerts.set',
  alertsHistory: 'billing.alerts.history',
  closureGet: 'billing.closure.get',
} as const;
