import { Injectable } from '@nestjs/common';
import {
  type AlertHistoryRequest,
  type AlertHistoryResult,
  type AlertSettingsGetRequest,
  type AlertSettingsSetRequest,
  type AlertSettingsView,
  AUTOMATIC_THRESHOLDS_MICROS,
} from '@signet/contracts/billing';
import { AlertsRepository } from './alerts.repository.js';

/** Balance alerts belong to the main account (its balance); a subaccount reads and sets its main account's. */
@Injectable()
export class AlertsService {
  constructor(private readonly alerts: AlertsRepository) {}

  async get({ caller }: AlertSettingsGetRequest): Promise<AlertSettingsView> {
    const s = await this.alerts.settings(caller.main_auth_id);
    return {
      automatic_micros: AUTOMATIC_THRESHOLDS_MICROS.map(String),
      thresholds_micros: s.thresholds_micros,
      emails: s.emails,
      webhook_url: s.webhook_url,
    };
  }

  async set({ caller, body }: AlertSettingsSetRequest): Promise<AlertSettingsView> {
    const thresholds = body.thresholds ? [...new Set(body.thresholds)].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1)) : undefined;
    const emails = body.emails ? [...new Set(body.emails.map((e) => e.toLowerCase()))] : undefined;
    await this.alerts.saveSettings(caller.main_auth_id, { thresholds, emails, webhook_url: body.webhook_url });
    return this.get({ caller });
  }

  async history({ caller, query }: AlertHistoryRequest): Promise<AlertHistoryResult> {
    const { rows, total } = await this.alerts.history(caller.main_auth_id, query.limit, query.offset);
    return { alerts: rows, limit: query.limit, offset: query.offset, total_count: total };
  }
}
