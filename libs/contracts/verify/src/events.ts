import { eventSubject } from '@signet/contracts/common';

export const VerifyEvents = {
  attemptStatusChanged: eventSubject('verify', 'attempt', 'status_changed'),
  sessionVerified: eventSubject('verify', 'session', 'verified'),
  sessionExpired: eventSubject('verify', 'session', 'expired'),
} as const;

export interface AttemptStatusChanged {
  session_uuid: string;
  attempt_uuid: string;
  attempt_sequence: number;
  account_id: string;
  main_account_id: string;
  app_uuid: string;
  channel: 'sms' | 'voice';
  status: string;
  error_code: string | null;
  recipient: string;
  session_status: string;
  callback_url: string | null;
  callback_method: 'GET' | 'POST';
  request_time: string;
}

export interface SessionEnded {
  session_uuid: string;
  account_id: string;
  main_account_id: string;
  app_uuid: string;
  recipient: string;
  status: 'verified' | 'expired';
  callback_url: string | null;
  callback_method: 'GET' | 'POST';
}
