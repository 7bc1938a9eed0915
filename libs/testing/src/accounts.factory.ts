import { randomUUID } from 'node:crypto';
import { apiClient } from './http.js';

export interface TestAccount {
  authId: string;
  token: string;
}

/**
 * A fresh main account opened through identity's own API (the gateway's admin API, as an operator does), so a
 * suite never depends on identity's tables or on how it seals and digests tokens. It opens with $1,000 of credit
 * (billing-alerts records it as a recharge) so it can send, unless `fields.cash_credits` says otherwise.
 */
export async function createTestAccount(gatewayUrl: string, adminToken: string, fields: Record<string, unknown> = {}): Promise<TestAccount> {
  const api = apiClient(gatewayUrl, 'unused', 'unused');
  const body = { name: 'Test account', email: `test-${randomUUID()}@example.com`, data_region: 'us', cash_credits: '1000', ...fields };
  const res = await api('POST', '/admin/v1/Account/', body, { authorization: `Bearer ${adminToken}` });
  if (res.status !== 201) throw new Error(`could not open a test account: ${res.status} ${JSON.stringify(res.body)}`);
  return { authId: res.body.auth_id as string, token: res.body.auth_token as string };
}
