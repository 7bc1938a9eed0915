import http from 'node:http';
import fc from 'fast-check';
import type { TestAccount } from '@signet/testing';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startGateway } from '../tools/stack.mjs';
import { rawRequest } from './support/raw-http.js';
import { bootStack, env, newAccount } from './support/stack.js';

/**
 * Property-based fuzzing of every route family (fast-check, fixed seeds): bad JSON, wrong types, NUL and control
 * characters, huge and deeply nested bodies, long and malformed ids, wrong methods, garbage credentials. Whatever
 * arrives: no 5xx, every error an `{api_id, error}` envelope with a useful message, JSON content type, every process
 * still up. On a gateway of its own (own Redis prefix), so the garbage credentials throttle only this one.
 */
const SEED = 8008;
const RUNS = Number(process.env.FUZZ_RUNS ?? 2400);
const RAW_RUNS = Math.ceil(RUNS / 12);
const PORT = Number(env.GATEWAY_PORT) + 9;

interface Outcome {
  status: number;
  contentType: string;
  text: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path,
        headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const USELESS = new Set(['', 'error', 'internal error', 'internal server error', 'Client Error', 'Bad Request']);

/** The property every answer must have; returns a reason when it does not. */
function violation(method: string, o: Outcome, path = ''): string | undefined {
  if (o.status >= 500) return `status ${o.status}: ${o.text.slice(0, 200)}`;
  if (/^\/docs(\/|$|\?)/.test(path) && o.status < 400) return undefined; // the API documentation's own pages (HTML, scripts)
  if (!/^application\/json/.test(o.contentType)) return `content type ${JSON.stringify(o.contentType)} (status ${o.status})`;
  if (method === 'HEAD' || o.status === 204) return undefined;
  let body: { api_id?: unknown; error?: unknown };
  try {
    body = JSON.parse(o.text);
  } catch {
    return `not JSON (status ${o.status}): ${o.text.slice(0, 200)}`;
  }
  if (o.status >= 400) {
    if (typeof body.api_id !== 'string' || body.api_id.length < 8) return `no api_id (status ${o.status}): ${o.text.slice(0, 200)}`;
    if (typeof body.error !== 'string' || USELESS.has(body.error) || body.error.length < 8)
      return `useless error (status ${o.status}): ${o.text.slice(0, 200)}`;
    if (Object.keys(body).sort().join() !== 'api_id,error') return `error is not exactly {api_id, error}: ${o.text.slice(0, 200)}`;
  }
  return undefined;
}

/** encodeURIComponent throws on lone surrogates; those travel as U+FFFD. */
const encode = (s: string): string => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

// ---- arbitraries -------------------------------------------------------------------------------------------
const nasty = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u202e',
  '\ud800',
  '\ufeff',
  '\n',
  '\r\n',
  '\t',
  '%',
  '%00',
  '../',
  '"',
  "'",
  '\\',
  '${code}',
  '💥',
);
const nastyString = fc.tuple(fc.string({ maxLength: 12 }), nasty, fc.string({ maxLength: 12 })).map(([a, n, b]) => `${a}${n}${b}`);
const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  nastyString,
  fc.string({ minLength: 200, maxLength: 3000 }),
);
const wrongType = fc.oneof(
  anyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

const FIELDS = [
  'recipient',
  'app_uuid',
  'channel',
  'url',
  'method',
  'locale',
  'brand_name',
  'app_hash',
  'code_length',
  'otp',
  'OTP',
  'name',
  'otp_length',
  'otp_expiry',
  'otp_attempts',
  'template',
  'template_uuid',
  'is_default',
  'customer_app_hash',
  'city',
  'address',
  'enabled',
  'username',
  'password',
  'ip_address',
  'cidr_prefix',
  'description',
  'app_name',
  'answer_url',
  'answer_method',
  'sip_auth_type',
  'credential_uuid',
  'ip_acl_uuid',
  'email',
  'data_region',
  'limit',
  'offset',
  'subaccount',
  'alias',
  'status',
  'session_time__gt',
  'cascade',
];
const fieldBag = fc.dictionary(fc.constantFrom(...FIELDS), wrongType, { maxKeys: 6 });

const deepNest = fc.integer({ min: 500, max: 20_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`);
const deepObject = fc.integer({ min: 200, max: 3000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`);
const body = fc.oneof(
  { weight: 5, arbitrary: fieldBag.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) }, // bad JSON, mostly
  {
    weight: 1,
    arbitrary: fc.constantFrom('{', '{"a":', '[1,', 'null', '""', '"x"', '1e999', '{"name":"\\u0000"}', '{"name":"\\ud800"}', '{"__proto__":{"x":1}}'),
  },
  { weight: 1, arbitrary: deepNest },
  { weight: 1, arbitrary: deepObject },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 200_000 }).map((n) => JSON.stringify({ name: 'x'.repeat(n) })) },
  {
    weight: 1,
    arbitrary: fieldBag.map((b) =>
      new URLSearchParams(Object.entries(b).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString(),
    ),
  },
);

