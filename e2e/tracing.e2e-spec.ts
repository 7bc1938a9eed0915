import { apiClient, eventually, FakeTwilio, type TestAccount } from '@signet/testing';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startStack, waitUntilReady } from '../tools/stack.mjs';
import { OtlpCollector, type CollectedSpan } from './support/otlp-collector.js';
import { Receiver } from './support/receiver.js';
import { baseUrl, env, newAccount, newRecipient } from './support/stack.js';

const SERVER = 2;

/** The chain of spans from `span` up to its trace's root, by parent id. */
function ancestry(span: CollectedSpan, spans: CollectedSpan[]): CollectedSpan[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain = [span];
  for (let s = span; s.parentSpanId && byId.has(s.parentSpanId);) chain.push((s = byId.get(s.parentSpanId)!));
  return chain;
}

// The whole stack exports its spans (OTLP/HTTP) to a collector this suite runs and keeps in memory.
describe('Traces across the stack (OpenTelemetry)', () => {
  const collector = new OtlpCollector();
  const twilio = new FakeTwilio();
  const receiver = new Receiver();
  let stack: { stop(): Promise<void> };
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    await Promise.all([collector.start(), twilio.start(), receiver.start()]);
    stack = startStack(
      { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100', SIGNET_TWILIO_API_URL: twilio.url },
      { output: process.env.E2E_LOGS ? 'prefix' : 'silent' },
    );
    await waitUntilReady(baseUrl, 60_000);
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await Promise.all([collector.stop(), twilio.stop(), receiver.stop()]);
  });

  it('follows one session create as one trace: gateway, the NATS hops, the delivery job, the provider call and the status callback', async () => {
    const root = `/v1/Account/${account.authId}/Verify`;
    const creds = twilio.addAccount([{ phone_number: '+14155550101', sms: true, voice: true }]);
    const sender = await api('POST', `${root}/Sender/`, { name: 'Twilio', provider: 'twilio', ...creds });
    const app = await api('POST', `${root}/App/`, { name: 'Traced', sender_uuids: [sender.body.sender_uuid] });
    const created = await api('POST', `${root}/Session/`, {
      recipient: newRecipient(),
      app_uuid: app.body.app_uuid,
      url: receiver.url('/status'),
      method: 'POST',
    });
    expect(created.status).toBeLessThan(300);
    const session = created.body.session_uuid as string;
    const apiId = created.body.api_id as string;

    let spans: CollectedSpan[] = [];
    let request: CollectedSpan | undefined;
    const dangling = () => {
      const ids = new Set(spans.map((s) => s.spanId));
      return spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    };
    // Spans arrive as each process exports them (a parent after its children): wait for the callback's, then for the
    // tree to close; what is still missing after that shows in the assertions below.
    await eventually(async () => {
      request = collector.spans.find((s) => s.service === 'gateway' && s.attributes['signet.api_id'] === apiId);
      spans = request ? collector.trace(request.traceId) : [];
      return spans.some((s) => s.name === 'POST webhook' && s.service === 'callback-dispatcher-worker') && dangling().length === 1;
    }, 20_000).catch(() => undefined);

    // The request is the trace's one root; every other span's parent is in the trace: one connected tree.
    expect(request).toMatchObject({ kind: SERVER, name: 'POST /v1/Account/:authId/Verify/Session', parentSpanId: undefined });
    expect(request!.attributes['http.response.status_code']).toBe(created.status);
    expect(dangling()).toEqual([request]);
    expect(new Set(spans.map((s) => s.service))).toEqual(
      new Set(['gateway', 'identity', 'verify', 'billing-alerts', 'verify-worker', 'callback-dispatcher', 'callback-dispatcher-worker']),
    );

    // The provider call hangs from the delivery job, which hangs from verify's handling of the gateway's NATS request.
    const provider = spans.find((s) => s.name === 'POST twilio')!;
    const chain = ancestry(provider, spans).map((s) => `${s.service}: ${s.name}`);
    expect(chain).toEqual([
      'verify-worker: POST twilio',
      'verify-worker: deliver sms via twilio',
      'verify-worker: process verify.otp-delivery',
      'verify: add verify.otp-delivery.deliver',
      'verify: verify.session.create process',
      'gateway: verify.session.create request',
      `gateway: ${request!.name}`,
    ]);
    // The context went on with the calls: to the vendor and to the customer's callback endpoint.
    const [, traceId] = String(twilio.sendRequests.at(-1)?.headers.traceparent).split('-');
    expect(traceId).toBe(request!.traceId);
    const callbacks = receiver.forSession(session);
    expect(callbacks.length).toBeGreaterThan(0);
    for (const r of callbacks) expect(String(r.headers.traceparent).split('-')[1]).toBe(request!.traceId);
  }, 40_000);
});
