import type { AttemptStatusChanged } from '@signet/contracts/verify';
import { attemptFields, plivoTime, sessionEndedFields } from './callback-fields.js';

const event: AttemptStatusChanged = {
  session_uuid: 's-1',
  attempt_uuid: 'a-1',
  attempt_sequence: 2,
  account_id: 'SA1',
  main_account_id: 'MA1',
  app_uuid: 'app',
  channel: 'sms',
  status: 'delivered',
  error_code: null,
  recipient: '+14155550100',
  session_status: 'in-progress',
  callback_url: 'https://example.com/cb',
  callback_method: 'POST',
  request_time: '2026-12-01T19:00:00.123456Z',
  sender_uuid: null,
  provider: 'outbox',
};

describe('callback fields', () => {
  it('maps an attempt status change onto Plivo fields, every value a string', () => {
    expect(attemptFields(event)).toEqual({
      AttemptSequence: '2',
      AttemptUUID: 'a-1',
      Channel: 'sms',
      ChannelErrorCode: '',
      ChannelStatus: 'delivered',
      Recipient: '+14155550100',
      RequestTime: '2026-12-01 19:00:00.123456+00:00',
      SessionStatus: 'in-progress',
      SessionUUID: 's-1',
    });
    expect(attemptFields({ ...event, error_code: '30003' }).ChannelErrorCode).toBe('30003');
  });
  it('a session end carries its latest attempt with the final status', () => {
    expect(sessionEndedFields('s-1', '+14155550100', 'verified', attemptFields(event))).toMatchObject({ AttemptUUID: 'a-1', SessionStatus: 'verified' });
    expect(sessionEndedFields('s-1', '+1', 'expired', undefined)).toMatchObject({ AttemptUUID: '', SessionStatus: 'expired', SessionUUID: 's-1' });
  });
  it('formats times in UTC', () => expect(plivoTime('2026-01-02T03:04:05Z')).toBe('2026-01-02 03:04:05+00:00'));
});
