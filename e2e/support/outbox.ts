import { apiClient, type TestAccount } from '@signet/testing';
import { rememberSecrets } from './secrets-ledger.js';
import { baseUrl } from './stack.js';

export interface OutboxMessage {
  attempt_uuid: string;
  session_uuid: string;
  recipient: string;
  channel: 'sms' | 'voice';
  text: string;
}

/** Waits until the outbox holds `count` messages for the recipient and returns them, newest first. */
export async function outboxMessages(account: TestAccount, recipient: string, count = 1, timeoutMs = 5000): Promise<OutboxMessage[]> {
  const api = apiClient(baseUrl, account.authId, account.token);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api('GET', `/dev/outbox?recipient=${encodeURIComponent(recipient)}`);
    const messages = (res.body.messages ?? []) as OutboxMessage[];
    if (messages.length >= count) {
      rememberSecrets(...messages.flatMap((m) => m.text.match(/\d{6,8}/g) ?? [])); // SMS codes; voice spells them out
      return messages;
    }
    if (Date.now() > until) throw new Error(`outbox has ${messages.length} of ${count} messages for ${recipient}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const codeIn = (text: string): string => text.match(/\d{4,8}/)![0];
