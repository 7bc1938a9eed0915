import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An attempt charge verify never recorded: found by its time, refunded by the sweeper. */
export interface UnrecordedCharge {
  attempt_uuid: string;
  created_at: Date;
}

/** Which charged attempts verify has recorded (billing hears each attempt's status events), and which it has not. */
@Injectable()
export class RecordedAttemptsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async markRecorded(attemptUuid: string): Promise<void> {
    await this.ds.query('INSERT INTO billing.recorded_attempts (attempt_uuid) VALUES ($1) ON CONFLICT DO NOTHING', [attemptUuid]);
  }

  /** Attempt charges taken in (after, until], oldest first, that no attempt event ever confirmed and nothing refunded. */
  async unrecorded(after: Date, until: Date, limit: number): Promise<UnrecordedCharge[]> {
    return this.ds.query(
      `SELECT l.attempt_uuid, l.created_at FROM billing.ledger l
       WHERE l.kind = 'charge' AND l.attempt_uuid IS NOT NULL AND l.created_at > $1 AND l.created_at <= $2
         AND NOT EXISTS (SELECT 1 FROM billing.recorded_attempts r WHERE r.attempt_uuid = l.attempt_uuid)
         AND NOT EXISTS (SELECT 1 FROM billing.ledger x WHERE x.attempt_uuid = l.attempt_uuid AND x.kind = 'refund')
       ORDER BY l.created_at LIMIT $3`,
      [after, until, limit],
    );
  }

  /** Marks older than two days are never read again (the sweep looks back an hour past its delay). */
  async prune(): Promise<void> {
    await this.ds.query(`DELETE FROM billing.recorded_attempts WHERE recorded_at < now() - interval '2 days'`);
  }
}
