import { apiClient, type ApiResponse, type TestAccount } from '@signet/testing';
import { bootStack, baseUrl, newAccount } from './support/stack.js';
import { inBatches, md5, newSipUsername, sha256, subscriber } from './support/sip-auth.js';

/** Every rule of the SIP auth seed (credentials, IP ACLs, quotas, conflicts) and the Application bindings, over raw HTTP. */
describe('SIP auth over raw HTTP', () => {
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

  const PASSWORD = 'Sup3rSecretPass';
  const expectError = (res: ApiResponse, status: number, message: RegExp) => {
    expect({ status: res.status, error: res.body.error }).toEqual({ status, error: expect.stringMatching(message) });
    expect(res.body.api_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(res.body).sort()).toEqual(['api_id', 'error']);
  };
  const createCredential = async (username = newSipUsername(), client = api, path = base) => {
    const res = await client('POST', `${path}/SipAuth/Credential/`, { username, password: PASSWORD });
    expect(res.status).toBe(201);
    return res.body.credential_uuid as string;
  };
  const createAcl = async (body: Record<string, unknown> = { name: 'Office' }, client = api, path = base) => {
    const res = await client('POST', `${path}/SipAuth/IpAccessControlList/`, body);
    expect(res.status).toBe(201);
    return res.body.ip_acl_uuid as string;
  };

  describe('credentials', () => {
    it('creates, retrieves, lists and deletes; the realm is in every response and the password in none', async () => {
      const username = newSipUsername('alice');
      const created = await api('POST', `${base}/SipAuth/Credential/`, { username, password: PASSWORD });
      expect(created.status).toBe(201);
      const uuid = created.body.credential_uuid as string;
      const object = { credential_uuid: uuid, username, realm: 'app.plivo.com', resource_uri: `${base}/SipAuth/Credential/${uuid}/` };
      expect(created.body).toEqual({ api_id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...object });

      expect((await api('GET', `${base}/SipAuth/Credential/${uuid}/`)).body).toEqual({ api_id: expect.any(String), ...object });
      const listed = await api('GET', `${base}/SipAuth/Credential/`);
      expect(listed.status).toBe(200);
      expect(listed.body.objects).toContainEqual(object);
      expect(listed.body.meta).toMatchObject({ limit: 20, offset: 0, previous: null, total_count: expect.any(Number) });
      expect(JSON.stringify([created.body, listed.body])).not.toContain(PASSWORD);

      expect((await api('DELETE', `${base}/SipAuth/Credential/${uuid}/`)).status).toBe(204);
      expectError(await api('GET', `${base}/SipAuth/Credential/${uuid}/`), 404, /credential not found/);
      expectError(await api('DELETE', `${base}/SipAuth/Credential/${uuid}/`), 404, /credential not found/);
    });

    it.each([
      ['a username of 2 characters', { username: 'ab', password: PASSWORD }, /username: must be 3 to 64 characters/],
      ['a username of 65 characters', { username: 'a'.repeat(65), password: PASSWORD }, /username: must be 3 to 64 characters/],
      ['a space in the username', { username: 'sip user', password: PASSWORD }, /username: may contain only letters, digits, period/],
      ['another symbol in the username', { username: 'sip@user', password: PASSWORD }, /username: may contain only/],
      ['no username', { password: PASSWORD }, /username: is required/],
      ['no password', { username: 'sipuser1' }, /password: is required/],
      ['a password without a digit', { username: 'sipuser1', password: 'NoDigitsAtAllHere' }, /password: must include at least one digit/],
      ['a password without an uppercase letter', { username: 'sipuser1', password: 'nouppercase123' }, /password: must include at least one uppercase letter/],
      ['a password without a lowercase letter', { username: 'sipuser1', password: 'NOLOWERCASE123' }, /password: must include at least one lowercase letter/],
      ['a password of 11 characters', { username: 'sipuser1', password: 'Abcdefghi12' }, /password: must be 12 to 128 characters/],
      ['a password of 129 characters', { username: 'sipuser1', password: `Aa1${'x'.repeat(126)}` }, /password: must be 12 to 128 characters/],
    ])('refuses %s with a 400', async (_what, body, message) => {
      expectError(await api('POST', `${base}/SipAuth/Credential/`, body), 400, message);
    });

    it('takes usernames of 3 and 64 characters with period, underscore and hyphen, and passwords of 12 and 128', async () => {
      const suffix = newSipUsername('').slice(1);
      for (const [username, password] of [
        [`a.${suffix.slice(0, 1)}`, 'Abcdefghij12'],
        [`${suffix}_${'x'.repeat(64 - suffix.length - 1)}`, `Aa1${'x'.repeat(125)}`],
      ]) {
        const res = await api('POST', `${base}/SipAuth/Credential/`, { username, password });
        expect({ status: res.status, username: res.body.username }).toEqual({ status: 201, username });
      }
    });

    it('answers 409 for a username already taken, in this account or another (a proxy looks it up by username and realm alone)', async () => {
      const username = newSipUsername();
      await createCredential(username);
      expectError(
        await api('POST', `${base}/SipAuth/Credential/`, { username, password: PASSWORD }),
        409,
        new RegExp(`^username ${username} is unavailable: choose another$`),
      );
      const other = await newAccount();
      const otherApi = apiClient(baseUrl, other.authId, other.token);
      expectError(
        await otherApi('POST', `/v1/Account/${other.authId}/SipAuth/Credential/`, { username, password: PASSWORD }),
        409,
        new RegExp(`^username ${username} is unavailable: choose another$`),
      );
    });

    it('stores HA1 digests that match an independent computation, and updates them with the password', async () => {
      const username = newSipUsername('bob');
      const uuid = await createCredential(username);
      const realm = 'app.plivo.com';
      expect(await subscriber(username)).toEqual({
        username,
        domain: realm,
        ha1: md5(`${username}:${realm}:${PASSWORD}`),
        ha1b: md5(`${username}@${realm}:${realm}:${PASSWORD}`),
        ha1_sha256: sha256(`${username}:${realm}:${PASSWORD}`),
      });

      const next = 'An0therSecretPass';
      const updated = await api('POST', `${base}/SipAuth/Credential/${uuid}/`, { password: next, username: 'ignored' });
      expect(updated.status).toBe(202);
      expect(updated.body).toMatchObject({ message: 'changed', credential_uuid: uuid, username, realm });
      expect(await subscriber(username)).toMatchObject({ ha1: md5(`${username}:${realm}:${next}`), ha1_sha256: sha256(`${username}:${realm}:${next}`) });
      expectError(
        await api('POST', `${base}/SipAuth/Credential/${uuid}/`, { password: 'weakpassword' }),
        400,
        /password: must include at least one uppercase letter/,
      );
      expectError(await api('POST', `${base}/SipAuth/Credential/${uuid}/`, {}), 400, /password: is required/);
    });

    it("answers 404 for unknown ids, ids that are not UUIDs and another account's credential", async () => {
      expectError(await api('GET', `${base}/SipAuth/Credential/00000000-0000-4000-8000-000000000000/`), 404, /credential not found/);
      expectError(await api('GET', `${base}/SipAuth/Credential/cred-abc123-def456/`), 404, /credential not found/);
      const other = await newAccount();
      const otherApi = apiClient(baseUrl, other.authId, other.token);
      const theirs = await createCredential(newSipUsername(), otherApi, `/v1/Account/${other.authId}`);
      expectError(await api('GET', `${base}/SipAuth/Credential/${theirs}/`), 404, /credential not found/);
      expectError(await api('POST', `${base}/SipAuth/Credential/${theirs}/`, { password: PASSWORD }), 404, /credential not found/);
      expectError(await api('DELETE', `${base}/SipAuth/Credential/${theirs}/`), 404, /credential not found/);
    });

    it('refuses the 201st credential of an account with a 400 naming the limit', async () => {
      const full = await newAccount();
      const fullApi = apiClient(baseUrl, full.authId, full.token);
      const path = `/v1/Account/${full.authId}/SipAuth/Credential/`;
      const statuses = await inBatches(200, 20, async () => (await fullApi('POST', path, { username: newSipUsername(), password: PASSWORD })).status);
      expect(statuses.every((s) => s === 201)).toBe(true);
      expectError(await fullApi('POST', path, { username: newSipUsername(), password: PASSWORD }), 400, /at most 200 credentials per account/);
      const page = await fullApi('GET', `${path}?limit=20&offset=180`);
      expect(page.body.meta).toMatchObject({ total_count: 200, next: null, previous: `${path}?limit=20&offset=160` });
      const past = await fullApi('GET', `${path}?offset=400`);
      expect({ objects: past.body.objects, total: (past.body.meta as { total_count: number }).total_count }).toEqual({ objects: [], total: 200 });
    }, 60_000);
  });

  describe('IP access control lists', () => {
    it('creates with entries and defaults, retrieves, lists, renames and deletes', async () => {
      const created = await api('POST', `${base}/SipAuth/IpAccessControlList/`, {
        name: 'Office Network',
        entries: [{ ip: '203.0.113.10', cidr_prefix: 32, description: 'Primary PBX' }, { ip: '2001:DB8::1' }, { ip: '198.51.100.0', cidr_prefix: '24' }],
      });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(['api_id', 'ip_acl_uuid']);
      const uuid = created.body.ip_acl_uuid as string;
      const path = `${base}/SipAuth/IpAccessControlList/${uuid}/`;

      const got = await api('GET', path);
      expect(got.body).toEqual({
        api_id: expect.any(String),
        ip_acl_uuid: uuid,
        name: 'Office Network',
        entries: [
          { entry_id: expect.any(String), ip: '203.0.113.10', cidr_prefix: 32, description: 'Primary PBX' },
          { entry_id: expect.any(String), ip: '2001:db8::1', cidr_prefix: 128, description: '' },
          { entry_id: expect.any(String), ip: '198.51.100.0', cidr_prefix: 24, description: '' },
        ],
        resource_uri: path,
      });

      const renamed = await api('POST', path, { name: 'HQ' });
      expect(renamed).toMatchObject({ status: 202, body: { message: 'changed', name: 'HQ', ip_acl_uuid: uuid } });
      const listed = await api('GET', `${base}/SipAuth/IpAccessControlList/`);
      expect(listed.body.objects).toContainEqual(
        expect.objectContaining({ ip_acl_uuid: uuid, name: 'HQ', entries: expect.arrayContaining([expect.objectContaining({ ip: '203.0.113.10' })]) }),
      );

      expect((await api('DELETE', path)).status).toBe(204);
      expectError(await api('GET', path), 404, /IP ACL not found/);
    });

    it('adds an entry with the IPv4 default prefix of 32 and removes it', async () => {
      const uuid = await createAcl();
      const entries = `${base}/SipAuth/IpAccessControlList/${uuid}/Entry/`;
      const added = await api('POST', entries, { ip: '192.0.2.7', description: 'Softphone' });
      expect(added.status).toBe(201);
      expect(Object.keys(added.body).sort()).toEqual(['api_id', 'entry_id']);
      const entryId = added.body.entry_id as string;
      const acl = await api('GET', `${base}/SipAuth/IpAccessControlList/${uuid}/`);
      expect(acl.body.entries).toEqual([{ entry_id: entryId, ip: '192.0.2.7', cidr_prefix: 32, description: 'Softphone' }]);

      expect((await api('DELETE', `${entries}${entryId}/`)).status).toBe(204);
      expectError(await api('DELETE', `${entries}${entryId}/`), 404, /IP ACL entry not found/);
      expect((await api('GET', `${base}/SipAuth/IpAccessControlList/${uuid}/`)).body.entries).toEqual([]);
    });

    it('takes a cidr_prefix of 0 ("allow all") on both families', async () => {
      const uuid = await createAcl({
        name: 'Anyone',
        entries: [
          { ip: '0.0.0.0', cidr_prefix: 0 },
          { ip: '::', cidr_prefix: 0 },
        ],
      });
      const acl = await api('GET', `${base}/SipAuth/IpAccessControlList/${uuid}/`);
      expect(acl.body.entries).toMatchObject([
        { ip: '0.0.0.0', cidr_prefix: 0 },
        { ip: '::', cidr_prefix: 0 },
      ]);
    });

    it.each([
      ['cidr_prefix 33 on IPv4', { ip: '10.0.0.0', cidr_prefix: 33 }, /cidr_prefix: must be 0 to 32 for an IPv4 address/],
      ['cidr_prefix 129 on IPv6', { ip: '2001:db8::', cidr_prefix: 129 }, /cidr_prefix: must be 0 to 128 for an IPv6 address/],
      ['a negative cidr_prefix', { ip: '10.0.0.0', cidr_prefix: -1 }, /cidr_prefix: must be 0 to 32/],
      ['a cidr_prefix that is not a number', { ip: '10.0.0.0', cidr_prefix: 'wide' }, /cidr_prefix: must be an integer/],
      ['an invalid IP', { ip: '999.1.1.1' }, /ip: must be a valid IPv4 or IPv6 address/],
      ['a hostname for an IP', { ip: 'pbx.example.com' }, /ip: must be a valid IPv4 or IPv6 address/],
      ['an IP with its prefix inside', { ip: '10.0.0.0/8' }, /ip: must be a valid IPv4 or IPv6 address/],
      ['no ip', { cidr_prefix: 32 }, /ip: is required/],
      ['a description of 256 characters', { ip: '10.0.0.1', description: 'd'.repeat(256) }, /description: must be at most 255 characters/],
      [
        'host bits set beyond an IPv4 prefix',
        { ip: '10.0.0.5', cidr_prefix: 24 },
        /ip: 10\.0\.0\.5 has bits set beyond its \/24 prefix; did you mean 10\.0\.0\.0\/24\?/,
      ],
      ['host bits set beyond an IPv6 prefix', { ip: '2001:db8::1', cidr_prefix: 64 }, /did you mean 2001:db8::\/64\?/],
    ])('refuses an entry with %s with a 400', async (_what, body, message) => {
      const uuid = await createAcl();
      expectError(await api('POST', `${base}/SipAuth/IpAccessControlList/${uuid}/Entry/`, body), 400, message);
      expect((await api('GET', `${base}/SipAuth/IpAccessControlList/${uuid}/`)).body.entries).toEqual([]);
    });

    it('checks entries given at creation the same way, naming the entry, and creates nothing then', async () => {
      const path = `${base}/SipAuth/IpAccessControlList/`;
      const before = (await api('GET', path)).body.meta as { total_count: number };
      expectError(
        await api('POST', path, {
          name: 'Bad',
          entries: [
            { ip: '10.0.0.0', cidr_prefix: 8 },
            { ip: '10.1.2.3', cidr_prefix: 16 },
          ],
        }),
        400,
        /entries\.1\.ip: .*did you mean 10\.1\.0\.0\/16/,
      );
      expectError(await api('POST', path, { name: 'Bad', entries: [{ ip: '10.0.0.0', cidr_prefix: 33 }] }), 400, /entries\.0\.cidr_prefix: must be 0 to 32/);
      expectError(await api('POST', path, { name: 'Bad', entries: 'all' }), 400, /entries: must be a list of entries/);
      expect(((await api('GET', path)).body.meta as { total_count: number }).total_count).toBe(before.total_count);
    });

    it.each([
      ['no name', {}, /name: is required/],
      ['an empty name', { name: '' }, /name: is required/],
      ['a blank name', { name: '   ' }, /name: must not be empty/],
      ['a name of 121 characters', { name: 'n'.repeat(121) }, /name: must be 1 to 120 characters/],
    ])('refuses an ACL with %s with a 400', async (_what, body, message) => {
      expectError(await api('POST', `${base}/SipAuth/IpAccessControlList/`, body), 400, message);
    });

    it('takes names of 1 and 120 characters, and refuses a bad rename', async () => {
      const short = await createAcl({ name: 'x' });
      await createAcl({ name: 'n'.repeat(120) });
      expectError(await api('POST', `${base}/SipAuth/IpAccessControlList/${short}/`, { name: 'n'.repeat(121) }), 400, /name: must be 1 to 120 characters/);
      expectError(await api('POST', `${base}/SipAuth/IpAccessControlList/${short}/`, {}), 400, /name: is required/);
    });

    it('refuses the 51st entry, at creation or added, with a 400 naming the limit', async () => {
      const fifty = Array.from({ length: 50 }, (_, i) => ({ ip: `10.0.${i}.0`, cidr_prefix: 24 }));
      expectError(
        await api('POST', `${base}/SipAuth/IpAccessControlList/`, { name: 'Too many', entries: [...fifty, { ip: '10.1.0.0', cidr_prefix: 16 }] }),
        400,
        /at most 50 entries per IP ACL/,
      );
      const uuid = await createAcl({ name: 'Full', entries: fifty });
      expect(((await api('GET', `${base}/SipAuth/IpAccessControlList/${uuid}/`)).body.entries as unknown[]).length).toBe(50);
      expectError(
        await api('POST', `${base}/SipAuth/IpAccessControlList/${uuid}/Entry/`, { ip: '10.1.0.0', cidr_prefix: 16 }),
        400,
        /entry limit reached: at most 50 entries per IP ACL/,
      );
    });

    it('refuses the 101st IP ACL of an account with a 400 naming the limit', async () => {
      const full = await newAccount();
      const fullApi = apiClient(baseUrl, full.authId, full.token);
      const path = `/v1/Account/${full.authId}/SipAuth/IpAccessControlList/`;
      const statuses = await inBatches(100, 20, async (i) => (await fullApi('POST', path, { name: `acl ${i}` })).status);
      expect(statuses.every((s) => s === 201)).toBe(true);
      expectError(await fullApi('POST', path, { name: 'one too many' }), 400, /IP ACL limit reached: at most 100 IP ACLs per account/);
    }, 60_000);

    it("answers 404 for unknown ACLs and entries and another account's ACL", async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectError(await api('GET', `${base}/SipAuth/IpAccessControlList/${unknown}/`), 404, /IP ACL not found/);
      expectError(await api('POST', `${base}/SipAuth/IpAccessControlList/acl-abc123/Entry/`, { ip: '10.0.0.1' }), 404, /IP ACL not found/);
      const uuid = await createAcl();
      expectError(await api('DELETE', `${base}/SipAuth/IpAccessControlList/${uuid}/Entry/${unknown}/`), 404, /IP ACL entry not found/);
      expectError(await api('DELETE', `${base}/SipAuth/IpAccessControlList/${uuid}/Entry/entry-001/`), 404, /IP ACL entry not found/);

      const other = await newAccount();
      const otherApi = apiClient(baseUrl, other.authId, other.token);
      const otherBase = `/v1/Account/${other.authId}`;
      expectError(await otherApi('GET', `${otherBase}/SipAuth/IpAccessControlList/${uuid}/`), 404, /IP ACL not found/);
      expectError(await otherApi('POST', `${otherBase}/SipAuth/IpAccessControlList/${uuid}/Entry/`, { ip: '10.0.0.1' }), 404, /IP ACL not found/);
      expectError(await otherApi('DELETE', `${otherBase}/SipAuth/IpAccessControlList/${uuid}/`), 404, /IP ACL not found/);
    });
  });

  describe('applications', () => {
    const apps = () => `${base}/Application/`;

    it('creates, retrieves, lists, updates and deletes an application without SIP auth', async () => {
      const created = await api('POST', apps(), { app_name: 'Support_Line-1', answer_url: 'https://example.com/answer' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ api_id: expect.any(String), message: 'created', app_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const appId = created.body.app_id as string;
      const path = `${apps()}${appId}/`;
      expect((await api('GET', path)).body).toEqual({
        api_id: expect.any(String),
        app_id: appId,
        app_name: 'Support_Line-1',
        answer_url: 'https://example.com/answer',
        answer_method: 'POST',
        sip_auth_type: '',
        credential_uuid: null,
        ip_acl_uuid: null,
        sip_auth_group: expect.any(Number),
        sub_account: null,
        resource_uri: path,
      });
      expect((await api('POST', path, { answer_method: 'get', app_name: 'Renamed' })).body).toEqual({ api_id: expect.any(String), message: 'changed' });
      expect((await api('GET', path)).body).toMatchObject({ app_name: 'Renamed', answer_method: 'GET', answer_url: 'https://example.com/answer' });
      expect((await api('GET', apps())).body.objects).toContainEqual(expect.objectContaining({ app_id: appId }));
      expect((await api('DELETE', path)).status).toBe(204);
      expectError(await api('GET', path), 404, /application not found/);
    });

    it.each([
      ['no app_name', { answer_url: 'https://example.com/a' }, /app_name: is required/],
      ['a space in app_name', { app_name: 'My App', answer_url: 'https://example.com/a' }, /app_name: may contain only letters, digits, hyphen/],
      ['no answer_url', { app_name: 'App' }, /answer_url: is required/],
      ['an answer_url that is not a URL', { app_name: 'App', answer_url: 'answer' }, /answer_url: must be an http\(s\) URL/],
      ['an unknown answer_method', { app_name: 'App', answer_url: 'https://example.com/a', answer_method: 'PUT' }, /answer_method: must be GET or POST/],
      [
        'an unknown sip_auth_type',
        { app_name: 'App', answer_url: 'https://example.com/a', sip_auth_type: 'digest' },
        /sip_auth_type: must be "" \(none\), credential, ip_acl or credential_ip_acl/,
      ],
      [
        'sip_auth_type credential without credential_uuid',
        { app_name: 'App', answer_url: 'https://example.com/a', sip_auth_type: 'credential' },
        /credential_uuid: is required when sip_auth_type is credential/,
      ],
      [
        'sip_auth_type ip_acl without ip_acl_uuid',
        { app_name: 'App', answer_url: 'https://example.com/a', sip_auth_type: 'ip_acl' },
        /ip_acl_uuid: is required when sip_auth_type is ip_acl/,
      ],
      [
        'a credential_uuid with no sip_auth_type',
        { app_name: 'App', answer_url: 'https://example.com/a', credential_uuid: '00000000-0000-4000-8000-000000000000' },
        /credential_uuid: is used only with sip_auth_type credential/,
      ],
      [
        'a credential_uuid that is not a UUID',
        { app_name: 'App', answer_url: 'https://example.com/a', sip_auth_type: 'credential', credential_uuid: 'cred-1' },
        /credential_uuid: must be a UUID/,
      ],
    ])('refuses %s with a 400', async (_what, body, message) => {
      expectError(await api('POST', apps(), body), 400, message);
    });

    it.each(['http://169.254.169.254/latest/meta-data/', 'http://0xa9fea9fe/', 'http://[::ffff:169.254.169.254]/'])(
      'refuses an answer_url on a metadata address (%s) at create and update, and stores nothing',
      async (answerUrl) => {
        expectError(await api('POST', apps(), { app_name: 'Metadata', answer_url: answerUrl }), 400, /answer_url: host .* is not allowed/);
        expect((await api('GET', apps())).body.objects).not.toContainEqual(expect.objectContaining({ app_name: 'Metadata' }));
        const created = await api('POST', apps(), { app_name: 'Public', answer_url: 'https://example.com/answer' });
        const path = `${apps()}${created.body.app_id as string}/`;
        expectError(await api('POST', path, { answer_url: answerUrl }), 400, /answer_url: host .* is not allowed/);
        expect((await api('GET', path)).body).toMatchObject({ answer_url: 'https://example.com/answer' });
      },
    );

    it('binds a credential and an ACL; an assigned one cannot be deleted (409) until sip_auth_type is set to ""', async () => {
      const credential = await createCredential();
      const acl = await createAcl({ name: 'PBX', entries: [{ ip: '203.0.113.10' }] });
      const created = await api('POST', apps(), {
        app_name: 'Inbound',
        answer_url: 'https://example.com/answer',
        sip_auth_type: 'credential_ip_acl',
        credential_uuid: credential,
        ip_acl_uuid: acl,
      });
      expect(created.status).toBe(201);
      const path = `${apps()}${created.body.app_id}/`;
      const got = await api('GET', path);
      expect(got.body).toMatchObject({ sip_auth_type: 'credential_ip_acl', credential_uuid: credential, ip_acl_uuid: acl });
      expect(got.body.sip_auth_group).toBeGreaterThan(0);

      expectError(
        await api('DELETE', `${base}/SipAuth/Credential/${credential}/`),
        409,
        /^This credential is currently assigned to an application\. Remove the assignment first by setting sip_auth_type to empty\.$/,
      );
      expectError(
        await api('DELETE', `${base}/SipAuth/IpAccessControlList/${acl}/`),
        409,
        /^This IP ACL is currently assigned to an application\. Remove the assignment first by setting sip_auth_type to empty\.$/,
      );
      // Entries of an assigned ACL can still change.
      expect((await api('POST', `${base}/SipAuth/IpAccessControlList/${acl}/Entry/`, { ip: '203.0.113.11' })).status).toBe(201);

      expect((await api('POST', path, { sip_auth_type: '' })).status).toBe(202);
      expect((await api('GET', path)).body).toMatchObject({ sip_auth_type: '', credential_uuid: null, ip_acl_uuid: null });
      expect((await api('DELETE', `${base}/SipAuth/Credential/${credential}/`)).status).toBe(204);
      expect((await api('DELETE', `${base}/SipAuth/IpAccessControlList/${acl}/`)).status).toBe(204);
    });

    it('narrows, swaps and requires resources as the type changes', async () => {
      const [first, second] = [await createCredential(), await createCredential()];
      const acl = await createAcl();
      const created = await api('POST', apps(), { app_name: 'Swap', answer_url: 'https://example.com/a', sip_auth_type: 'credential', credential_uuid: first });
      const path = `${apps()}${created.body.app_id}/`;
      expect((await api('POST', path, { credential_uuid: second })).status).toBe(202);
      expect((await api('GET', path)).body).toMatchObject({ sip_auth_type: 'credential', credential_uuid: second });
      expect((await api('DELETE', `${base}/SipAuth/Credential/${first}/`)).status).toBe(204);

      expect((await api('POST', path, { sip_auth_type: 'credential_ip_acl', ip_acl_uuid: acl })).status).toBe(202);
      expect((await api('POST', path, { sip_auth_type: 'ip_acl' })).status).toBe(202);
      expect((await api('GET', path)).body).toMatchObject({ sip_auth_type: 'ip_acl', credential_uuid: null, ip_acl_uuid: acl });
      expect((await api('DELETE', `${base}/SipAuth/Credential/${second}/`)).status).toBe(204);
      expectError(await api('POST', path, { sip_auth_type: 'credential' }), 400, /credential_uuid: is required when sip_auth_type is credential/);
    });

    it("answers 404 when assigning another account's credential or ACL, or an unknown one", async () => {
      const other = await newAccount();
      const otherApi = apiClient(baseUrl, other.authId, other.token);
      const otherBase = `/v1/Account/${other.authId}`;
      const theirCredential = await createCredential(newSipUsername(), otherApi, otherBase);
      const theirAcl = await createAcl({ name: 'Theirs' }, otherApi, otherBase);
      const body = { app_name: 'Thief', answer_url: 'https://example.com/a' };
      expectError(await api('POST', apps(), { ...body, sip_auth_type: 'credential', credential_uuid: theirCredential }), 404, /credential not found/);
      expectError(await api('POST', apps(), { ...body, sip_auth_type: 'ip_acl', ip_acl_uuid: theirAcl }), 404, /IP ACL not found/);
      expectError(
        await api('POST', apps(), { ...body, sip_auth_type: 'ip_acl', ip_acl_uuid: '00000000-0000-4000-8000-000000000000' }),
        404,
        /IP ACL not found/,
      );

      const mine = await api('POST', apps(), body);
      const path = `${apps()}${mine.body.app_id}/`;
      expectError(await api('POST', path, { sip_auth_type: 'credential', credential_uuid: theirCredential }), 404, /credential not found/);
      expectError(await otherApi('GET', `${otherBase}/Application/${mine.body.app_id}/`), 404, /application not found/);
      expectError(await api('GET', `${apps()}20372631212782780/`), 404, /application not found/);
    });
  });

  describe('the HTTP surface', () => {
    it('answers 405 with Allow for a method a path does not take, and 401 without credentials', async () => {
      const wrong = await api('PUT', `${base}/SipAuth/Credential/`);
      expectError(wrong, 405, /not allowed/);
      expect(wrong.headers.allow).toBe('POST, GET');
      expectError(await api('GET', `${base}/SipAuth/IpAccessControlList/00000000-0000-4000-8000-000000000000/Entry/`), 405, /not allowed/);
      const anonymous = await fetch(`${baseUrl}${base}/SipAuth/Credential/`);
      expect(anonymous.status).toBe(401);
    });

    it('takes the lenient shapes SDKs send: "" bodies on GET, nulls and unknown keys, // paths', async () => {
      expect((await api('GET', `${base}/SipAuth/Credential/`, '""')).status).toBe(200);
      const created = await api('POST', `${base}//SipAuth//IpAccessControlList/`, { name: 'Lenient', entries: null, unknown: true });
      expect(created.status).toBe(201);
      expectError(await api('POST', `${base}/SipAuth/Credential/`, '{"username": '), 400, /malformed JSON/);
      expectError(await api('GET', `${base}/SipAuth/Credential/?limit=21`), 400, /limit: must be 1 to 20/);
    });

    it('limits each account to 600 SIP auth and Application requests a minute, with 429', async () => {
      const busy = await newAccount();
      const busyApi = apiClient(baseUrl, busy.authId, busy.token);
      const path = `/v1/Account/${busy.authId}/SipAuth/Credential/`;
      const statuses = await inBatches(600, 50, async (i) => (await busyApi('GET', i % 2 ? path : `/v1/Account/${busy.authId}/Application/`)).status);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expectError(await busyApi('GET', path), 429, /too many requests: at most 600 per 60 seconds/);
      expectError(await busyApi('POST', `/v1/Account/${busy.authId}/SipAuth/IpAccessControlList/`, { name: 'late' }), 429, /too many requests/);
      expect((await api('GET', `${base}/SipAuth/Credential/`)).status).toBe(200);
    }, 60_000);
  });
});
