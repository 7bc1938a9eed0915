import { CONSOLE_ROLES, type ConsoleRole } from '@signet/contracts/identity';
import { consoleApi, inviteMember, loginBySms, signUpOwner, workEmail } from './support/console.js';
import { bootStack } from './support/stack.js';

/** Every console endpoint behind a login, with the permission it needs; each role must reach exactly its own. */
const ENDPOINTS: { name: string; method: string; path: string; body?: unknown; answers?: number; allowed: ConsoleRole[] }[] = [
  { name: 'profile', method: 'GET', path: '/me', allowed: ['owner', 'admin', 'developer', 'support', 'finance'] },
  { name: 'team list', method: 'GET', path: '/team', allowed: ['owner', 'admin'] },
  { name: 'team invite', method: 'POST', path: '/team', body: () => ({ email: workEmail('matrix'), role: 'support' }), allowed: ['owner', 'admin'] },
  { name: 'billing', method: 'GET', path: '/billing', allowed: ['owner', 'admin', 'finance'] },
  { name: 'verify logs', method: 'GET', path: '/logs/verify', allowed: ['owner', 'admin', 'developer', 'support'] },
  { name: 'applications', method: 'GET', path: '/applications', allowed: ['owner', 'admin', 'developer'] },
  {
    name: 'create application',
    method: 'POST',
    path: '/applications',
    body: () => ({ name: `matrix-${Math.random()}` }),
    allowed: ['owner', 'admin', 'developer'],
  },
  { name: 'IP whitelist', method: 'GET', path: '/credentials/ip-whitelist', allowed: ['owner', 'admin', 'developer'] },
  // An empty body: a role that may ask gets the 400 naming the missing fields, one that may not the 403.
  { name: 'owner email change', method: 'POST', path: '/email/change', body: {}, answers: 400, allowed: ['owner'] },
  { name: '2FA phone change', method: 'POST', path: '/2fa/phone', body: {}, answers: 400, allowed: ['owner', 'admin', 'developer', 'support', 'finance'] },
  {
    name: 'auth token rotation',
    method: 'POST',
    path: '/credentials/auth-token',
    body: () => ({ expire_old: '48h' }),
    allowed: ['owner', 'admin', 'developer'],
  },
];

describe('console roles: each role can do exactly what it should', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  const tokens = {} as Record<ConsoleRole, string>;
  const api = consoleApi();

  beforeAll(async () => {
    stack = await bootStack();
    const owner = await signUpOwner();
    tokens.owner = await loginBySms(owner);
    for (const role of CONSOLE_ROLES.filter((r) => r !== 'owner')) tokens[role] = await loginBySms(await inviteMember(tokens.owner, role));
  }, 120_000);
  afterAll(() => stack?.stop());

  it.each(CONSOLE_ROLES)('%s', async (role) => {
    const seen: Record<string, boolean> = {};
    const expected: Record<string, boolean> = {};
    for (const e of ENDPOINTS) {
      const body = typeof e.body === 'function' ? (e.body as () => unknown)() : e.body;
      const res = await api(e.method, e.path, body, { token: tokens[role] });
      const answered = e.answers ? res.status === e.answers : res.status < 300;
      if (res.status !== 403 && !answered) throw new Error(`${role} ${e.name}: ${res.status} ${JSON.stringify(res.body)}`);
      seen[e.name] = res.status !== 403;
      expected[e.name] = e.allowed.includes(role);
    }
    expect(seen).toEqual(expected);
  });

  it('never lets the owner be demoted or removed, and refuses an unknown token', async () => {
    const team = await api('GET', '/team', undefined, { token: tokens.admin });
    const owner = (team.body.members as { user_id: string; role: string }[]).find((m) => m.role === 'owner')!;
    expect((await api('PATCH', `/team/${owner.user_id}`, { role: 'support' }, { token: tokens.admin })).status).toBe(409);
    expect((await api('DELETE', `/team/${owner.user_id}`, undefined, { token: tokens.admin })).status).toBe(409);
    expect((await api('GET', '/me', undefined, { token: 'sca_nothing' })).status).toBe(401);
    expect((await api('GET', '/me')).status).toBe(401);
  });
});
