import { Billing1764300000300 } from './1764300000300-billing.js';
import { AlertWebhook1764800000100 } from './1764800000100-alert-webhook.js';

export const migrations = [Billing1764300000300, AlertWebhook1764800000100];
