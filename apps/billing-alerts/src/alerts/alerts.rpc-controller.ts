import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { alertHistoryRequest, alertSettingsGetRequest, alertSettingsSetRequest, BillingSubjects } from '@signet/contracts/billing';
import { parseOrThrow } from '@signet/errors';
import { AlertsService } from './alerts.service.js';

@Controller()
export class AlertsRpcController {
  constructor(private readonly alerts: AlertsService) {}

  @MessagePattern(BillingSubjects.alertsGet)
  get(@Payload() data: unknown) {
    return this.alerts.get(parseOrThrow(alertSettingsGetRequest, data));
  }

  @MessagePattern(BillingSubjects.alertsSet)
  set(@Payload() data: unknown) {
    return this.alerts.set(parseOrThrow(alertSettingsSetRequest, data));
  }

  @MessagePattern(BillingSubjects.alertsHistory)
  history(@Payload() data: unknown) {
    return this.alerts.history(parseOrThrow(alertHistoryRequest, data));
  }
}