const uuidish = fc.oneof(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'));
const segment = fc.oneof(
  { weight: 3, arbitrary: uuidish },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map(encode) },
  { weight: 1, arbitrary: fc.string({ minLength: 90, maxLength: 400, unit: 'grapheme-ascii' }).map(encode) },
  { weight: 1, arbitrary: fc.constantFrom('%00', 'a%00b', '%zz', '%', '%E0%A4%A', '..', '%2F', 'MA%00', '%C0%AE', '%FF', '%u0000', '@', ':id') },
  { weight: 1, arbitrary: nastyString.map(encode) },
);

type Family = (id: string, me: string) => string;
const FAMILIES: Family[] = [
  (id, me) => `/v1/Account/${me}/Verify/Session/`,
  (id, me) => `/v1/Account/${me}/Verify/Session/${id}/`,
  (id, me) => `/v1/Account/${me}/Verify/App/`,
  (id, me) => `/v1/Account/${me}/Verify/App/${id}/`,
  (_id, me) => `/v1/Account/${me}/`,
  (id) => `/v1/Account/${id}/`,
  (id, me) => `/v1/Account/${me}/Subaccount/`,
  (id, me) => `/v1/Account/${me}/Subaccount/${id}/`,
  (_id, me) => `/v1/Account/${me}/IpWhitelist/`,
  (id, me) => `/v1/Account/${me}/SipAuth/Credential/`,
  (id, me) => `/v1/Account/${me}/SipAuth/Credential/${id}/`,
  (id, me) => `/v1/Account/${me}/SipAuth/IpAccessControlList/`,
  (id, me) => `/v1/Account/${me}/SipAuth/IpAccessControlList/${id}/`,
  (id, me) => `/v1/Account/${me}/SipAuth/IpAccessControlList/${id}/Entry/`,
  (id, me) => `/v1/Account/${me}/SipAuth/IpAccessControlList/${id}/Entry/${id}/`,
  (id, me) => `/v1/Account/${me}/Application/`,
  (id, me) => `/v1/Account/${me}/Application/${id}/`,
  () => '/admin/v1/Account/',
  (id) => `/admin/v1/Account/${id}/`,
  (id) => `/admin/v1/Account/${id}/Suspend/`,
  (id) => `/admin/v1/Account/${id}/Reactivate/`,
  () => '/dev/outbox',
  () => '/readyz',
  (id) => `/docs/${id}`,
  (id) => `/${id}`,
];
const query = fc.option(
  fc.dictionary(fc.constantFrom(...FIELDS), anyString, { maxKeys: 4 }).map((q) => `?${new URLSearchParams(q).toString()}`),
  { nil: '' },
);
const method = fc.constantFrom('GET', 'GET', 'POST', 'POST', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD');
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=utf-16',
  undefined,
);

