import { z } from 'zod';
import { DATA_REGIONS, lenientEnum, lenientString, optional } from '@signet/contracts/common';
import { type ConsoleRole, INVITABLE_ROLES } from './console.roles.js';
import { accountName } from './messages.js';

const email = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'must be an email address' }).max(254));
/** Checked for strength by identity; here only its size, so a huge body never reaches the hasher. */
const password = z.string({ error: 'must be a string' }).min(1, 'is required').max(256, 'must be at most 256 characters');
const secret = z.string({ error: 'must be a string' }).min(1, 'is required').max(200);
const code = lenientString.pipe(z.string().trim().min(4, 'is required').max(32, 'is too long'));
const phone = lenientString.pipe(z.string().min(4, 'must be a phone number in E.164 form, like +14155550100').max(20));

/** Where a request came from, as the gateway saw it: throttles count per address, devices are told apart. */
export const clientInfo = z.object({ ip: z.string().max(64), user_agent: z.string().max(512).default(''), device_id: z.string().max(128).optional() });
export type ClientInfo = z.infer<typeof clientInfo>;

export const signupBody = z.object({
  name: z.preprocess((v) => (v === null ? undefined : v), accountName),
  email,
  password,
  phone,
  data_region: lenientEnum(DATA_REGIONS),
});
export const signupRequest = z.object({ client: clientInfo, body: signupBody });
export type SignupRequest = z.infer<typeof signupRequest>;
export interface SignupResult {
  user_id: string;
  auth_id: string;
  /** Proves the phone with the code sent to it (`POST /console/v1/signup/phone`). */
  phone_verification_token: string;
  message: string;
}

export const tokenBody = z.object({ token: secret });
export const phoneVerifyBody = z.object({ token: secret, code });
export const phoneResendBody = z.object({ token: secret, channel: optional(lenientEnum(['sms', 'voice'])).default('sms') });

export const loginBody = z.object({ email, password });
export const loginRequest = z.object({ client: clientInfo, body: loginBody });
export type LoginRequest = z.infer<typeof loginRequest>;
export type SecondFactor = 'sms' | 'voice' | 'totp' | 'recovery';
export interface LoginStarted {
  login_token: string;
  factors: SecondFactor[];
  /** Where the SMS code went (masked), when one was sent. */
  code_sent_to: string | null;
  expires_in: number;
}

export const loginChallengeBody = z.object({ login_token: secret, channel: lenientEnum(['sms', 'voice']) });
export const loginVerifyBody = z.object({ login_token: secret, method: lenientEnum(['sms', 'voice', 'totp', 'recovery']), code });
export const loginVerifyRequest = z.object({ client: clientInfo, body: loginVerifyBody });
export type LoginVerifyRequest = z.infer<typeof loginVerifyRequest>;

export interface ConsoleTokens {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

export const refreshBody = z.object({ refresh_token: secret });
export const authenticateConsoleRequest = z.object({ access_token: secret });

/** The person behind a console request, as identity resolved the bearer token. */
export const consoleUserSchema = z.object({
  user_id: z.string(),
  session_id: z.string(),
  auth_id: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'admin', 'developer', 'support', 'finance']),
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

export const consoleCall = <S extends z.ZodType>(body: S) => z.object({ user: consoleUserSchema, client: clientInfo.optional(), body });

export const passwordForgotBody = z.object({ email });
export const passwordResetBody = z.object({ token: secret, password });
export const passwordChangeBody = z.object({ current_password: password, new_password: password });
export const totpConfirmBody = z.object({ code });
export const recoveryRegenerateBody = z.object({ code });

export const teamInviteBody = z.object({ email, role: lenientEnum(INVITABLE_ROLES) });
export const teamUpdateBody = z.object({ user_id: z.string().max(64), role: lenientEnum(INVITABLE_ROLES) });
export const teamRemoveBody = z.object({ user_id: z.string().max(64) });
export const inviteAcceptBody = z.object({ token: secret, name: accountName, password, phone });

export const devOutboxRequest = z.object({ recipient: z.string().max(32) });

export interface ConsoleUserView {
  user_id: string;
  auth_id: string;
  email: string;
  name: string;
  role: ConsoleRole;
  status: 'pending' | 'active';
  phone: string | null;
  totp_enabled: boolean;
  created_at: string;
}

export interface TotpEnrolment {
  secret: string;
  otpauth_uri: string;
  /** A PNG data URL of the otpauth URI, for the console to show. */
  qr_code: string;
}

/** A SAML identity provider for the caller's email domain: its metadata as XML, or a URL serving it. */
export const ssoSetBody = z
  .object({
    metadata_xml: optional(z.string().max(100_000, 'must be at most 100000 characters')),
    metadata_url: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048)),
  })
  .refine((b) => Boolean(b.metadata_xml) !== Boolean(b.metadata_url), 'give metadata_xml or metadata_url (one of them)');
export const ssoStartBody = z.object({ email });
/** What the identity provider posts to the assertion consumer service (HTTP-POST binding). */
export const ssoAcsBody = z.object({
  SAMLResponse: z.string({ error: 'SAMLResponse is required' }).min(1).max(200_000),
  RelayState: optional(z.string().max(2048)),
});

export interface SsoConnectionView {
  domain: string;
  entry_point: string;
  idp_issuer: string | null;
  /** Where the identity provider must post its responses, and the entity id it must address them to. */
  acs_url: string;
  sp_entity_id: string;
  created_at: string;
}
