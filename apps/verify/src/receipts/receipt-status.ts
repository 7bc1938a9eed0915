import type { DeliveryStatus } from '@signet/providers';

/**
 * The statuses an attempt may move to `status` from: forward only, so a late or repeated receipt changes nothing.
 * Voice starts `in-progress` when the vendor accepts the call, so a `ringing` after it is late and ignored.
 */
export const MOVES_FROM: Record<DeliveryStatus, string[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  undelivered: ['queued', 'sent'],
  failed: ['queued', 'sent', 'ringing', 'in-progress'],
  ringing: ['queued'],
  'in-progress': ['queued', 'ringing'],
  completed: ['queued', 'ringing', 'in-progress'],
};