describe('fuzzing every route family', () => {
  let stack: Awaited<ReturnType<typeof bootStack>> & { children?: { name: string; child: { exitCode: number | null } }[] };
  let gateway: { url: string; stop(): Promise<void> };
  let account: TestAccount;
  let goodAuth: string;
  const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

  beforeAll(async () => {
    stack = await bootStack();
    gateway = await startGateway(env, PORT, { REDIS_PREFIX: `signet-test-fuzz-${Date.now()}` });
    account = await newAccount();
    goodAuth = basic(`${account.authId}:${account.token}`);
  }, 90_000);
  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  const auth = fc.oneof(
    { weight: 6, arbitrary: fc.constant('good') },
    { weight: 1, arbitrary: fc.constant('admin') },
    {
      weight: 2,
      arbitrary: fc.oneof(
        anyString.map(basic),
        nastyString.map((s) => basic(`MA${s}:${s}`)),
        fc.string({ maxLength: 40 }).map((s) => `Basic ${s}`),
        fc.constantFrom('Basic', 'Bearer x', 'Basic ====', 'basic Zm9vOmJhcg==', basic('MA\u0000:x'), basic(':'), basic(`${'M'.repeat(300)}:x`)),
      ),
    },
    { weight: 1, arbitrary: fc.constant('none') },
  );

  it(`answers ${RUNS} fuzzed requests without a 5xx, each error a useful envelope`, async () => {
    const failures: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(
          method,
          fc.nat(FAMILIES.length - 1),
          segment,
          query,
          fc.option(body, { nil: undefined }),
          contentType,
          auth,
          async (m, family, id, q, payload, type, credentials) => {
            const path = FAMILIES[family](id, account.authId) + q;
            const headers: Record<string, string> = {};
            if (type) headers['content-type'] = type;
            if (credentials === 'good') headers.authorization = goodAuth;
            else if (credentials === 'admin') headers.authorization = `Bearer ${env.SIGNET_ADMIN_TOKEN}`;
            else if (credentials !== 'none') headers.authorization = credentials;
            const sent = m === 'GET' || m === 'HEAD' ? (payload !== undefined && payload.length < 2000 ? payload : undefined) : payload;
            const outcome = await send(m, path, headers, sent);
            const why = violation(m, outcome, path);
            if (why) failures.push(`${m} ${path.slice(0, 160)} [${credentials.slice(0, 20)}] body=${JSON.stringify(sent?.slice(0, 120))}: ${why}`);
            return why === undefined;
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
      .catch((err) => {
        throw new Error(`${failures.slice(0, 5).join('\n')}\n${(err as Error).message.slice(0, 1500)}`);
      });
  }, 120_000);

  it(`answers ${RAW_RUNS} malformed HTTP requests (methods, header bytes, huge heads) with envelopes`, async () => {
    const rawMethod = fc.oneof(
      fc.constantFrom('get', 'Post', 'GETT', 'G ET', 'PROPFIND', 'BREW', '\u0000GET', 'DELETE'),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
    );
    const headerValue = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 40 }),
      fc.integer({ min: 16_000, max: 40_000 }).map((n) => 'h'.repeat(n)),
    );
    const rawPath = fc.oneof(
      fc.constantFrom('/healthz', `/v1/Account/${'A'.repeat(5)}/`, '/%zz', '/ x', '*', '//', '/readyz?\u0000'),
      segment.map((s) => `/v1/Account/${s}/Verify/App/`),
    );
    await fc.assert(
      fc.asyncProperty(rawMethod, rawPath, headerValue, async (m, p, value) => {
        const res = await rawRequest(PORT, Buffer.from(`${m} ${p} HTTP/1.1\r\nHost: x\r\nX-Fuzz: ${value}\r\nConnection: close\r\n\r\n`, 'latin1'));
        if (res.status === 0) return true; // the parser closed the connection without an answer (nothing was parsed)
        const why = violation(m, {
          status: res.status,
          contentType: res.headers['content-type'] ?? '',
          text: res.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ''),
        });
        if (why) throw new Error(`${JSON.stringify(m)} ${JSON.stringify(p.slice(0, 80))}: ${why}`);
        return true;
      }),
      { seed: SEED + 1, numRuns: RAW_RUNS, endOnFailure: true },
    );
  }, 60_000);

  it('leaves every process up and the stack ready', async () => {
    for (const { name, child } of stack.children ?? []) expect({ name, exitCode: child.exitCode }).toEqual({ name, exitCode: null });
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    const res = await send('GET', `/v1/Account/${account.authId}/`, { authorization: goodAuth });
    expect(res.status).toBe(200);
  });
});
