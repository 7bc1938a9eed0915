import type { OutboundMessage } from '../delivery-provider.js';
import { OutboxProvider } from './outbox.provider.js';

const message = (channel: 'sms' | 'voice'): OutboundMessage => ({
  attemptId: 'a1',
  sessionId: 's1',
  accountId: 'MA1',
  mainAccountId: 'MA1',
  to: '+14155550100',
  channel,
  text: 'hello',
});

describe('OutboxProvider', () => {
  it('keeps each message and reports it delivered', async () => {
    const kept: OutboundMessage[] = [];
    const provider = new OutboxProvider({ save: async (m) => void kept.push(m) });
    await expect(provider.sendSms(message('sms'))).resolves.toEqual({ providerRef: 'outbox-a1', finalStatus: 'delivered' });
    await expect(provider.placeVoiceCall(message('voice'))).resolves.toMatchObject({ finalStatus: 'completed' });
    expect(kept.map((m) => m.channel)).toEqual(['sms', 'voice']);
  });
});
