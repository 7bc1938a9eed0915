import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@signet/contracts/common';
import { VerifyErrors, type AttemptRef, type AttemptView } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { DataSource } from 'typeorm';
import { utc, visible } from '@signet/database';

/** An attempt with every try at every sender, for `GET …/Verify/Attempt/{uuid}/`. Another account's is a 404. */
@Injectable()
export class AttemptsService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async get({ caller, attempt_uuid }: AttemptRef): Promise<AttemptView> {
    const notFound = new DomainError(VerifyErrors.ATTEMPT_NOT_FOUND, 'attempt not found');
    if (!isUuid(attempt_uuid)) throw notFound;
    const rows: AttemptView[] = await this.ds.query(
      `SELECT a.uuid AS attempt_uuid, a.session_uuid, a.channel, a.status, a.error_code, a.sender_uuid, a.provider, a.provider_ref,
         ${utc('a.created_at')} AS created_at, ${utc('a.updated_at')} AS updated_at,
         COALESCE((SELECT json_agg(json_build_object('sequence', t.seq, 'sender_uuid', t.sender_uuid, 'provider', t.provider,
             'from_number', t.from_number, 'provider_ref', t.provider_ref, 'outcome', t.outcome, 'error', t.error,
             'started_at', ${utc('t.started_at')}, 'ended_at', CASE WHEN t.ended_at IS NULL THEN NULL ELSE ${utc('t.ended_at')} END) ORDER BY t.seq)
           FROM verify.attempt_tries t WHERE t.attempt_uuid = a.uuid), '[]'::json) AS tries
       FROM verify.attempts a JOIN verify.sessions s ON s.uuid = a.session_uuid
       WHERE a.uuid = $1 AND ${visible(caller, '$2').replace(/^(\w+)/, 's.$1')}`,
      [attempt_uuid, caller.auth_id],
    );
    if (!rows[0]) throw notFound;
    return rows[0];
  }
}
