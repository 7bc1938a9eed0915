import { randomUUID } from 'node:crypto';
import { apiClient, type ApiResponse, type TestAccount } from '@signet/testing';
import { baseUrl, env } from './stack.js';

/** The operators' admin API through the gateway, with the bearer token the test stack runs with. */
export function adminApi(url = baseUrl, token = env.SIGNET_ADMIN_TOKEN) {
  const api = apiClient(url, 'unused', 'unused');
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> =>
    api(method, path, body, { authorization: `Bearer ${token}`, ...headers });
}

/** A main account opened through the admin API, as an operator would, with $100 of opening credit unless told. */
export async function openAccount(fields: Record<string, unknown> = {}): Promise<TestAccount> {
  const body = { name: 'E2E Co', email: `e2e-${randomUUID()}@example.com`, data_region: 'us', cash_credits: '100', ...fields };
  const res = await adminApi()('POST', '/admin/v1/Account/', body);
  if (res.status !== 201) throw new Error(`could not open an account: ${res.status} ${JSON.stringify(res.body)}`);
  return { authId: res.body.auth_id as string, token: res.body.auth_token as string };
}
