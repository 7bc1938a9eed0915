import { apiClient, createTestAccount, type ApiResponse, type TestAccount } from '@signet/testing';
import { baseUrl, env } from './stack.js';

/** The operators' admin API through the gateway, with the bearer token the test stack runs with. */
export function adminApi(url = baseUrl, token = env.SIGNET_ADMIN_TOKEN) {
  const api = apiClient(url, 'unused', 'unused');
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> =>
    api(method, path, body, { authorization: `Bearer ${token}`, ...headers });
}

/** A main account opened through the admin API, as an operator would, with $100 of opening credit unless told. */
export const openAccount = (fields: Record<string, unknown> = {}): Promise<TestAccount> =>
  createTestAccount(baseUrl, env.SIGNET_ADMIN_TOKEN, { name: 'E2E Co', cash_credits: '100', ...fields });
