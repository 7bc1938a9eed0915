import { randomUUID } from 'node:crypto';
import type { Caller } from '@signet/contracts/common';
import { type SessionCreateRequest, VerifyErrors } from '@signet/contracts/verify';
import { Keyring } from '@signet/secrets';
import { APP_DEFAULTS, type AppRow } from '../apps/apps.repository.js';
import type { AppsService } from '../apps/apps.service.js';
import type { DeliveryQueue } from '../delivery/delivery.queue.js';
import type { EventsRelay } from '@signet/outbox';
import type { ExpiryQueue } from '../expiry/expiry.queue.js';
import type { WorkflowQueue } from '../workflow/workflow.queue.js';
import { openOtp, otpHash } from '../otp/otp.js';
import type { NewSession, Opened, SessionRow, SessionsRepository } from './sessions.repository.js';
import type { BillingClient } from '../billing/billing.client.js';
import { SessionsService } from './sessions.service.js';
import type { AbuseChecks } from '../abuse/abuse-checks.js';

// The service's rules with fakes for its repository, queues and relay; keyring and OTP code are the real ones.
const ring = new Keyring('cd'.repeat(32));
const caller: Caller = { auth_id: 'MAACCOUNT00000000001', main_auth_id: 'MAACCOUNT00000000001', is_subaccount: false, data_region: 'us' };
const app: AppRow = { ...APP_DEFAULTS, uuid: randomUUID(), account_id: caller.auth_id, main_account_id: caller.auth_id, created_at: '', updated_at: '' };

class FakeSessions {
  opened: NewSession[] = [];
  /** What each call to `open` answers, in turn (undefined: no attempt left on the session in progress). */
  openResults: (Opened | undefined)[] = [];
  blocking: { uuid: string; expired: boolean } | undefined;
  expired: string[][] = [];
  tries = new Map<string, Buffer>();
  rows = new Map<string, SessionRow>();
  verified: string[] = [];
  verifyResult = true;

  async open(s: NewSession): Promise<Opened | undefined> {
    this.opened.push(s);
    return this.openResults.shift();
  }
  async openOne(): Promise<{ uuid: string; expired: boolean } | undefined> {
    return this.blocking;
  }
  async expire(uuids: string[]): Promise<string[]> {
    this.expired.push(uuids);
    return uuids;
  }
  async spendTry(_c: Caller, uuid: string): Promise<{ otp_hash: Buffer; country_iso2: string | null; recipient: string } | undefined> {
    const otp_hash = this.tries.get(uuid);
    return otp_hash && { otp_hash, country_iso2: 'US', recipient: '14155550100' };
  }
  async find(_c: Caller, uuid: string): Promise<SessionRow | undefined> {
    return this.rows.get(uuid);
  }
  async markVerified(uuid: string): Promise<boolean> {
    this.verified.push(uuid);
    return this.verifyResult;
  }
}

function setup(appRow: AppRow = app) {
  const sessions = new FakeSessions();
  const calls: string[] = [];
  const apps = { forSession: async () => appRow } as unknown as AppsService;
  const delivery = { enqueue: async (attempt: string, apiId?: string) => void calls.push(`deliver ${attempt} ${apiId}`) } as unknown as DeliveryQueue;
  const expiry = { schedule: async (session: string) => void calls.push(`expire ${session}`) } as unknown as ExpiryQueue;
  const relay = { kick: () => void calls.push('kick') } as unknown as EventsRelay;
  // Billing answers every charge (its refusals are billing's e2e suite's); sessions carry no charges here.
  const billing = {
    chargeAttempt: async () => ({ charge_micros: '6500', balance_micros: '1000000' }),
    release: async () => undefined,
    chargeValidation: async ({ session_uuid }: { session_uuid: string }) => (
      calls.push(`charge validation ${session_uuid}`),
      { charge_micros: '0', balance_micros: '1000000' }
    ),
    sessionCharges: async () => ({ attempts: {}, validations: {} }),
  } as unknown as BillingClient;
  const workflow = {
    afterAttempt: async (session: string, sequence: number, steps: unknown) => void (steps && calls.push(`workflow ${session} after ${sequence}`)),
  } as unknown as WorkflowQueue;
  // Abuse controls have their own specs; here every attempt passes them.
  const abuse = { screen: async () => undefined, verified: async () => undefined } as unknown as AbuseChecks;
  const service = new SessionsService(sessions as unknown as SessionsRepository, apps, delivery, expiry, relay, billing, ring, workflow, abuse);
  return { sessions, calls, service };
}

const create = (body: Partial<SessionCreateRequest['body']> = {}): SessionCreateRequest => ({
  caller,
  requestor_ip: '203.0.113.7',
  body: { recipient: '+14155550100', channel: 'sms', method: 'POST', locale: 'en', ...body },
});
const opened = (created = true, sequence = 1): Opened => ({ session_uuid: randomUUID(), created, sequence, expires_at: new Date(Date.now() + 600_000) });
const code = (e: unknown) => (e as { code?: string }).code;

