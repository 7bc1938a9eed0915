import type { Caller } from '@signet/contracts/common';
import type { SessionListQuery } from '@signet/contracts/verify';
import { recipientDigits } from './recipient.js';
import type { ListFilter } from './sessions.repository.js';

const DAY_MS = 24 * 3600 * 1000;

/** `YYYY-MM-DD[ HH:MM[:ss[.uuuuuu]]]` in UTC, and the span its precision covers (a day, a minute, …). */
function instant(value: string): { start: string; span: string } {
  const [date, time] = value.split(' ');
  if (!time) return { start: `${date}T00:00:00Z`, span: '1 day' };
  const span = time.length === 5 ? '1 minute' : time.includes('.') ? '1 microsecond' : '1 second';
  return { start: `${date}T${time}Z`, span };
}

/**
 * The list's WHERE clauses. Without a time filter the last 24 hours are listed; nothing older than 90 days ever.
 * Parameters start at $2 ($1 is the caller).
 */
export function sessionFilter(caller: Caller, q: SessionListQuery, now = Date.now()): ListFilter {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length + 1}`));
  };
  if (q.app_uuid) add((p) => `s.app_uuid = ${p}`, q.app_uuid);
  if (q.status === 'in-progress') clauses.push(`s.status = 'in-progress' AND s.expires_at > now()`);
  if (q.status === 'expired') clauses.push(`(s.status = 'expired' OR (s.status = 'in-progress' AND s.expires_at <= now()))`);
  if (q.status === 'verified') clauses.push(`s.status = 'verified'`);
  if (q.recipient) add((p) => `s.recipient = ${p}`, recipientDigits(q.recipient));
  // A subaccount's own credentials already restrict it to its sessions.
  if (q.subaccount && !caller.is_subaccount) add((p) => `s.account_id = ${p}`, q.subaccount);
  if (q.brand_name) add((p) => `s.brand_name = ${p}`, q.brand_name);
  if (q.app_hash) add((p) => `s.app_hash = ${p}`, q.app_hash);
  if (q.country) add((p) => `s.country_iso2 = ${p}`, q.country.toUpperCase());
  if (q.alias) add((p) => `s.alias = ${p}`, q.alias);

  const times: [string | undefined, string][] = [
    [q.session_time__gt, '>'],
    [q.session_time__gte, '>='],
    [q.session_time__lt, '<'],
    [q.session_time__lte, '<='],
  ];
  let timed = false;
  for (const [value, op] of times) {
    if (!value) continue;
    timed = true;
    const { start, span } = instant(value);
    // `> 11:47` means after that whole minute, `<= 11:47` up to its end: both compare with the span's end.
    if (op === '>' || op === '<=') add((p) => `s.created_at ${op === '>' ? '>=' : '<'} ${p}::timestamptz + interval '${span}'`, start);
    else add((p) => `s.created_at ${op} ${p}::timestamptz`, start);
  }
  if (q.session_time) {
    timed = true;
    const { start, span } = instant(q.session_time);
    add((p) => `s.created_at >= ${p}::timestamptz AND s.created_at < ${p}::timestamptz + interval '${span}'`, start);
  }
  if (!timed) add((p) => `s.created_at >= ${p}::timestamptz`, new Date(now - DAY_MS).toISOString());
  add((p) => `s.created_at >= ${p}::timestamptz`, new Date(now - 90 * DAY_MS).toISOString());
  return { clauses, params };
}
