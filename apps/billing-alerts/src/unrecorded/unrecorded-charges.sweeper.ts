import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BILLING_CONFIG, type BillingConfig } from '../config/billing.config.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { RecordedAttemptsRepository } from './recorded-attempts.repository.js';

const BATCH = 500;

/**
 * Gives back what an attempt that never came to exist was charged. verify charges before it records an attempt and
 * releases the charge when recording fails; but when both its charge request and the ask after it got no answer, a
 * charge may land that nobody releases. Every recorded attempt sends status events, which billing notes
 * (`recorded_attempts`); a charge with no such note `BILLING_UNRECORDED_REFUND_AFTER_S` after it was taken is refunded,
 * once (the ledger's unique refund per attempt), by whichever replica sweeps first. The sweep walks forward in time
 * from where it left off (an hour back at start-up), so each charge is looked at once.
 */
@Injectable()
export class UnrecordedChargesSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('UnrecordedCharges');
  private timer?: NodeJS.Timeout;
  private cursor?: Date;
  private running = false;

  constructor(
    private readonly recorded: RecordedAttemptsRepository,
    private readonly ledger: LedgerService,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((err) => this.logger.warn(`sweep failed: ${(err as Error).message}`)),
      this.config.BILLING_SWEEP_INTERVAL_MS,
    );
  }

  /**
   * One pass (none while the last still runs): refunds the unrecorded charges taken up to the delay ago; returns how
   * many it refunded. The cut-off is this process's clock: a skew of seconds against the database's is nothing beside
   * the delay.
   */
  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const until = new Date(Date.now() - this.config.BILLING_UNRECORDED_REFUND_AFTER_S * 1000);
      this.cursor ??= new Date(until.getTime() - 3600_000);
      let refunded = 0;
      for (;;) {
        const batch = await this.recorded.unrecorded(this.cursor, until, BATCH);
        for (const c of batch) {
          if (await this.ledger.refundAttempt(c.attempt_uuid, 'attempt never recorded')) refunded++;
          this.cursor = c.created_at;
        }
        if (batch.length < BATCH) break;
      }
      this.cursor = until;
      if (refunded > 0) this.logger.warn(`refunded ${refunded} charge(s) whose attempt was never recorded`);
      return refunded;
    } finally {
      this.running = false;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
