import http from 'node:http';

export interface ApiResponse {
  status: number;
  body: Record<string, unknown> & { error?: string; api_id?: string };
  headers: http.IncomingHttpHeaders;
}

/**
 * Raw HTTP against the gateway with BasicAuth, the body sent exactly as given — node:http, because the SDKs send
 * bodies even on GET, which fetch refuses to do.
 */
export function apiClient(baseUrl: string, authId: string, token: string) {
  const auth = `Basic ${Buffer.from(`${authId}:${token}`).toString('base64')}`;
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = http.request(
        `${baseUrl}${path}`,
        {
          method,
          headers: {
            authorization: auth,
            'content-type': 'application/json',
            ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
            ...headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {}, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}
