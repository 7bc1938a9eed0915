import { apiClient, type TestAccount } from '@signet/testing';
import { bootStack, baseUrl, newAccount, newRecipient } from './support/stack.js';
import { outboxMessages } from './support/outbox.js';

describe('Verify applications', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let apps: string;

  beforeAll(async () => {
    stack = await bootStack();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    apps = `/v1/Account/${account.authId}/Verify/App/`;
  }, 90_000);
  afterAll(() => stack?.stop());

  it('creates, reads, lists, updates and deletes, and sessions use the app template and settings', async () => {
    const created = await api('POST', apps, {
      name: 'Checkout',
      brand_name: 'Acme',
      otp_length: 8,
      template: 'Code ${code} for ${brand_name}',
      customer_app_hash: 'FA+9qCX9VSu',
    });
    expect(created.status).toBe(201);
    const uuid = created.body.app_uuid as string;
    const got = await api('GET', `${apps}${uuid}/`);
    expect(got.body.verify_app).toMatchObject({
      app_uuid: uuid,
      name: 'Checkout',
      brand_name: 'Acme',
      otp_length: 8,
      otp_expiry: 600,
      otp_attempts: 5,
      max_validation_attempts: 10,
      sms_channel: true,
      voice_channel: true,
      is_default: false,
    });

    const recipient = newRecipient();
    await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient, app_uuid: uuid });
    const [sms] = await outboxMessages(account, recipient);
    expect(sms.text).toMatch(/^Code \d{8} for Acme\nFA\+9qCX9VSu$/);

    const updated = await api('POST', `${apps}${uuid}/`, { brand_name: 'Acme Pay', is_default: 'true' });
    expect(updated.status).toBe(202);
    expect(updated.body.verify_app).toMatchObject({ brand_name: 'Acme Pay', is_default: true });

    const listed = await api('GET', `${apps}?limit=1`);
    expect(listed.body.meta).toMatchObject({ limit: 1, offset: 0, total_count: 1 });

    // The default app cannot be deleted; another one can.
    expect((await api('DELETE', `${apps}${uuid}/`)).status).toBe(409);
    const other = await api('POST', apps, { name: 'Other' });
    const deleted = await api('DELETE', `${apps}${other.body.app_uuid}/`);
    expect(deleted.status).toBe(204);
    expect((await api('GET', `${apps}${other.body.app_uuid}/`)).status).toBe(404);
  });

  it.each([
    [{}, /name/],
    [{ name: 'x'.repeat(121) }, /name: must be at most 120/],
    [{ name: 'a', otp_length: 3 }, /otp_length: must be 4 to 8/],
    [{ name: 'a', max_validation_attempts: 11 }, /max_validation_attempts: must be 1 to 10/],
    [{ name: 'a', template: 'no code here' }, /template: must contain \$\{code\}/],
    [{ name: 'a', sms_channel: 'maybe' }, /sms_channel: must be true or false/],
  ])('refuses %j with a 400', async (body, message) => {
    const res = await api('POST', apps, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
  });
});
