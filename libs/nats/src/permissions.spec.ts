import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BillingSubjects } from '@signet/contracts/billing';
import { CallbackSubjects } from '@signet/contracts/callbacks';
import { ConsoleSubjects, IdentitySubjects } from '@signet/contracts/identity';
import { SipAuthSubjects } from '@signet/contracts/sip-auth';
import { VerifySubjects } from '@signet/contracts/verify';
import { parseAllDocuments } from 'yaml';
import { NATS_USERS, natsAuthorization, natsPermissions, type NatsUserName } from './permissions.js';

const root = resolve(import.meta.dirname, '../../..');
const shipped = resolve(root, 'deploy/nats/authorization.conf');
const constants: Record<string, Record<string, string>> = {
  BillingSubjects,
  CallbackSubjects,
  ConsoleSubjects,
  IdentitySubjects,
  SipAuthSubjects,
  VerifySubjects,
};

/** NATS subject matching: `*` one token, `>` the rest. */
const covers = (pattern: string, subject: string): boolean => {
  const p = pattern.split('.');
  const s = subject.split('.');
  return p.every((t, i) => t === '>' || (i < s.length && (t === '*' || t === s[i]))) && (p.at(-1) === '>' || p.length === s.length);
};

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sources(path);
    return /(?<!spec)\.ts$/.test(name) ? [path] : [];
  });

/** Every `XSubjects.key` a service's code passes to `.call(` / `.request(`, as wire-less contract subjects. */
const calledBy = (dirs: string[]): string[] =>
  dirs
    .flatMap(sources)
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\.(?:call|request)\(\s*(\w+Subjects)\.(\w+)/g)].map(
        ([, group, key]) => constants[group]?.[key] ?? `${group}.${key}`,
      ),
    );

const CODE: Record<Exclude<NatsUserName, 'sip-proxy'>, string[]> = {
  gateway: ['apps/gateway/src'],
  identity: ['apps/identity/src'],
  verify: ['apps/verify/src'],
  'sip-auth': ['apps/sip-auth/src'],
  'billing-alerts': ['apps/billing-alerts/src'],
  'callback-dispatcher': ['apps/callback-dispatcher/src'],
};

describe('NATS permissions', () => {
  it.each(Object.entries(CODE))('%s may request every subject its code calls', (user, dirs) => {
    const calls = calledBy(dirs.map((d) => resolve(root, d)));
    const allowed = natsPermissions(NATS_USERS[user as NatsUserName]).publish;
    expect(calls.filter((s) => !allowed.some((p) => covers(p, s)))).toEqual([]);
  });

  it('admin subjects are requested by the gateway, and by billing only for the account view its alert mail needs', () => {
    const admin = Object.values(IdentitySubjects).filter((s) => s.includes('.admin_account.'));
    const requesters = Object.entries(NATS_USERS).flatMap(([name, u]) => admin.filter((s) => u.requests.some((p) => covers(p, s))).map((s) => `${name} ${s}`));
    expect(requesters.filter((r) => !r.startsWith('gateway '))).toEqual([`billing-alerts ${IdentitySubjects.adminAccountGet}`]);
  });

  it("only identity answers identity's subjects; the gateway answers nothing", () => {
    const answerers = Object.entries(NATS_USERS).filter(([, u]) => u.answers.some((p) => covers(p, IdentitySubjects.accountGet)));
    expect(answerers.map(([n]) => n)).toEqual(['identity']);
    expect(natsPermissions(NATS_USERS.gateway, 'ns').subscribe).toEqual(['ns.identity.credentials.changed', '_INBOX.>']);
  });

  it('deploy/nats/authorization.conf is the rendering of this table (SIGNET_WRITE_NATS_AUTH=1 rewrites it)', () => {
    if (process.env.SIGNET_WRITE_NATS_AUTH === '1') writeFileSync(shipped, natsAuthorization());
    expect(readFileSync(shipped, 'utf8')).toBe(natsAuthorization());
    expect(natsAuthorization()).toContain('password: $NATS_PASSWORD_CALLBACK_DISPATCHER');
    const [configMap] = parseAllDocuments(execFileSync('kubectl', ['kustomize', resolve(root, 'deploy/nats')], { encoding: 'utf8' })).map(
      (d) => d.toJS() as { data: Record<string, string> },
    );
    expect(configMap.data['authorization.conf']).toBe(natsAuthorization());
  });

  it('covers() matches NATS wildcards', () => {
    expect([covers('a.>', 'a.b.c'), covers('a.*', 'a.b'), covers('a.*', 'a.b.c'), covers('a.b', 'a.c'), covers('a.b', 'a.b')]).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
  });
});
