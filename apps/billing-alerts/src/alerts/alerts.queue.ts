import { Inject, Injectable } from '@nestjs/common';
import { BillingQueues } from '@signet/contracts/billing';
import { KEEP_JOBS, QueueProducer, type QueueSpec } from '@signet/queue';
import { BILLING_CONFIG, type BillingConfig } from '../config/billing.config.js';

/** Mail is retried with backoff for about five minutes; an alert still pending after that is marked failed. */
export const alertsSpec: QueueSpec<'notify'> = {
  ...BillingQueues.balanceAlerts,
  defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 2000 }, ...KEEP_JOBS },
};

export interface AlertJob {
  alert_uuid: string;
}

/**
 * The alerts are committed (as pending rows) by the statement that crossed their threshold; a job per alert is added
 * afterwards without waiting, and the worker's sweeper re-adds any whose job never reached Redis.
 */
@Injectable()
export class AlertsQueue extends QueueProducer<'notify'> {
  constructor(@Inject(BILLING_CONFIG) config: BillingConfig) {
    super(alertsSpec, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  }

  enqueue(alertUuids: string[]): void {
    for (const uuid of alertUuids) void this.add(uuid);
  }

  add(alertUuid: string): Promise<void> {
    return this.addOrDefer('notify', { alert_uuid: alertUuid } satisfies AlertJob, { jobId: alertUuid });
  }
}
