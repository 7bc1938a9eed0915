import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BILLING_CONFIG, type BillingConfig } from '../config/billing.config.js';
import { AlertsQueue } from './alerts.queue.js';
import { AlertsRepository } from './alerts.repository.js';

/** Re-adds the job of every alert still pending after 10 s (job id = alert uuid, so a live job is not duplicated). */
@Injectable()
export class AlertsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AlertsSweeper');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly queue: AlertsQueue,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((err) => this.logger.warn(`sweep failed: ${(err as Error).message}`)),
      this.config.BILLING_SWEEP_INTERVAL_MS,
    );
  }

  async sweep(): Promise<void> {
    for (const uuid of await this.alerts.stranded(10)) await this.queue.add(uuid);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
