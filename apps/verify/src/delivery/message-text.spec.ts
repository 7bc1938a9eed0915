import { DEFAULT_TEMPLATE } from '@signet/contracts/verify';
import { messageText } from './message-text.js';

describe('messageText', () => {
  it('fills the template for SMS and appends the app hash', () => {
    expect(messageText(DEFAULT_TEMPLATE, 'Acme', '042117', 'sms', null)).toBe('Your Acme verification code is 042117');
    expect(messageText(DEFAULT_TEMPLATE, 'Acme', '042117', 'sms', 'FA+9qCX9VSu')).toBe('Your Acme verification code is 042117\nFA+9qCX9VSu');
  });

  it('speaks the digits one by one for voice, twice, without the app hash', () => {
    const spoken = messageText(DEFAULT_TEMPLATE, 'Acme', '0421', 'voice', 'FA+9qCX9VSu');
    expect(spoken).toBe('Your Acme verification code is 0, 4, 2, 1. I repeat, your code is 0, 4, 2, 1.');
  });
});
