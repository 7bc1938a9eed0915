import { Billing1764300000300 } from './1764300000300-billing.js';
import { AlertWebhook1764800000100 } from './1764800000100-alert-webhook.js';
import { RecordedAttempts1765300000100 } from './1765300000100-recorded-attempts.js';

export const migrations = [Billing1764300000300, AlertWebhook1764800000100, RecordedAttempts1765300000100];
