import { randomUUID } from 'node:crypto';
import { adminApi } from './support/admin.js';
import { consoleApi, devMail, inviteMember, loginBySms, phoneCodes, reauthBySms, signIn, signUpOwner, workEmail } from './support/console.js';
import { bootStack, newRecipient } from './support/stack.js';

/** Account care through the gateway: refresh-token replay, re-authentication, the 2FA phone, the owner's login email. */
describe('console account care', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  const api = consoleApi();
  const admin = adminApi();
  let owner: Awaited<ReturnType<typeof signUpOwner>>;
  let token = '';

  /** The newest mail to an address whose subject matches. */
  const mailFor = async (to: string, subject: RegExp) => {
    const until = Date.now() + 8000;
    for (;;) {
      const found = (await devMail(to)).find((m) => subject.test(m.subject));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no mail "${subject}" to ${to}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    stack = await bootStack();
    owner = await signUpOwner();
    token = await loginBySms(owner);
  }, 60_000);
  afterAll(() => stack?.stop());

  it('ends the whole token family when a spent refresh token comes back, and only that family', async () => {
    const first = await signIn(owner);
    const other = await signIn(owner);
    const second = await api('POST', '/token/refresh', { refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    const third = await api('POST', '/token/refresh', { refresh_token: second.body.refresh_token });
    expect(third.status).toBe(200);
    expect((await api('GET', '/me', undefined, { token: third.body.access_token as string })).status).toBe(200);

    const replay = await api('POST', '/token/refresh', { refresh_token: first.refresh_token });
    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatch(/already used/);
    // The family's live tokens, handed out after the replayed one, end with it.
    expect((await api('GET', '/me', undefined, { token: third.body.access_token as string })).status).toBe(401);
    expect((await api('POST', '/token/refresh', { refresh_token: third.body.refresh_token })).status).toBe(401);
    // Another sign-in of the same user is another family.
    expect((await api('GET', '/me', undefined, { token: other.access_token as string })).status).toBe(200);
    expect((await api('POST', '/token/refresh', { refresh_token: other.refresh_token })).status).toBe(200);
  });

  it('re-authenticates with the password and the current factor; the token is single use and for this session only', async () => {
    expect((await api('POST', '/reauth', { password: 'Not-The-Password-1' }, { token })).status).toBe(401);
    const started = await api('POST', '/reauth', { password: owner.password }, { token });
    expect(started.body).toMatchObject({ factors: ['sms', 'voice'], code_sent_to: expect.stringMatching(/^\+1•+\d{4}$/) });
    const [code] = await phoneCodes(owner.phone, 1);
    // A re-auth attempt never opens a session.
    expect((await api('POST', '/login/verify', { login_token: started.body.login_token, method: 'sms', code })).status).toBe(401);
    const wrong = await api('POST', '/reauth/verify', { login_token: started.body.login_token, method: 'sms', code: '000000' }, { token });
    expect(wrong.body.error).toMatch(/9 tries left/);
    const done = await api('POST', '/reauth/verify', { login_token: started.body.login_token, method: 'sms', code }, { token });
    expect(done.status).toBe(200);
    expect(done.body.expires_in).toBe(300);

    const elsewhere = await loginBySms(owner);
    const phone = newRecipient();
    const bound = await api('POST', '/2fa/phone', { phone, reauth_token: done.body.reauth_token }, { token: elsewhere });
    expect(bound.status).toBe(403);
    expect(bound.body.error).toMatch(/re-authenticate/);
    expect((await api('POST', '/2fa/phone', { phone, reauth_token: done.body.reauth_token }, { token })).status).toBe(202);
    expect((await api('POST', '/2fa/phone', { phone, reauth_token: done.body.reauth_token }, { token })).status).toBe(403);
  });

  it('changes the 2FA phone: the current factor first, then the new number proven by a Verify code', async () => {
    const taken = (await inviteMember(token, 'support')).phone;
    const reauth = await reauthBySms(owner, token);
    expect((await api('POST', '/2fa/phone', { phone: taken, reauth_token: reauth }, { token })).status).toBe(409);
    expect((await api('POST', '/2fa/phone', { phone: 'call me', reauth_token: reauth }, { token })).status).toBe(400);
    const phone = newRecipient();
    const started = await api('POST', '/2fa/phone', { phone, reauth_token: reauth }, { token });
    expect(started.status).toBe(202);
    expect(started.body.code_sent_to).toMatch(new RegExp(`^\\+1•+${phone.slice(-4)}$`));
    const [code] = await phoneCodes(phone, 1);
    expect((await api('POST', '/2fa/phone/confirm', { code: code === '000000' ? '111111' : '000000' }, { token })).status).toBe(401);
    const confirmed = await api('POST', '/2fa/phone/confirm', { code }, { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.phone).toBe(phone);
    expect((await api('POST', '/2fa/phone/confirm', { code }, { token })).status).toBe(409);

    expect((await api('GET', '/me', undefined, { token })).body.phone).toBe(phone);
    expect((await mailFor(owner.email, /2FA phone was changed/)).text).toContain(phone.slice(-4));
    owner = { ...owner, phone };
    // Sign-in codes now go to the new number.
    await loginBySms(owner);
  });

  it("moves the owner's login email (and so ownership) with a code to the new address; refuses taken ones", async () => {
    const member = await inviteMember(token, 'admin');
    const memberToken = await loginBySms(member);
    expect((await api('POST', '/email/change', { new_email: workEmail('x'), reauth_token: 'scx_none' }, { token: memberToken })).status).toBe(403);

    const closed = workEmail('closed');
    const opened = await admin('POST', '/admin/v1/Account/', { name: 'Closed Co', email: closed, data_region: 'us' });
    expect((await admin('POST', `/admin/v1/Account/${opened.body.auth_id}/Close/`)).status).toBe(202);
    const reauth = await reauthBySms(owner, token);
    const change = (new_email: string) => api('POST', '/email/change', { new_email, reauth_token: reauth }, { token });
    expect((await change(`me-${randomUUID()}@gmail.com`)).status).toBe(400);
    expect((await change(closed)).status).toBe(409);
    const teammate = await change(member.email);
    expect(teammate.status).toBe(409);
    expect(teammate.body.error).toMatch(/member of your team/);

    const next = workEmail('new-owner');
    expect((await change(next)).status).toBe(202);
    const code = /Code: (\d{6})/.exec((await mailFor(next, /Confirm your new Signet login email/)).text)![1];
    const wrong = await api('POST', '/email/change/confirm', { code: code === '000000' ? '111111' : '000000' }, { token });
    expect(wrong.body.error).toMatch(/4 tries left/);
    const moved = await api('POST', '/email/change/confirm', { code }, { token });
    expect(moved.status).toBe(200);
    expect(moved.body.email).toBe(next);

    // Every session ends; the old address is told; the login and the account's email moved.
    expect((await api('GET', '/me', undefined, { token })).status).toBe(401);
    expect((await mailFor(owner.email, /login email was changed/)).text).toContain(next);
    expect((await api('POST', '/login', { email: owner.email, password: owner.password })).status).toBe(401);
    token = await loginBySms({ ...owner, email: next });
    expect((await api('GET', '/me', undefined, { token })).body).toMatchObject({ email: next, role: 'owner' });
    expect((await admin('GET', `/admin/v1/Account/${owner.authId}/`)).body.email).toBe(next);
  });
});
