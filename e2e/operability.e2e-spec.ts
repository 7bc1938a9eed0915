import { apiClient, type TestAccount } from '@signet/testing';
import { HEALTH_PORTS, healthUrl, scrape } from './support/metrics.js';
import { codeIn, outboxMessages } from './support/outbox.js';
import { baseUrl, bootStack, env, newAccount, newRecipient } from './support/stack.js';

type Scrape = Awaited<ReturnType<typeof scrape>>;

/**
 * What an operator sees: every process's health port after one session's life (created, delivered, verified), the
 * gateway's readiness and the queue dashboard's door.
 */
describe('operability: health ports, metrics, Bull Board', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  const before: Record<string, Scrape> = {};
  const after: Record<string, Scrape> = {};

  beforeAll(async () => {
    stack = await bootStack();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    for (const name of Object.keys(HEALTH_PORTS)) before[name] = await scrape(name);
    const recipient = newRecipient();
    const created = await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient });
    expect(created.status).toBe(202);
    const [message] = await outboxMessages(account, recipient);
    const session = `/v1/Account/${account.authId}/Verify/Session/${created.body.session_uuid as string}/`;
    expect((await api('POST', session, { otp: codeIn(message.text) })).status).toBe(200);
    // The events of that life reach their consumers through the outbox relay (milliseconds; a loaded machine is slower),
    // and a gauge read on scrape can miss one scrape when a dependency is slow: scrape until everything has shown up.
    const until = Date.now() + 15_000;
    for (;;) {
      for (const name of Object.keys(HEALTH_PORTS)) after[name] = await scrape(name);
      const handled = after['callback-dispatcher'].value('signet_events_handled_total', { outcome: 'ok' });
      const settled =
        handled > before['callback-dispatcher'].value('signet_events_handled_total', { outcome: 'ok' }) &&
        after.verify.has('signet_outbox_lag_seconds', { schema: 'verify' }) &&
        after['callback-dispatcher'].has('signet_jetstream_consumer_pending', { kind: 'pending' }) &&
        after['verify-worker'].has('signet_queue_oldest_waiting_seconds', { queue: 'verify.otp-delivery' });
      if (settled || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 60_000);

  afterAll(() => stack?.stop());

  const moved = (process: string, name: string, labels: Record<string, string> = {}) =>
    after[process].value(name, labels) - before[process].value(name, labels);

  it('every process answers /livez and /readyz on its own health port, and serves runtime metrics', async () => {
    expect(Object.keys(HEALTH_PORTS)).toHaveLength(10);
    for (const name of Object.keys(HEALTH_PORTS)) {
      const live = await fetch(healthUrl(name, '/livez'));
      const ready = await fetch(healthUrl(name, '/readyz'));
      expect({ name, live: live.status, ready: ready.status }).toEqual({ name, live: 200, ready: 200 });
      expect(after[name].has('signet_process_cpu_seconds_total')).toBe(true);
      expect(after[name].labels('signet_health_check_up').length).toBeGreaterThan(0);
    }
    expect(await (await fetch(healthUrl('verify', '/readyz'))).json()).toMatchObject({ checks: { postgres: 'ok', redis: 'ok', nats: 'ok' } });
    expect(await (await fetch(healthUrl('verify-worker', '/readyz'))).json()).toMatchObject({ checks: { redis: 'ok' } });
  });

  it('the gateway counts requests by route pattern and status, and NATS calls by subject', () => {
    const create = after.gateway.labels('signet_http_request_seconds_count').find((l) => l.method === 'POST' && /\/Verify\/Session\/?$/.test(l.route));
    expect(create?.route).toMatch(/^\/v1\/Account\/:\w+\/Verify\/Session\/?$/);
    expect(moved('gateway', 'signet_http_request_seconds_count', { method: 'POST', route: create!.route, status: '202' })).toBe(1);
    expect(moved('gateway', 'signet_nats_request_seconds_count', { subject: 'verify.session.create', outcome: 'ok' })).toBe(1);
    expect(moved('gateway', 'signet_nats_request_seconds_count', { subject: 'verify.session.validate', outcome: 'ok' })).toBe(1);
    // Routes are patterns: no account id, session uuid or recipient ever becomes a label.
    const routes = after.gateway.labels('signet_http_request_seconds_count').map((l) => l.route);
    expect(routes.filter((r) => r.includes(account.authId) || /[0-9a-f]{8}-[0-9a-f]{4}/.test(r))).toEqual([]);
  });

  it('verify counts the session created and verified; its worker times the delivery to the provider', () => {
    expect(moved('verify', 'signet_verify_sessions_created_total', { channel: 'sms' })).toBe(1);
    expect(moved('verify', 'signet_verify_sessions_verified_total')).toBe(1);
    expect(moved('verify-worker', 'signet_otp_delivery_seconds_count', { provider: 'outbox', channel: 'sms' })).toBe(1);
    expect(moved('verify-worker', 'signet_queue_jobs_processed_total', { queue: 'verify.otp-delivery', outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    for (const state of ['waiting', 'active', 'delayed', 'failed'])
      expect(after['verify-worker'].has('signet_queue_jobs', { queue: 'verify.otp-delivery', state })).toBe(true);
    expect(after['verify-worker'].has('signet_queue_oldest_waiting_seconds', { queue: 'verify.otp-delivery' })).toBe(true);
    expect(after['verify-worker'].has('signet_circuits_open')).toBe(true);
  });

  it('events: the outbox relay publishes and reports its lag; consumers report what they handled and what is pending', () => {
    // Both verify processes relay the schema's outbox (rows are shared out with SKIP LOCKED): queued, sent, verified…
    const published = ['verify', 'verify-worker'].map((p) => moved(p, 'signet_outbox_published_total', { schema: 'verify' }));
    expect(published[0] + published[1]).toBeGreaterThanOrEqual(2);
    expect(after.verify.has('signet_outbox_lag_seconds', { schema: 'verify' })).toBe(true);
    expect(moved('callback-dispatcher', 'signet_events_handled_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(after['callback-dispatcher'].has('signet_jetstream_consumer_pending', { kind: 'pending' })).toBe(true);
    expect(after['callback-dispatcher-worker'].has('signet_queue_jobs', { queue: 'callback-dispatcher.status-callbacks', state: 'delayed' })).toBe(true);
  });

  it('the gateway is ready on NATS alone and shows each service’s health as information', async () => {
    const res = await fetch(`${baseUrl}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', nats: 'ok', services: { verify: 'ok', identity: 'ok' } });
  });

  it('Bull Board at /admin/queues: 401 without the admin token, every queue with it', async () => {
    const none = await fetch(`${baseUrl}/admin/queues`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await none.json()).toMatchObject({ error: expect.stringMatching(/admin token/) });
    expect((await fetch(`${baseUrl}/admin/queues/api/queues`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const admin = { authorization: `Bearer ${env.SIGNET_ADMIN_TOKEN}` };
    expect((await fetch(`${baseUrl}/admin/queues`, { headers: admin })).status).toBe(200);
    const queues = (await (await fetch(`${baseUrl}/admin/queues/api/queues`, { headers: admin })).json()) as { queues: { name: string }[] };
    expect(queues.queues.map((q) => q.name).sort()).toEqual(
      [
        'billing.balance-alerts',
        'callback-dispatcher.status-callbacks',
        'identity.emails',
        'verify.otp-delivery',
        'verify.session-expiry',
        'verify.workflow',
      ].sort(),
    );
  });
});
