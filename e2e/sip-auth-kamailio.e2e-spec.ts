import { apiClient, type TestAccount } from '@signet/testing';
import { type KamailioInstance, runSipp, sipStackAvailable, startKamailio } from '../apps/sip-auth/test/sip/harness.js';
import { bootStack, baseUrl, env, newAccount } from './support/stack.js';
import { newSipUsername } from './support/sip-auth.js';

/**
 * A real SIP server using what the API manages: Kamailio 5.6 reads the `subscriber` and `address` views of the test
 * database (search_path sipauth), and sipp registers and calls through it. Fails, never skips, without the SIP stack
 * (`npm test` installs it with tools/ensure-sip.sh).
 */
describe('SIP auth with Kamailio and sipp', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let kamailio: KamailioInstance | undefined;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let base: string;

  const username = newSipUsername('kam');
  const FIRST = 'F1rstSecretPass';
  const SECOND = 'S3condSecretPass';
  let realm: string;
  let credentialUuid: string;
  let officeAcl: string;
  let officeEntry: string;
  let partnerAcl: string;
  let officeGroup: number;
  let partnerGroup: number;

  const created = async (path: string, body: Record<string, unknown>) => {
    const res = await api('POST', `${base}${path}`, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const group = async (appId: string) => (await api('GET', `${base}/Application/${appId}/`)).body.sip_auth_group as number;
  const run = (scenario: string, password: string, appGroup = 0) =>
    runSipp({ scenario, port: kamailio!.port, user: username, password, domain: realm, group: appGroup });
  // sipp's exit code is 0 only when every response arrived exactly as its scenario is written; when not, say why.
  const sipp = async (scenario: string, password: string, appGroup = 0) => {
    const result = await run(scenario, password, appGroup);
    if (result.code !== 0)
      process.stderr.write(`sipp ${scenario} exited ${result.code}\n${result.stderr}\n--- kamailio ---\n${kamailio!.logs().slice(-4000)}\n`);
    return result.code;
  };

  beforeAll(async () => {
    if (!(await sipStackAvailable())) throw new Error('kamailio, kamcmd and sipp are required for this suite: run tools/ensure-sip.sh as root');
    stack = await bootStack();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    base = `/v1/Account/${account.authId}`;

    const credential = await created('/SipAuth/Credential/', { username, password: FIRST });
    credentialUuid = credential.credential_uuid as string;
    realm = credential.realm as string;
    officeAcl = (await created('/SipAuth/IpAccessControlList/', { name: 'Office', entries: [{ ip: '127.0.0.1', description: 'this machine' }] }))
      .ip_acl_uuid as string;
    officeEntry = ((await api('GET', `${base}/SipAuth/IpAccessControlList/${officeAcl}/`)).body.entries as { entry_id: string }[])[0].entry_id;
    partnerAcl = (await created('/SipAuth/IpAccessControlList/', { name: 'Partner', entries: [{ ip: '192.0.2.0', cidr_prefix: 24 }] })).ip_acl_uuid as string;
    const office = await created('/Application/', {
      app_name: 'Office',
      answer_url: 'https://example.com/answer',
      sip_auth_type: 'credential_ip_acl',
      credential_uuid: credentialUuid,
      ip_acl_uuid: officeAcl,
    });
    const partner = await created('/Application/', {
      app_name: 'Partner',
      answer_url: 'https://example.com/answer',
      sip_auth_type: 'ip_acl',
      ip_acl_uuid: partnerAcl,
    });
    officeGroup = await group(office.app_id as string);
    partnerGroup = await group(partner.app_id as string);

    kamailio = await startKamailio({ dbUrl: env.DATABASE_URL, searchPath: 'sipauth' });
  }, 120_000);

  afterAll(async () => {
    await kamailio?.stop();
    await stack?.stop();
  });

  it('registers with the credential created through the API, and refuses a wrong password', async () => {
    expect(await sipp('register', FIRST)).toBe(0);
    expect(await sipp('register-refused', 'WrongPassw0rdX')).toBe(0);
    expect((await run('register', 'WrongPassw0rdX')).code).toBe(1);
  }, 60_000);

  it('refuses the old password and takes the new one once it is changed through the API', async () => {
    const res = await api('POST', `${base}/SipAuth/Credential/${credentialUuid}/`, { password: SECOND });
    expect(res.status).toBe(202);
    expect(await sipp('register-refused', FIRST)).toBe(0);
    expect(await sipp('register', SECOND)).toBe(0);
  }, 60_000);

  it("lets an INVITE through the application's IP ACL and digest check, and refuses a wrong password", async () => {
    expect(await sipp('invite', SECOND, officeGroup)).toBe(0);
    expect(await sipp('invite-refused', FIRST, officeGroup)).toBe(0);
  }, 60_000);

  it("refuses an INVITE from an address outside the application's IP ACL", async () => {
    expect(await sipp('invite-forbidden', SECOND, partnerGroup)).toBe(0);
  }, 60_000);

  it('follows IP ACL changes made through the API once the proxy reloads its address table', async () => {
    // cidr_prefix 0 ("allow all") reaches Kamailio as two /1 rows: a /0 row would match nobody in Kamailio 5.6.
    expect((await api('POST', `${base}/SipAuth/IpAccessControlList/${partnerAcl}/Entry/`, { ip: '0.0.0.0', cidr_prefix: 0 })).status).toBe(201);
    expect((await api('DELETE', `${base}/SipAuth/IpAccessControlList/${officeAcl}/Entry/${officeEntry}/`)).status).toBe(204);
    await kamailio!.reloadAddresses();
    expect(await sipp('invite', SECOND, partnerGroup)).toBe(0);
    expect(await sipp('invite-forbidden', SECOND, officeGroup)).toBe(0);
  }, 60_000);
});
