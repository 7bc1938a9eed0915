/** billing-alerts' BullMQ queue: one job per balance alert that fired (job id = the alert's uuid). */
export const BillingQueues = {
  balanceAlerts: { name: 'billing.balance-alerts', jobs: ['notify'] },
} as const;
