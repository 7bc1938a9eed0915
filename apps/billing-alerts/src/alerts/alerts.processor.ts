import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatMoney } from '@signet/contracts/common';
import { type AdminAccountView, IdentityErrors, IdentitySubjects } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import type { Mailer } from '@signet/mail';
import { RpcClient } from '@signet/nats';
import type { Job } from 'bullmq';
import type { AlertJob } from './alerts.queue.js';
import { AlertsRepository } from './alerts.repository.js';

export const MAILER = Symbol('MAILER');

/**
 * Sends one balance alert by email: to the account's own address and the extra ones it configured. A failure
 * throws, so BullMQ retries; once sent (or with nobody to tell) the alert is marked sent with its recipients.
 */
@Injectable()
export class AlertsProcessor {
  private readonly logger = new Logger('BalanceAlerts');

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly rpc: RpcClient,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  async notify(job: Job<AlertJob>): Promise<void> {
    const alert = await this.alerts.pending(job.data.alert_uuid);
    if (!alert || alert.status !== 'pending') return;
    const owner = await this.accountEmail(alert.auth_id);
    const to = [...new Set([...(owner ? [owner.toLowerCase()] : []), ...alert.emails])];
    if (to.length > 0) {
      const threshold = formatMoney(alert.threshold_micros, 2);
      const balance = formatMoney(alert.balance_micros, 2);
      await this.mailer.send({
        to,
        subject: `Signet balance alert: your balance is below $${threshold}`,
        text:
          `The balance of Signet account ${alert.auth_id} is $${balance}, below your ${alert.kind} alert threshold of $${threshold}.\n\n` +
          'Verify sessions are refused once the balance cannot cover an attempt. Add credit to keep sending.\n',
      });
    }
    await this.alerts.markSent(alert.uuid, to);
    this.logger.log(`alert ${alert.uuid} (${alert.auth_id} below ${alert.threshold_micros}) sent to ${to.length} address(es)`);
  }

  async failed(alertUuid: string, error: string): Promise<void> {
    await this.alerts.markFailed(alertUuid, error);
  }

  private async accountEmail(authId: string): Promise<string | null> {
    try {
      return (await this.rpc.call(IdentitySubjects.adminAccountGet, { auth_id: authId })).email;
    } catch (err) {
      if (err instanceof DomainError && err.code === IdentityErrors.ACCOUNT_NOT_FOUND) return null;
      throw err;
    }
  }
}
