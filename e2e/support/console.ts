import { randomUUID } from 'node:crypto';
import { apiClient, type ApiResponse } from '@signet/testing';
import { codeIn } from './outbox.js';
import { baseUrl, newRecipient } from './stack.js';

/** Raw HTTP to /console/v1/… with an optional bearer token. */
export function consoleApi(url = baseUrl) {
  const raw = apiClient(url, 'unused', 'unused');
  return (method: string, path: string, body?: unknown, opts: { token?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> =>
    raw(method, `/console/v1${path}`, body, { authorization: opts.token ? `Bearer ${opts.token}` : '', ...(opts.headers ?? {}) });
}

export const STRONG_PASSWORD = 'Correct-Horse-Battery-42';
export const workEmail = (who: string, domain = 'acme-signet-test.com'): string => `${who}-${randomUUID().slice(0, 8)}@${domain}`;

/** The codes identity's own Verify account sent to a phone, newest first (development outbox). */
export async function phoneCodes(phone: string, count = 1, timeoutMs = 8000): Promise<string[]> {
  const api = apiClient(baseUrl, 'unused', 'unused');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api('GET', `/dev/console-outbox?recipient=${encodeURIComponent(phone)}`);
    const messages = (res.body.messages ?? []) as { text: string; channel: string }[];
    // A call speaks the code digit by digit ("4, 2, 1, 7").
    if (messages.length >= count) return messages.map((m) => (m.channel === 'voice' ? /(\d(, )?){4,8}/.exec(m.text)![0].replace(/\D/g, '') : codeIn(m.text)));
    if (Date.now() > until) throw new Error(`console outbox has ${messages.length} of ${count} messages for ${phone}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Mail kept by the development catcher for an address, newest first. */
export async function devMail(to: string, count = 1, timeoutMs = 8000): Promise<{ subject: string; text: string }[]> {
  const api = apiClient(baseUrl, 'unused', 'unused');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api('GET', `/dev/mail?to=${encodeURIComponent(to)}`);
    const messages = (res.body.messages ?? []) as { subject: string; text: string }[];
    if (messages.length >= count) return messages;
    if (Date.now() > until) throw new Error(`dev mail has ${messages.length} of ${count} messages for ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const tokenIn = (text: string): string => /token=([A-Za-z0-9_-]+)/.exec(text)![1];

export interface ConsolePerson {
  email: string;
  phone: string;
  password: string;
  authId: string;
}

/** Proves the phone with the newest code the outbox holds for it. */
export async function provePhone(phone: string, proof: string, codesBefore = 0): Promise<ApiResponse> {
  const [code] = await phoneCodes(phone, codesBefore + 1);
  return consoleApi()('POST', '/signup/phone', { token: proof, code });
}

/** Logs in with the SMS code; the access token. */
export async function loginBySms(person: { email: string; phone: string; password: string }, headers: Record<string, string> = {}): Promise<string> {
  return (await signIn(person, headers)).access_token as string;
}

/** Logs in with the SMS code; the whole answer (access and refresh tokens). */
export async function signIn(
  person: { email: string; phone: string; password: string },
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const api = consoleApi();
  const before = (await phoneCodes(person.phone, 0)).length;
  const started = await api('POST', '/login', { email: person.email, password: person.password }, { headers });
  if (started.status !== 200) throw new Error(`login: ${started.status} ${JSON.stringify(started.body)}`);
  const [code] = await phoneCodes(person.phone, before + 1);
  const done = await api('POST', '/login/verify', { login_token: started.body.login_token, method: 'sms', code }, { headers });
  if (done.status !== 200) throw new Error(`login/verify: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

/** Re-authenticates a signed-in user with the password and the SMS code; the re-auth token. */
export async function reauthBySms(person: { phone: string; password: string }, token: string): Promise<string> {
  const api = consoleApi();
  const before = (await phoneCodes(person.phone, 0)).length;
  const started = await api('POST', '/reauth', { password: person.password }, { token });
  if (started.status !== 200) throw new Error(`reauth: ${started.status} ${JSON.stringify(started.body)}`);
  const [code] = await phoneCodes(person.phone, before + 1);
  const done = await api('POST', '/reauth/verify', { login_token: started.body.login_token, method: 'sms', code }, { token });
  if (done.status !== 200) throw new Error(`reauth/verify: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body.reauth_token as string;
}

/** A whole signup through the development mail catcher: signup, activation link, phone code. */
export async function signUpOwner(): Promise<ConsolePerson> {
  const api = consoleApi();
  const person = { email: workEmail('owner'), phone: newRecipient(), password: STRONG_PASSWORD };
  const res = await api('POST', '/signup', { name: 'Owner', email: person.email, password: person.password, phone: person.phone, data_region: 'us' });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  const [mail] = await devMail(person.email);
  expectOk(await api('POST', '/signup/activate', { token: tokenIn(mail.text) }));
  expectOk(await provePhone(person.phone, res.body.phone_verification_token as string));
  return { ...person, authId: res.body.auth_id as string };
}

/** Invites someone with a role, and has them accept and prove their phone (mail from the catcher). */
export async function inviteMember(ownerToken: string, role: string): Promise<ConsolePerson & { userId: string }> {
  const api = consoleApi();
  const person = { email: workEmail(role), phone: newRecipient(), password: STRONG_PASSWORD };
  const invited = await api('POST', '/team', { email: person.email, role }, { token: ownerToken });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const [mail] = await devMail(person.email);
  const accepted = await api('POST', '/invitations/accept', { token: tokenIn(mail.text), name: `A ${role}`, password: person.password, phone: person.phone });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  expectOk(await provePhone(person.phone, accepted.body.phone_verification_token as string));
  return { ...person, authId: invited.body.auth_id as string, userId: invited.body.user_id as string };
}

function expectOk(res: ApiResponse): void {
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
}
