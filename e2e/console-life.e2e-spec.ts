import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import * as samlify from 'samlify';
import { simpleParser } from 'mailparser';
import { generate } from 'otplib';
import { SMTPServer } from 'smtp-server';
import { consoleApi, loginBySms, phoneCodes, provePhone, STRONG_PASSWORD, tokenIn, workEmail } from './support/console.js';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startStack, waitUntilReady } from '../tools/stack.mjs';
import { baseUrl, env, newRecipient } from './support/stack.js';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server the stack sends to: what identity's mail worker delivers lands here. */
function startSmtp(): Promise<{ server: SMTPServer; port: number; mail: Received[] }> {
  const mail: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mail.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as { port: number }).port, mail })));
}

/** A local SAML identity provider (samlify) whose metadata is served over HTTP, as a real IdP's would be. */
async function startIdp() {
  samlify.setSchemaValidator({ validate: async () => 'skipped' });
  const dir = mkdtempSync(join(tmpdir(), 'signet-idp-'));
  const cert = (name: string) => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        `/CN=${name}`,
        '-days',
        '2',
        '-keyout',
        join(dir, `${name}.key`),
        '-out',
        join(dir, `${name}.crt`),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.crt`), 'utf8') };
  };
  const real = cert('idp');
  const rogue = cert('rogue');
  const http = createServer();
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as { port: number }).port;
  const ssoUrl = `http://127.0.0.1:${port}/sso`;
  const settings = (k: { key: string; cert: string }) => ({
    entityID: `http://127.0.0.1:${port}/metadata`,
    privateKey: k.key,
    signingCert: k.cert,
    isAssertionEncrypted: false,
    singleSignOnService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: ssoUrl }],
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
  });
  const idp = samlify.IdentityProvider(settings(real));
  const rogueIdp = samlify.IdentityProvider(settings(rogue));
  http.on('request', (_req, res) => res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(idp.getMetadata()));
  const sp = samlify.ServiceProvider({
    entityID: 'signet-console',
    assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: `${baseUrl}/console/v1/sso/acs` }],
    wantAssertionsSigned: true,
  });
  return {
    http,
    ssoUrl,
    metadataUrl: `http://127.0.0.1:${port}/metadata`,
    /** The IdP's answer to the AuthnRequest in `redirect`: a signed response for `email` (signed by a stranger if `forge`). */
    async respond(redirect: URL, email: string, forge = false): Promise<string> {
      const query = Object.fromEntries(redirect.searchParams);
      const request = await idp.parseLoginRequest(sp, 'redirect', { query, octetString: '' } as never);
      const result = (await (forge ? rogueIdp : idp).createLoginResponse(sp, request as never, 'post', { email })) as { context: string };
      return result.context;
    },
  };
}

