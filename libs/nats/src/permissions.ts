import { BillingSubjects } from '@signet/contracts/billing';
import { CallbackSubjects } from '@signet/contracts/callbacks';
import { IdentityNotices, IdentitySubjects } from '@signet/contracts/identity';
import { SipAuthSubjects } from '@signet/contracts/sip-auth';
import { VerifySubjects } from '@signet/contracts/verify';
import { healthSubject } from '@signet/contracts/common';

/**
 * Who may say what on NATS: one user per service (its workers share it, as they share its Secret) plus `sip-proxy`
 * for Kamailio. Subjects are the contracts' (namespaced when rendered). A service answers only its own subjects,
 * requests only what its code calls (libs/nats/src/permissions.spec.ts scans the code for `.call(` and fails when a
 * call is missing here) and its own health check (tools/healthcheck.mjs, the container's), publishes only its own
 * events; only the gateway requests admin subjects.
 */
export interface NatsUser {
  /** Contract subjects (wildcards allowed) this user answers: it subscribes to them and may reply. */
  answers: string[];
  /** Contract subjects it requests (publishes to, replies come to its `_INBOX.>`). */
  requests: string[];
  /** Core notices it publishes and hears (no reply). */
  publishes: string[];
  hears: string[];
  /** Subjects it must not publish although `requests` would cover them. */
  refused?: string[];
  /** Uses JetStream (publishes events through the outbox relay, or consumes them). */
  jetstream: boolean;
}

const SERVICE_SUBJECTS = ['identity.>', 'verify.>', 'sip-auth.>', 'billing.>', 'billing-alerts.>', 'callback-dispatcher.>'];
const none: string[] = [];

export const NATS_USERS = {
  // Only identity announces credential changes, though `identity.>` covers the notice.
  gateway: {
    answers: none,
    requests: SERVICE_SUBJECTS,
    refused: [IdentityNotices.credentialsChanged],
    publishes: none,
    hears: [IdentityNotices.credentialsChanged],
    jetstream: false,
  },
  identity: {
    answers: ['identity.>'],
    requests: [
      VerifySubjects.appCreate,
      VerifySubjects.appList,
      VerifySubjects.outboxList,
      VerifySubjects.sessionCreate,
      VerifySubjects.sessionValidate,
      BillingSubjects.balanceGet,
      BillingSubjects.creditAdd,
      healthSubject('identity'),
    ],
    publishes: [IdentityNotices.credentialsChanged, 'events.identity.>'],
    hears: none,
    jetstream: true,
  },
  verify: {
    answers: ['verify.>'],
    requests: [
      BillingSubjects.chargeAttempt,
      BillingSubjects.chargeRelease,
      BillingSubjects.chargeValidation,
      BillingSubjects.sessionCharges,
      healthSubject('verify'),
    ],
    publishes: ['events.verify.>'],
    hears: none,
    jetstream: true,
  },
  'sip-auth': { answers: ['sip-auth.>'], requests: [healthSubject('sip-auth')], publishes: none, hears: none, jetstream: true },
  // The alert mail needs the account's email, which only identity's admin view carries: the one admin subject not
  // the gateway's. Alert webhooks are signed with the account's tokens, as callbacks are.
  'billing-alerts': {
    answers: ['billing.>', 'billing-alerts.>'],
    requests: [IdentitySubjects.adminAccountGet, IdentitySubjects.signingTokensGet, healthSubject('billing-alerts')],
    publishes: none,
    hears: none,
    jetstream: true,
  },
  'callback-dispatcher': {
    answers: ['callback-dispatcher.>'],
    requests: [IdentitySubjects.signingTokensGet, healthSubject('callback-dispatcher')],
    publishes: none,
    hears: [IdentityNotices.credentialsChanged],
    jetstream: true,
  },
  // Kamailio (apps/sip-auth/README.md): digest checks and address checks, nothing else.
  'sip-proxy': { answers: none, requests: [SipAuthSubjects.digestVerify, SipAuthSubjects.addressCheck], publishes: none, hears: none, jetstream: false },
} satisfies Record<string, NatsUser>;
export type NatsUserName = keyof typeof NATS_USERS;

/** The environment variable the rendered config reads a user's password from (nats-server resolves `$VAR`). */
export const natsPasswordVariable = (user: string): string => `NATS_PASSWORD_${user.toUpperCase().replaceAll('-', '_')}`;

/** The subjects a user may publish to and subscribe to, on the wire of namespace `ns`. */
export function natsPermissions(user: NatsUser, ns = ''): { publish: string[]; refused: string[]; subscribe: string[] } {
  const wire = (s: string) => (ns ? `${ns}.${s}` : s);
  const js = user.jetstream ? ['$JS.API.>', '$JS.ACK.>'] : [];
  const requester = user.requests.length > 0 || user.jetstream;
  return {
    publish: [...user.requests, ...user.publishes].map(wire).concat(js),
    refused: (user.refused ?? []).map(wire),
    subscribe: [...user.answers, ...user.hears].map(wire).concat(requester ? ['_INBOX.>'] : []),
  };
}

const list = (items: string[]) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;

/**
 * The `authorization` block of a nats-server config for every user. Passwords are `$NATS_PASSWORD_<USER>`
 * references the server resolves from its environment (a Secret), unless `passwords` gives them inline (tests).
 * Responders reply through `allow_responses` (only to the reply subject of a request they received), never `_INBOX.>`.
 */
export function natsAuthorization(ns = '', passwords?: Partial<Record<NatsUserName, string>>): string {
  const users = Object.entries(NATS_USERS).map(([name, user]) => {
    const p = natsPermissions(user, ns);
    const password = passwords ? JSON.stringify(passwords[name as NatsUserName] ?? '') : `$${natsPasswordVariable(name)}`;
    const responses = user.answers.length > 0 ? ', allow_responses: true' : '';
    const rule = (allow: string[], deny: string[] = []) =>
      allow.length === 0 ? '{ deny: [">"] }' : `{ allow: ${list(allow)}${deny.length ? `, deny: ${list(deny)}` : ''} }`;
    return `    { user: ${JSON.stringify(name)}, password: ${password}, permissions: { publish: ${rule(p.publish, p.refused)}, subscribe: ${rule(p.subscribe)}${responses} } }`;
  });
  return `authorization {\n  users: [\n${users.join('\n')}\n  ]\n}\n`;
}
