import { counter, histogram } from '@signet/metrics';

/** Verify's domain metrics (labels: channel, provider, outcome; never an account or a recipient). */
export const sessionsCreated = counter('signet_verify_sessions_created_total', 'Sessions opened (a create that joins an open session adds an attempt only).', [
  'channel',
]);
export const attemptsCreated = counter('signet_verify_attempts_created_total', 'Delivery attempts queued, by channel.', ['channel']);
export const sessionsVerified = counter('signet_verify_sessions_verified_total', 'Sessions validated with the right code.');
export const validationsFailed = counter('signet_verify_validations_failed_total', 'Validations refused, by error code.', ['code']);
export const sessionsExpired = counter('signet_verify_sessions_expired_total', 'Sessions ended by expiry (delayed job or sweep).');

export const deliverySeconds = histogram(
  'signet_otp_delivery_seconds',
  'Attempt created (job added) to the provider accepting the message, by provider and channel.',
  ['provider', 'channel'],
);
export const providerErrors = counter('signet_provider_errors_total', 'Provider API calls that failed, by provider and channel.', ['provider', 'channel']);
export const fallbacks = counter(
  'signet_delivery_fallbacks_total',
  'Senders passed over for the next one on an attempt, by provider and why (api_error, circuit_open, no_number).',
  ['provider', 'reason'],
);
export const circuitsOpened = counter('signet_circuit_opened_total', 'Times a sender’s circuit breaker opened, by provider.', ['provider']);
export const attemptsFailed = counter('signet_verify_attempts_failed_total', 'Attempts that ended failed without a provider accepting them, by error code.', [
  'code',
]);
