import { VerifyEvents } from '@signet/contracts/verify';

/**
 * Outbox rows written by the same statement as the state change they describe, so an event exists exactly when
 * its change committed. Each fragment is a data-modifying CTE body reading the named CTEs/aliases.
 * The JSON matches `AttemptStatusChanged` / `SessionEnded` in the verify contract.
 */
const utc = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const envelope = (type: string, data: string) =>
  `SELECT ev.id, '${type}', jsonb_build_object('id', ev.id, 'type', '${type}', 'occurred_at', ${utc('now()')}, 'data', ${data})
   FROM __FROM__, LATERAL (SELECT gen_random_uuid() AS id) ev`;

/** `a` is an attempts row, `s` its session row. */
export const attemptEventInsert = (from: string): string =>
  `INSERT INTO verify.outbox_events (id, subject, payload) ${envelope(
    VerifyEvents.attemptStatusChanged,
    `jsonb_build_object(
       'session_uuid', s.uuid, 'attempt_uuid', a.uuid, 'attempt_sequence', a.sequence,
       'account_id', s.account_id, 'main_account_id', s.main_account_id, 'app_uuid', s.app_uuid,
       'channel', a.channel, 'status', a.status, 'error_code', a.error_code, 'recipient', s.recipient,
       'session_status', s.status, 'callback_url', s.callback_url, 'callback_method', s.callback_method,
       'request_time', ${utc('a.created_at')})`,
  ).replace('__FROM__', from)}`;

/** `s` is a sessions row that just became verified or expired. */
export const sessionEndedInsert = (type: typeof VerifyEvents.sessionVerified | typeof VerifyEvents.sessionExpired, from: string): string =>
  `INSERT INTO verify.outbox_events (id, subject, payload) ${envelope(
    type,
    `jsonb_build_object(
       'session_uuid', s.uuid, 'account_id', s.account_id, 'main_account_id', s.main_account_id, 'app_uuid', s.app_uuid,
       'recipient', s.recipient, 'status', s.status, 'callback_url', s.callback_url, 'callback_method', s.callback_method)`,
  ).replace('__FROM__', from)}`;

export { utc };
