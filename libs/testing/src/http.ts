export interface ApiResponse {
  status: number;
  body: Record<string, unknown> & { error?: string; api_id?: string };
}

/** Raw HTTP against the gateway, BasicAuth included, body sent as the caller gives it. */
export function apiClient(baseUrl: string, authId: string, token: string) {
  const auth = `Basic ${Buffer.from(`${authId}:${token}`).toString('base64')}`;
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  };
}
