import type { AttemptStatusChanged } from '@signet/contracts/verify';

/** The Plivo callback fields, exactly as sent and signed (every value a string). */
export type CallbackFields = Record<
  'AttemptSequence' | 'AttemptUUID' | 'Channel' | 'ChannelErrorCode' | 'ChannelStatus' | 'Recipient' | 'RequestTime' | 'SessionStatus' | 'SessionUUID',
  string
>;

/** `2026-12-01T19:00:00.123456Z` → `2026-12-01 19:00:00.123456+00:00` (UTC, as Plivo's timestamps read). */
export function plivoTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/.exec(iso);
  if (m) return `${m[1]} ${m[2]}+00:00`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().replace('T', ' ').replace('Z', '')}+00:00`;
}

export function attemptFields(e: AttemptStatusChanged): CallbackFields {
  return {
    AttemptSequence: String(e.attempt_sequence),
    AttemptUUID: e.attempt_uuid,
    Channel: e.channel,
    ChannelErrorCode: e.error_code ?? '',
    ChannelStatus: e.status,
    Recipient: e.recipient,
    RequestTime: plivoTime(e.request_time),
    SessionStatus: e.session_status,
    SessionUUID: e.session_uuid,
  };
}

/**
 * The callback for a session that ended: its latest attempt's fields (as last reported) with the final
 * SessionStatus; without any known attempt, the attempt fields are empty.
 */
export function sessionEndedFields(sessionUuid: string, recipient: string, status: 'verified' | 'expired', latest: CallbackFields | undefined): CallbackFields {
  const base: CallbackFields = latest ?? {
    AttemptSequence: '',
    AttemptUUID: '',
    Channel: '',
    ChannelErrorCode: '',
    ChannelStatus: '',
    Recipient: recipient,
    RequestTime: '',
    SessionStatus: status,
    SessionUUID: sessionUuid,
  };
  return { ...base, Recipient: recipient, SessionStatus: status, SessionUUID: sessionUuid };
}