describe('the whole life of a console user, through the gateway', () => {
  let stack: { stop(): Promise<void> };
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const api = consoleApi();
  // A domain of its own: this account connects it to SSO.
  const domain = `life-${randomUUID().slice(0, 8)}.com`;
  const email = workEmail('life', domain);
  let idp: Awaited<ReturnType<typeof startIdp>>;
  let devPerson: { email: string; phone: string; password: string };
  const phone = newRecipient();
  const password = STRONG_PASSWORD;
  const laptop = { 'user-agent': 'laptop-browser', 'x-signet-device': 'laptop-1' };
  let ownerToken = '';

  const mailTo = async (to: string, subject: RegExp, timeoutMs = 10_000): Promise<Received> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = [...smtp.mail].reverse().find((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no mail "${subject}" to ${to}; got ${JSON.stringify(smtp.mail.map((m) => [m.to, m.subject]))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    // Failures counted by earlier runs (same address, same Redis prefix) must not throttle this one early.
    const redis = new Redis(env.REDIS_URL);
    const keys = await redis.keys(`${env.REDIS_PREFIX}:console-failures:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    smtp = await startSmtp();
    idp = await startIdp();
    stack = startStack(
      { ...env, SIGNET_SMTP_URL: `smtp://127.0.0.1:${smtp.port}?tls=off`, SIGNET_CONSOLE_SAML_ACS_URL: `${baseUrl}/console/v1/sso/acs` },
      { output: process.env.E2E_LOGS ? 'prefix' : 'silent' },
    );
    await waitUntilReady(baseUrl, 60_000);
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await new Promise<void>((r) => smtp?.server.close(() => r()));
    idp?.http.close();
  });

  it('refuses personal and disposable mail, weak passwords, and bad phones', async () => {
    const gmail = await api('POST', '/signup', { name: 'Me', email: `me-${randomUUID()}@gmail.com`, password, phone, data_region: 'us' });
    expect(gmail.status).toBe(400);
    expect(gmail.body.error).toMatch(/work email/);
    expect((await api('POST', '/signup', { name: 'Me', email: `me@mailinator.com`, password, phone, data_region: 'us' })).body.error).toMatch(/disposable/);
    const weak = await api('POST', '/signup', { name: 'Me', email, password: 'Password123!', phone, data_region: 'us' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatch(/password/);
    expect((await api('POST', '/signup', { name: 'Me', email, password: 'short1!A', phone, data_region: 'us' })).body.error).toMatch(/12 characters/);
    expect((await api('POST', '/signup', { name: 'Me', email, password, phone: 'call me', data_region: 'us' })).status).toBe(400);
    expect((await api('POST', '/signup', { name: 'Me', email, password, phone, data_region: 'eu' })).status).toBe(400);
  });

  it('signs up: activation mail over SMTP, the phone code from the outbox, duplicates refused', async () => {
    const res = await api('POST', '/signup', { name: 'Life Owner', email, password, phone, data_region: 'us' });
    expect(res.status).toBe(201);
    expect(res.body.auth_id).toMatch(/^MA[A-Z0-9]{18}$/);
    expect((await api('POST', '/login', { email, password })).status).toBe(403);

    const activation = await mailTo(email, /Activate/);
    const token = tokenIn(activation.text);
    expect((await api('POST', '/signup/activate', { token })).body).toMatchObject({ active: false });
    expect((await api('POST', '/signup/activate', { token })).status).toBe(400);

    expect((await api('POST', '/signup/phone', { token: res.body.phone_verification_token, code: '000000' })).status).toBe(401);
    const proven = await provePhone(phone, res.body.phone_verification_token as string);
    expect(proven.status).toBe(200);
    expect(proven.body.active).toBe(true);

    expect((await api('POST', '/signup', { name: 'Again', email: email.toUpperCase(), password, phone: newRecipient(), data_region: 'us' })).status).toBe(409);
    expect((await api('POST', '/signup', { name: 'Again', email: workEmail('other'), password, phone, data_region: 'us' })).status).toBe(409);
  });

  it('logs in with the SMS code, with a voice call as the fallback, and mails a new device', async () => {
    ownerToken = await loginBySms({ email, phone, password }, laptop);
    const me = await api('GET', '/me', undefined, { token: ownerToken });
    expect(me.body).toMatchObject({ email, role: 'owner', status: 'active', totp_enabled: false });

    const started = await api('POST', '/login', { email, password }, { headers: { 'user-agent': 'phone-app', 'x-signet-device': 'phone-1' } });
    expect(started.body).toMatchObject({ factors: ['sms', 'voice'], code_sent_to: expect.stringMatching(/^\+1•+\d{4}$/) });
    const voice = await api('POST', '/login/challenge', { login_token: started.body.login_token, channel: 'voice' });
    expect(voice.status).toBe(202);
    const [code] = await phoneCodes(phone, 1);
    const done = await api(
      'POST',
      '/login/verify',
      { login_token: started.body.login_token, method: 'voice', code },
      { headers: { 'user-agent': 'phone-app', 'x-signet-device': 'phone-1' } },
    );
    expect(done.status).toBe(200);
    expect((await mailTo(email, /New sign-in/)).text).toMatch(/phone-app/);
    // The login token worked once.
    expect((await api('POST', '/login/verify', { login_token: started.body.login_token, method: 'sms', code })).status).toBe(401);
  });

  it('enrols an authenticator app, logs in by TOTP and by a recovery code (not twice), refreshes and logs out', async () => {
    const enrol = await api('POST', '/2fa/totp', undefined, { token: ownerToken });
    expect(enrol.status).toBe(201);
    expect(enrol.body.otpauth_uri).toMatch(/^otpauth:\/\/totp\/Signet:.*secret=/);
    expect(enrol.body.qr_code).toMatch(/^data:image\/png;base64,/);
    const secret = enrol.body.secret as string;
    expect((await api('POST', '/2fa/totp/confirm', { code: '000000' }, { token: ownerToken })).status).toBe(401);
    const confirmed = await api('POST', '/2fa/totp/confirm', { code: await generate({ secret }) }, { token: ownerToken });
    expect(confirmed.status).toBe(200);
    const recovery = confirmed.body.recovery_codes as string[];
    expect(new Set(recovery).size).toBe(10);

    const byTotp = await api('POST', '/login', { email, password }, { headers: laptop });
    expect(byTotp.body).toMatchObject({ factors: ['totp', 'sms', 'voice', 'recovery'], code_sent_to: null });
    // The step just used to confirm is spent; the next step's code (within the one-step tolerance) is not.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const totpDone = await api('POST', '/login/verify', { login_token: byTotp.body.login_token, method: 'totp', code: next }, { headers: laptop });
    expect(totpDone.status).toBe(200);

    const byRecovery = await api('POST', '/login', { email, password }, { headers: laptop });
    expect(
      (
        await api(
          'POST',
          '/login/verify',
          { login_token: byRecovery.body.login_token, method: 'recovery', code: recovery[0].toUpperCase() },
          { headers: laptop },
        )
      ).status,
    ).toBe(200);
    const again = await api('POST', '/login', { email, password }, { headers: laptop });
    const reused = await api('POST', '/login/verify', { login_token: again.body.login_token, method: 'recovery', code: recovery[0] }, { headers: laptop });
    expect(reused.status).toBe(401);
    expect(reused.body.error).toMatch(/wrong code/);

    const refreshed = await api('POST', '/token/refresh', { refresh_token: totpDone.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect((await api('GET', '/me', undefined, { token: refreshed.body.access_token as string })).status).toBe(200);
    expect((await api('POST', '/logout', undefined, { token: refreshed.body.access_token as string })).status).toBe(200);
    expect((await api('GET', '/me', undefined, { token: refreshed.body.access_token as string })).status).toBe(401);
    // Both refresh tokens of the ended session are dead (a replay of a spent one: e2e/console-care.e2e-spec.ts).
    expect((await api('POST', '/token/refresh', { refresh_token: totpDone.body.refresh_token })).status).toBe(401);
    expect((await api('POST', '/token/refresh', { refresh_token: refreshed.body.refresh_token })).status).toBe(401);
  });

  it('invites a Developer, who cannot reach billing', async () => {
    const dev = await inviteMemberOverSmtp('developer');
    devPerson = dev;
    const devToken = await loginBySms(dev);
    expect((await api('GET', '/billing', undefined, { token: devToken })).status).toBe(403);
    expect((await api('GET', '/applications', undefined, { token: devToken })).status).toBe(200);
    expect((await api('GET', '/billing', undefined, { token: ownerToken })).status).toBe(200);
  });

  it('logs the domain in through a SAML IdP; other domains keep passwords; deleting the connection returns to passwords', async () => {
    const outsider = await inviteMemberOverSmtp('support', 'contractor-elsewhere.com');
    const set = await api('PUT', '/sso', { metadata_url: idp.metadataUrl }, { token: ownerToken });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ domain, entry_point: idp.ssoUrl, acs_url: `${baseUrl}/console/v1/sso/acs` });
    expect((await api('PUT', '/sso', { metadata_xml: '<nope' }, { token: ownerToken })).status).toBe(400);

    const byPassword = await api('POST', '/login', { email: devPerson.email, password });
    expect(byPassword.status).toBe(403);
    expect(byPassword.body.error).toMatch(/SSO/);
    await loginBySms(outsider);

    const started = await api('POST', '/sso/start', { email: devPerson.email });
    expect(started.status).toBe(200);
    const redirect = new URL(started.body.redirect_url as string);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(idp.ssoUrl);
    const samlResponse = await idp.respond(redirect, devPerson.email);
    const form = new URLSearchParams({ SAMLResponse: samlResponse, RelayState: redirect.searchParams.get('RelayState') ?? '' }).toString();
    const acs = await api('POST', '/sso/acs', form, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(acs.status).toBe(200);
    expect((await api('GET', '/me', undefined, { token: acs.body.access_token as string })).body).toMatchObject({ email: devPerson.email, role: 'developer' });
    expect((await api('POST', '/sso/acs', form, { headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(401);
    const forged = await idp.respond(redirect, devPerson.email, true);
    expect((await api('POST', '/sso/acs', { SAMLResponse: forged, RelayState: domain })).status).toBe(401);

    expect((await api('DELETE', '/sso', undefined, { token: ownerToken })).status).toBe(200);
    expect((await api('POST', '/login', { email: devPerson.email, password })).status).toBe(200);
    expect((await api('POST', '/sso/start', { email: devPerson.email })).status).toBe(404);
  });

  it('resets a forgotten password with a single-use link that signs every session out', async () => {
    expect((await api('GET', '/me', undefined, { token: ownerToken })).status).toBe(200);
    expect((await api('POST', '/password/forgot', { email: `nobody-${randomUUID()}@acme-signet-test.com` })).status).toBe(202);
    expect((await api('POST', '/password/forgot', { email })).status).toBe(202);
    const link = tokenIn((await mailTo(email, /Reset/)).text);
    const newPassword = 'Another-Quiet-Lighthouse-77';
    expect((await api('POST', '/password/reset', { token: link, password: 'weakpassword' })).status).toBe(400);
    expect((await api('POST', '/password/reset', { token: link, password: newPassword })).status).toBe(200);
    expect((await api('POST', '/password/reset', { token: link, password: 'Yet-Another-Lighthouse-78' })).status).toBe(400);
    expect((await api('GET', '/me', undefined, { token: ownerToken })).status).toBe(401);
    expect((await api('POST', '/login', { email, password })).status).toBe(401);
    expect((await api('POST', '/login', { email, password: newPassword })).status).toBe(200);
  });

  it('ends a login attempt after ten wrong codes, and throttles guessing with 429 and Retry-After', async () => {
    const newPassword = 'Another-Quiet-Lighthouse-77';
    const started = await api('POST', '/login', { email, password: newPassword });
    // A live SMS code of this very attempt: once the attempt has ended, even it is refused.
    expect((await api('POST', '/login/challenge', { login_token: started.body.login_token, channel: 'sms' })).status).toBe(202);
    const [code] = await phoneCodes(phone, 1);
    for (let i = 1; i <= 9; i++) {
      const wrong = await api('POST', '/login/verify', { login_token: started.body.login_token, method: 'totp', code: '000000' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toMatch(new RegExp(`${10 - i} tries left`));
    }
    const tenth = await api('POST', '/login/verify', { login_token: started.body.login_token, method: 'totp', code: '000000' });
    expect(tenth.body.error).toMatch(/10 wrong codes: this login attempt has ended/);
    expect((await api('POST', '/login/verify', { login_token: started.body.login_token, method: 'sms', code })).status).toBe(401);

    let throttled;
    for (let i = 0; i < 25 && !throttled; i++) {
      const res = await api('POST', '/login', { email, password: 'Wrong-Password-Guess-1' });
      if (res.status === 429) throttled = res;
      else expect(res.status).toBe(401);
    }
    expect(throttled).toBeDefined();
    expect(Number(throttled!.headers['retry-after'])).toBeGreaterThan(0);
    // Over the limit even the right password waits.
    expect((await api('POST', '/login', { email, password: newPassword })).status).toBe(429);
  });

  async function inviteMemberOverSmtp(role: string, memberDomain = domain) {
    const person = { email: workEmail(role, memberDomain), phone: newRecipient(), password };
    const invited = await api('POST', '/team', { email: person.email, role }, { token: ownerToken });
    expect(invited.status).toBe(201);
    const accepted = await api('POST', '/invitations/accept', {
      token: tokenIn((await mailTo(person.email, /invited/)).text),
      name: 'Dev',
      password,
      phone: person.phone,
    });
    expect(accepted.status).toBe(200);
    expect((await provePhone(person.phone, accepted.body.phone_verification_token as string)).status).toBe(200);
    return person;
  }
});
