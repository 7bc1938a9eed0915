import { Inject, Injectable } from '@nestjs/common';
import type { Workflow } from '@signet/contracts/verify';
import { DataSource } from 'typeorm';
import { attemptEventInsert, traced } from '../events/event-sql.js';

/** A session as the workflow sees it when a step is due, with its app's current workflow. */
export interface WorkflowSession {
  uuid: string;
  app_uuid: string;
  account_id: string;
  main_account_id: string;
  country_iso2: string | null;
  /** In progress and not past its expiry. */
  open: boolean;
  count: number;
  max_attempts: number;
  workflow: Workflow | null;
  sms_channel: boolean;
  voice_channel: boolean;
}

@Injectable()
export class WorkflowRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async load(sessionUuid: string): Promise<WorkflowSession | undefined> {
    const rows: WorkflowSession[] = await this.ds.query(
      `SELECT s.uuid, s.app_uuid, s.account_id, s.main_account_id, s.country_iso2, s.status = 'in-progress' AND s.expires_at > now() AS open,
         s.count, s.max_attempts, ap.workflow, ap.sms_channel, ap.voice_channel
       FROM verify.sessions s JOIN verify.apps ap ON ap.uuid = s.app_uuid WHERE s.uuid = $1`,
      [sessionUuid],
    );
    return rows[0];
  }

  /**
   * Adds attempt `after + 1` on `channel` (same code), with its `queued` event, in one statement — only while the
   * session is open, below its attempt cap and still at attempt `after` (an attempt asked for since wins). False: not added.
   */
  async addAttempt(sessionUuid: string, attemptUuid: string, channel: 'sms' | 'voice', after: number): Promise<boolean> {
    const rows = await this.ds.query(
      traced(`WITH s AS (
         UPDATE verify.sessions x SET count = x.count + 1, channel = $3, updated_at = now()
         WHERE x.uuid = $1 AND x.status = 'in-progress' AND x.expires_at > now() AND x.count = $4 AND x.count < x.max_attempts
         RETURNING x.*
       ), a AS (
         INSERT INTO verify.attempts (uuid, session_uuid, sequence, channel, status)
         SELECT $2, s.uuid, s.count, s.channel, 'queued' FROM s RETURNING *
       ), e AS (${attemptEventInsert()})
       SELECT s.uuid FROM s`),
      [sessionUuid, attemptUuid, channel, after],
    );
    return rows.length === 1;
  }
}
