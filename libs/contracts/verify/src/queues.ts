/**
 * Verify's BullMQ queues. Names and job names are persisted in Redis: renaming one strands its jobs.
 * Only verify adds jobs to them; other services send verify a message instead.
 */
export const VerifyQueues = {
  otpDelivery: { name: 'verify.otp-delivery', jobs: ['deliver'] },
  sessionExpiry: { name: 'verify.session-expiry', jobs: ['expire'] },
  /** Delayed: the next attempt of an app's channel workflow, `wait` seconds after the last one. */
  workflow: { name: 'verify.workflow', jobs: ['next-attempt'] },
} as const;
