import { apiClient, type ApiResponse, type TestAccount } from '@signet/testing';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startGateway } from '../tools/stack.mjs';
import { adminApi } from './support/admin.js';
import { rawRequest } from './support/raw-http.js';
import { md5, newSipUsername, sha256 } from './support/sip-auth.js';
import { rememberSecrets } from './support/secrets-ledger.js';
import { bootStack, baseUrl, env, newAccount, newRecipient } from './support/stack.js';

const port = Number(env.GATEWAY_PORT);
const JSON_TYPE = /^application\/json/;

const expectEnvelope = (res: ApiResponse, status: number, message: RegExp) => {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error: expect.stringMatching(message) });
  expect(res.body.api_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(Object.keys(res.body).sort()).toEqual(['api_id', 'error']);
  expect(res.headers['content-type']).toMatch(JSON_TYPE);
};

/** Issue 8: every bad input a clear 4xx in the envelope, every 429 with Retry-After, every response JSON. */
describe('hardening over raw HTTP', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let base: string;

  beforeAll(async () => {
    stack = await bootStack();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    base = `/v1/Account/${account.authId}`;
  }, 90_000);
  afterAll(() => stack?.stop());

  describe('text Postgres cannot store (NUL) is a 400 wherever it arrives', () => {
    const NUL = 'a\u0000b';
    const bodies: [string, string, Record<string, unknown>][] = [
      ['session url', 'Verify/Session/', { recipient: '+14155550100', url: `https://example.com/${NUL}` }],
      ['session brand_name', 'Verify/Session/', { recipient: '+14155550100', brand_name: NUL }],
      ['session app_hash', 'Verify/Session/', { recipient: '+14155550100', app_hash: NUL }],
      ['app name', 'Verify/App/', { name: NUL }],
      ['app brand_name', 'Verify/App/', { name: 'n', brand_name: NUL }],
      ['app template_uuid', 'Verify/App/', { name: 'n', template_uuid: NUL }],
      ['app customer_app_hash', 'Verify/App/', { name: 'n', customer_app_hash: NUL }],
      ['account name', '', { name: NUL }],
      ['account city', '', { city: NUL }],
      ['account address', '', { address: NUL }],
      ['subaccount name', 'Subaccount/', { name: NUL }],
      ['ACL name', 'SipAuth/IpAccessControlList/', { name: NUL }],
      ['application answer_url', 'Application/', { app_name: 'a', answer_url: `https://example.com/${NUL}` }],
      ['application app_name', 'Application/', { app_name: NUL, answer_url: 'https://example.com/a' }],
      ['a key', 'Verify/App/', { [NUL]: 1, name: 'n' }],
      ['a nested value', 'Verify/App/', { name: 'n', extra: { deep: [NUL] } }],
    ];
    it.each(bodies)('%s', async (_what, path, body) => {
      expectEnvelope(await api('POST', `${base}/${path}`, body), 400, /NUL/);
    });

    it.each([
      ['session list subaccount', 'Verify/Session/?subaccount=a%00b'],
      ['session list brand_name', 'Verify/Session/?brand_name=a%00b'],
      ['session list app_hash', 'Verify/Session/?app_hash=a%00b'],
      ['session list alias', 'Verify/Session/?alias=a%00b'],
      ['a session id', 'Verify/Session/a%00b/'],
      ['an app id', 'Verify/App/a%00b/'],
      ['a subaccount id', 'Subaccount/SA%00/'],
      ['a credential id', 'SipAuth/Credential/a%00b/'],
    ])('%s', async (_what, path) => {
      expectEnvelope(await api('GET', `${base}/${path}`), 400, /NUL/);
    });

    it('an ACL entry description', async () => {
      const acl = await api('POST', `${base}/SipAuth/IpAccessControlList/`, { name: 'nul-test' });
      expect(acl.status).toBe(201);
      expectEnvelope(
        await api('POST', `${base}/SipAuth/IpAccessControlList/${acl.body.ip_acl_uuid}/Entry/`, { ip_address: '10.0.0.1', description: NUL }),
        400,
        /NUL/,
      );
    });

    it('the admin API: body, filters and path ids', async () => {
      const admin = adminApi();
      expectEnvelope(await admin('POST', '/admin/v1/Account/', { name: NUL, email: 'nul@example.com' }), 400, /NUL/);
      expectEnvelope(await admin('GET', '/admin/v1/Account/?email=a%00b'), 400, /NUL/);
      expectEnvelope(await admin('GET', '/admin/v1/Account/?name=a%00b'), 400, /NUL/);
      expectEnvelope(await admin('GET', '/admin/v1/Account/MA%00/'), 400, /NUL/);
      expectEnvelope(await admin('POST', '/admin/v1/Account/MA%00/Suspend/'), 400, /NUL/);
    });
  });

  it('a SIP username taken twice is a 409 that names no holder (and logs no HA1: e2e/log-secrets.after-spec.ts)', async () => {
    const username = newSipUsername('dup');
    const password = `Dup-${Date.now()}-Secret`;
    const realm = 'app.plivo.com';
    rememberSecrets(
      password,
      md5(`${username}:${realm}:${password}`),
      md5(`${username}@${realm}:${realm}:${password}`),
      sha256(`${username}:${realm}:${password}`),
    );
    expect((await api('POST', `${base}/SipAuth/Credential/`, { username, password })).status).toBe(201);
    expectEnvelope(
      await api('POST', `${base}/SipAuth/Credential/`, { username, password }),
      409,
      new RegExp(`^username ${username} is unavailable: choose another$`),
    );
  });

  describe('throttles (on a gateway of their own, so the address refused is not the rest of the suite)', () => {
    it('counts a NUL in the BasicAuth auth id as a failed login, and says Retry-After on the 429', async () => {
      const gateway = await startGateway(env, port + 7, { REDIS_PREFIX: `signet-test-throttle-${Date.now()}` });
      try {
        const nul = apiClient(gateway.url, 'MA\u0000NUL', 'x'.repeat(40));
        for (let i = 0; i < 20; i++) expectEnvelope(await nul('GET', `/v1/Account/MA%00NUL/`), 401, /authentication failed/);
        const refused = await apiClient(gateway.url, account.authId, 'wrong-token')('GET', `${base}/`);
        expectEnvelope(refused, 429, /too many failed authentication attempts/);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(50);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      } finally {
        await gateway.stop();
      }
    }, 40_000);

    it('says Retry-After on the session-list 429', async () => {
      const lister = await newAccount();
      const list = apiClient(baseUrl, lister.authId, lister.token);
      let res: ApiResponse | undefined;
      for (let i = 0; i < 25 && res?.status !== 429; i++) res = await list('GET', `/v1/Account/${lister.authId}/Verify/Session/`);
      expectEnvelope(res!, 429, /too many requests/);
      expect(Number(res!.headers['retry-after'])).toBeGreaterThanOrEqual(55);
      expect(Number(res!.headers['retry-after'])).toBeLessThanOrEqual(60);
    });
  });

  describe("Fastify's and the HTTP parser's own answers are envelopes", () => {
    const expectRawEnvelope = (res: { status: number; headers: Record<string, string>; body: string }, status: number, message: RegExp) => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(JSON_TYPE);
      const body = JSON.parse(res.body);
      expect(body).toEqual({ api_id: expect.stringMatching(/^[0-9a-f-]{36}$/), error: expect.stringMatching(message) });
    };

    it('a path id over 100 characters (414) and undecodable percent-encoding (400)', async () => {
      expectEnvelope(await api('GET', `${base}/Verify/App/${'a'.repeat(101)}/`), 414, /URI too long/);
      expectEnvelope(await api('GET', `${base}/Verify/App/%zz/`), 400, /malformed URL/);
    });

    it('a request head over 16 KB (431), a lower-case method and a control character in a header (400)', async () => {
      expectRawEnvelope(await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, /header fields too large/);
      expectRawEnvelope(await rawRequest(port, 'get /healthz HTTP/1.1\r\nHost: x\r\n\r\n'), 400, /unknown method/);
      expectRawEnvelope(await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n'), 400, /malformed HTTP request/);
    });

    it('a missing file under /docs is a 404, not a 405', async () => {
      expectEnvelope(await api('GET', '/docs/no-such-file.js'), 404, /not found/);
    });
  });

  describe('every response says Content-Type: application/json', () => {
    it('204s included', async () => {
      const app = await api('POST', `${base}/Verify/App/`, { name: 'ct' });
      expect(app.status).toBe(201);
      const deletedApp = await api('DELETE', `${base}/Verify/App/${app.body.app_uuid}/`);
      expect(deletedApp.status).toBe(204);
      expect(deletedApp.headers['content-type']).toMatch(JSON_TYPE);

      const sub = await api('POST', `${base}/Subaccount/`, { name: 'ct' });
      expect(sub.status).toBe(201);
      const deletedSub = await api('DELETE', `${base}/Subaccount/${sub.body.auth_id}/`);
      expect(deletedSub.status).toBe(204);
      expect(deletedSub.headers['content-type']).toMatch(JSON_TYPE);

      rememberSecrets('Content7ypePass');
      const cred = await api('POST', `${base}/SipAuth/Credential/`, { username: `ct-${Date.now()}`, password: 'Content7ypePass' });
      expect(cred.status).toBe(201);
      const deletedCred = await api('DELETE', `${base}/SipAuth/Credential/${cred.body.credential_uuid}/`);
      expect(deletedCred.status).toBe(204);
      expect(deletedCred.headers['content-type']).toMatch(JSON_TYPE);
    });

    it('and every other status the API answers', async () => {
      const responses = [
        await api('POST', `${base}/Verify/Session/`, { recipient: newRecipient() }),
        await api('GET', `${base}/Verify/Session/`),
        await api('GET', `${base}/`),
        await api('GET', `${base}/Verify/App/00000000-0000-0000-0000-000000000000/`),
        await api('PUT', `${base}/Verify/App/`),
        await apiClient(baseUrl, account.authId, 'wrong')('GET', `${base}/`),
        await api('GET', '/healthz'),
        await api('GET', '/readyz'),
      ];
      expect(responses.map((r) => r.status)).toEqual([202, 200, 200, 404, 405, 401, 200, 200]);
      for (const r of responses) expect(r.headers['content-type']).toMatch(JSON_TYPE);
    });
  });
});
