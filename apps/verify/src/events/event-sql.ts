import { VerifyEvents } from '@signet/contracts/verify';
import { utc } from '@signet/database';
import { activeTraceparent } from '@signet/tracing';

/**
 * Outbox rows written by the same statement as the state change they describe, so an event exists exactly when
 * its change committed. Each fragment is a data-modifying CTE body reading the named CTEs/aliases.
 * The JSON matches `AttemptStatusChanged` / `SessionEnded` in the verify contract.
 */
/**
 * One outbox row per row of `from`, in `ord` order. The id is drawn in the inner select list so every row gets its
 * own (a LATERAL subquery that references nothing is evaluated once and would repeat one id).
 */
const envelope = (type: string, data: string, from: string, ord = '0') =>
  `SELECT ev.id, '${type}', jsonb_build_object('id', ev.id, 'type', '${type}', 'occurred_at', ${utc('now()')}, 'data', ev.data${TRACE_SLOT})
   FROM (SELECT gen_random_uuid() AS id, ${data} AS data, ${ord} AS ord FROM ${from}) ev ORDER BY ev.ord`;

const TRACE_SLOT = '/*traceparent*/';

/**
 * A statement holding event SQL, run where it is: while tracing is on, its events carry the active `traceparent`
 * (format-checked, so inlined as a literal); otherwise the slot stays a comment and the text is unchanged.
 */
export function traced(sql: string): string {
  const tp = activeTraceparent();
  return tp ? sql.replaceAll(TRACE_SLOT, `, 'traceparent', '${tp}'`) : sql;
}

const STATUS = /^[a-z-]+$/;

/**
 * `a` is an attempts row, `s` its session row. One event per status the attempt took in this statement:
 * `passedThrough` first (a status it moved through on the way, e.g. sent before delivered), then its current one.
 */
export function attemptEventInsert(passedThrough: readonly string[] = []): string {
  if (!passedThrough.every((st) => STATUS.test(st))) throw new Error('attempt statuses are our own constants');
  const steps = [...passedThrough.map((st) => `'${st}'::text`), 'a.status'].map((st, i) => `(${i}, ${st})`).join(', ');
  return `INSERT INTO verify.outbox_events (id, subject, payload) ${envelope(
    VerifyEvents.attemptStatusChanged,
    `jsonb_build_object(
       'session_uuid', s.uuid, 'attempt_uuid', a.uuid, 'attempt_sequence', a.sequence,
       'account_id', s.account_id, 'main_account_id', s.main_account_id, 'app_uuid', s.app_uuid,
       'channel', a.channel, 'status', st.status, 'error_code', a.error_code,
       'sender_uuid', a.sender_uuid, 'provider', a.provider, 'recipient', s.recipient,
       'session_status', s.status, 'callback_url', s.callback_url, 'callback_method', s.callback_method,
       'request_time', ${utc('a.created_at')})`,
    `a, s, LATERAL (VALUES ${steps}) st(ord, status)`,
    'st.ord',
  )}`;
}

/** `s` is a sessions row that just became verified or expired (several rows: one event each). */
export const sessionEndedInsert = (type: typeof VerifyEvents.sessionVerified | typeof VerifyEvents.sessionExpired, from: string): string =>
  `INSERT INTO verify.outbox_events (id, subject, payload) ${envelope(
    type,
    `jsonb_build_object(
       'session_uuid', s.uuid, 'account_id', s.account_id, 'main_account_id', s.main_account_id, 'app_uuid', s.app_uuid,
       'recipient', s.recipient, 'status', s.status, 'callback_url', s.callback_url, 'callback_method', s.callback_method)`,
    from,
  )}`;

/** `s` holds sessions that just ended: their plaintext messages in the dev outbox go in the same statement. */
export const devOutboxErase = (from: string): string => `DELETE FROM verify.dev_outbox WHERE session_uuid IN (SELECT uuid FROM ${from})`;
