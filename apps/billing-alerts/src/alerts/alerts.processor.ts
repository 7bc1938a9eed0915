import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatMoney } from '@signet/contracts/common';
import { IdentityErrors, IdentitySubjects } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import type { Mailer } from '@signet/mail';
import { RpcClient } from '@signet/nats';
import type { Job } from 'bullmq';
import { AlertWebhookSender, delivered } from './alert-webhook.js';
import type { AlertJob } from './alerts.queue.js';
import { AlertsRepository, type PendingAlert } from './alerts.repository.js';

export const MAILER = Symbol('MAILER');

/** The alert as a webhook receives it (form fields, Plivo-style names). */
export const webhookFields = (a: PendingAlert): Record<string, string> => ({
  Event: 'balance_alert',
  AlertUUID: a.uuid,
  AuthID: a.auth_id,
  Kind: a.kind,
  Threshold: formatMoney(a.threshold_micros, 2),
  Balance: formatMoney(a.balance_micros),
  FiredAt: a.created_at,
});

/**
 * Sends one balance alert: by email to the account's own address and the extra ones it configured, then, when the
 * account has a `webhook_url`, as a signed POST to it. Each step is recorded once done, so a retried job repeats only
 * what failed; a failure throws and BullMQ retries. Once every step is done the alert is marked sent.
 */
@Injectable()
export class AlertsProcessor {
  private readonly logger = new Logger('BalanceAlerts');

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly rpc: RpcClient,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly webhook: AlertWebhookSender,
  ) {}

  async notify(job: Job<AlertJob>): Promise<void> {
    const alert = await this.alerts.pending(job.data.alert_uuid);
    if (!alert || alert.status !== 'pending') return;
    if (!alert.mailed) await this.mail(alert);
    if (alert.webhook_url && !alert.webhook_delivered) await this.post(alert, alert.webhook_url);
    await this.alerts.markSent(alert.uuid);
  }

  async failed(alertUuid: string, error: string): Promise<void> {
    await this.alerts.markFailed(alertUuid, error);
  }

  private async mail(alert: PendingAlert): Promise<void> {
    const owner = (await this.account(alert.auth_id))?.email;
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
    await this.alerts.markMailed(alert.uuid, to);
    this.logger.log(`alert ${alert.uuid} (${alert.auth_id} below ${alert.threshold_micros}) mailed to ${to.length} address(es)`);
  }

  private async post(alert: PendingAlert, url: string): Promise<void> {
    let tokens;
    try {
      const t = await this.rpc.call(IdentitySubjects.signingTokensGet, { auth_id: alert.auth_id });
      tokens = { token: t.token, mainToken: t.main_token };
    } catch (err) {
      // A closed (deleted) account has no token to sign with: nothing to send, nothing to retry.
      if (err instanceof DomainError && err.code === IdentityErrors.ACCOUNT_NOT_FOUND) {
        await this.alerts.recordWebhookTry(alert.uuid, url, { http_status: null, error: 'account closed: not sent' });
        return;
      }
      throw err;
    }
    const result = await this.webhook.send(url, webhookFields(alert), tokens);
    await this.alerts.recordWebhookTry(alert.uuid, url, result);
    // 410 Gone, as for status callbacks: the receiver is gone for good, so the webhook is not tried again.
    if (result.http_status === 410) {
      this.logger.warn(`alert ${alert.uuid}: webhook ${url} answered 410 Gone, not retried`);
      return;
    }
    if (!delivered(result)) throw new Error(`webhook ${url} answered ${result.error ?? `HTTP ${result.http_status}`}`);
    this.logger.log(`alert ${alert.uuid} delivered to its webhook`);
  }

  private async account(authId: string): Promise<{ email: string | null } | null> {
    try {
      return await this.rpc.call(IdentitySubjects.adminAccountGet, { auth_id: authId });
    } catch (err) {
      if (err instanceof DomainError && err.code === IdentityErrors.ACCOUNT_NOT_FOUND) return null;
      throw err;
    }
  }
}