describe('SessionsService.create', () => {
  it('opens a session holding only a hash and a sealed copy of the code, then enqueues its delivery and its expiry', async () => {
    const { sessions, calls, service } = setup();
    const o = opened();
    sessions.openResults = [o];
    await expect(service.create(create({ code_length: 8 }), 'api-1')).resolves.toEqual({ message: 'Session initiated', session_uuid: o.session_uuid });
    const s = sessions.opened[0];
    const plain = openOtp(ring, s.otp_sealed);
    expect(plain).toMatch(/^\d{8}$/);
    expect(s.otp_hash.equals(otpHash(ring, s.uuid, plain))).toBe(true);
    expect(s).toMatchObject({
      recipient: '14155550100',
      account_id: caller.auth_id,
      max_tries: app.max_validation_attempts,
      max_attempts: app.otp_attempts,
      code_length: 8,
    });
    expect(calls).toEqual(['kick', expect.stringMatching(/^deliver [0-9a-f-]{36} api-1$/), `expire ${o.session_uuid}`]);
  });

  it("hands the app's workflow the attempt's place in the session, and keeps the request's dtmf", async () => {
    const withWorkflow = { ...app, workflow: [{ channel: 'sms' as const, wait: 60 }, { channel: 'voice' as const }] };
    const { sessions, calls, service } = setup(withWorkflow);
    const o = opened(false, 2);
    sessions.openResults = [o, opened()];
    await service.create(create({ channel: 'voice', dtmf: 1 }));
    expect(calls).toContain(`workflow ${o.session_uuid} after 2`);
    await service.create(create());
    expect(sessions.opened.map((x) => x.dtmf)).toEqual([true, false]);
  });

  it('adds an attempt to the session in progress without scheduling its expiry again', async () => {
    const { sessions, calls, service } = setup();
    sessions.openResults = [opened(false)];
    await service.create(create());
    expect(calls.filter((c) => c.startsWith('expire'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('deliver'))).toHaveLength(1);
  });

  it.each(['sms', 'voice'] as const)('refuses the %s channel when the app has it off, before opening anything', async (channel) => {
    const { sessions, calls, service } = setup({ ...app, sms_channel: channel !== 'sms', voice_channel: channel !== 'voice' });
    await expect(service.create(create({ channel }))).rejects.toMatchObject({
      code: VerifyErrors.CHANNEL_DISABLED,
      message: `the ${channel} channel is disabled for this application`,
    });
    expect(sessions.opened).toEqual([]);
    expect(calls).toEqual([]);
  });

  it.each(['sms', 'voice'] as const)('opens a %s session when only the other channel is off', async (channel) => {
    const { sessions, service } = setup({ ...app, sms_channel: channel === 'sms', voice_channel: channel === 'voice' });
    sessions.openResults = [opened()];
    await service.create(create({ channel }));
    expect(sessions.opened[0].channel).toBe(channel);
  });

  it('takes brand name, app hash and callback from the request, else from the app (no callback: null)', async () => {
    const withApp = { ...app, brand_name: 'AppBrand', customer_app_hash: 'apphash' };
    const { sessions, service } = setup(withApp);
    sessions.openResults = [opened(), opened()];
    await service.create(create({ brand_name: 'Req', app_hash: 'reqhash', url: 'https://example.com/cb' }));
    await service.create(create());
    expect(sessions.opened.map(({ brand_name, app_hash, callback_url }) => ({ brand_name, app_hash, callback_url }))).toEqual([
      { brand_name: 'Req', app_hash: 'reqhash', callback_url: 'https://example.com/cb' },
      { brand_name: 'AppBrand', app_hash: 'apphash', callback_url: null },
    ]);
  });

  it('refuses a new attempt when the session in progress has used all its attempts, enqueueing nothing', async () => {
    const { sessions, calls, service } = setup();
    sessions.openResults = [undefined];
    sessions.blocking = { uuid: randomUUID(), expired: false };
    await expect(service.create(create())).rejects.toMatchObject({
      code: VerifyErrors.ATTEMPTS_EXHAUSTED,
      message: `this session has used all ${app.otp_attempts} delivery attempts`,
    });
    expect(sessions.expired).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('ends a session past its expiry that is not yet swept and opens a new one', async () => {
    const { sessions, calls, service } = setup();
    const o = opened();
    sessions.openResults = [undefined, o];
    sessions.blocking = { uuid: randomUUID(), expired: true };
    await expect(service.create(create())).resolves.toMatchObject({ session_uuid: o.session_uuid });
    expect(sessions.expired).toEqual([[sessions.blocking.uuid]]);
    expect(calls).toContain(`expire ${o.session_uuid}`);
  });

  it('still refuses when the second open finds no attempt left either', async () => {
    const { sessions, calls, service } = setup();
    sessions.openResults = [undefined, undefined];
    sessions.blocking = undefined;
    await expect(service.create(create())).rejects.toMatchObject({
      code: VerifyErrors.ATTEMPTS_EXHAUSTED,
      message: 'no more delivery attempts for this session',
    });
    expect(calls).toEqual([]);
  });

  it('keeps an India-region account to Indian numbers', async () => {
    const { sessions, service } = setup();
    const indian = { ...create(), caller: { ...caller, data_region: 'in' as const } };
    await expect(service.create(indian)).rejects.toMatchObject({ code: VerifyErrors.RECIPIENT_OUTSIDE_REGION });
    expect(sessions.opened).toEqual([]);
  });
});

describe('SessionsService.validate', () => {
  const row = (status: SessionRow['status'], over: Partial<SessionRow> = {}): SessionRow =>
    ({ uuid: randomUUID(), status, max_tries: 3, tries: 3, ...over }) as SessionRow;
  const validate = (service: SessionsService, session_uuid: string, otp: string) => service.validate({ caller, session_uuid, body: { otp } });

  it('accepts the right code once a try is spent, marks the session verified and kicks the relay', async () => {
    const { sessions, calls, service } = setup();
    const uuid = randomUUID();
    sessions.tries.set(uuid, otpHash(ring, uuid, '123456'));
    await expect(validate(service, uuid, '123456')).resolves.toEqual({ message: 'session validated successfully.' });
    expect(sessions.verified).toEqual([uuid]);
    expect(calls).toEqual([`charge validation ${uuid}`, 'kick']);
  });

  it('rejects a wrong code without ending the session', async () => {
    const { sessions, calls, service } = setup();
    const uuid = randomUUID();
    sessions.tries.set(uuid, otpHash(ring, uuid, '123456'));
    await expect(validate(service, uuid, '654321')).rejects.toMatchObject({ code: VerifyErrors.OTP_INVALID, message: 'invalid OTP: the code does not match' });
    expect(sessions.verified).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('does not accept a code hashed for another session', async () => {
    const { sessions, service } = setup();
    const uuid = randomUUID();
    sessions.tries.set(uuid, otpHash(ring, randomUUID(), '123456'));
    await expect(validate(service, uuid, '123456')).rejects.toMatchObject({ code: VerifyErrors.OTP_INVALID });
  });

  it.each([
    ['verified', VerifyErrors.ALREADY_VERIFIED, 'session already verified'],
    ['expired', VerifyErrors.OTP_EXPIRED, 'session expired: the OTP is no longer valid, start a new session'],
    ['in-progress', VerifyErrors.TRIES_EXHAUSTED, 'maximum validation attempts (3) reached for this session'],
  ] as const)('says why no try was left on a session that is %s', async (status, expected, message) => {
    const { sessions, service } = setup();
    const r = row(status);
    sessions.rows.set(r.uuid, r);
    await expect(validate(service, r.uuid, '123456')).rejects.toMatchObject({ code: expected, message });
  });

  it('answers not found for an unknown session and for an id that is not a uuid, without spending a try', async () => {
    const { sessions, service } = setup();
    const spent: string[] = [];
    sessions.spendTry = async (_c, uuid) => void spent.push(uuid) as undefined;
    await expect(validate(service, randomUUID(), '1')).rejects.toMatchObject({ code: VerifyErrors.SESSION_NOT_FOUND });
    expect(spent).toHaveLength(1);
    await expect(validate(service, 'not-a-uuid', '1')).rejects.toMatchObject({ code: VerifyErrors.SESSION_NOT_FOUND });
    expect(spent).toHaveLength(1);
  });

  it('reports the reason when the session ended between the try and the verification', async () => {
    const { sessions, service } = setup();
    const r = row('expired');
    sessions.tries.set(r.uuid, otpHash(ring, r.uuid, '123456'));
    sessions.rows.set(r.uuid, r);
    sessions.verifyResult = false;
    const err = await validate(service, r.uuid, '123456').catch((e: unknown) => e);
    expect(code(err)).toBe(VerifyErrors.OTP_EXPIRED);
  });
});

describe('SessionsService.get', () => {
  it('answers not found for an unknown session, and for a non-uuid id without a lookup', async () => {
    const { sessions, service } = setup();
    const looked: string[] = [];
    const find = sessions.find.bind(sessions);
    sessions.find = async (c, uuid) => (looked.push(uuid), find(c, uuid));
    await expect(service.get({ caller, session_uuid: 'x' })).rejects.toMatchObject({ code: VerifyErrors.SESSION_NOT_FOUND, message: 'session not found' });
    expect(looked).toEqual([]);
    const unknown = randomUUID();
    await expect(service.get({ caller, session_uuid: unknown })).rejects.toMatchObject({ code: VerifyErrors.SESSION_NOT_FOUND });
    expect(looked).toEqual([unknown]);
  });

  it('shows a session it finds as the Plivo session view', async () => {
    const { sessions, service } = setup();
    const r = { uuid: randomUUID(), app_uuid: app.uuid, status: 'in-progress', attempts: [] } as unknown as SessionRow;
    sessions.rows.set(r.uuid, r);
    await expect(service.get({ caller, session_uuid: r.uuid })).resolves.toMatchObject({ session_uuid: r.uuid, app_uuid: app.uuid, status: 'in-progress' });
  });
});
