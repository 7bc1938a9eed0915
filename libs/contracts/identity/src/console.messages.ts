import { z } from 'zod';
import { DATA_REGIONS, lenientEnum, lenientString, optional } from '@signet/contracts/common';
import { CONSOLE_ROLES, INVITABLE_ROLES } from './console.roles.js';
import { accountName } from './messages.js';

const email = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'must be an email address' }).max(254));
/** Checked for strength by identity; here only its size, so a huge body never reaches the hasher. */
const password = z.string({ error: 'must be a string' }).min(1, 'is required').max(256, 'must be at most 256 characters');
const secret = z.string({ error: 'must be a string' }).min(1, 'is required').max(200);
const code = lenientString.pipe(z.string().trim().min(4, 'is required').max(32, 'is too long'));
const phone = lenientString.pipe(z.string().min(4, 'must be a phone number in E.164 form, like +14155550100').max(20));
/** The console's field rules, shared by every console body. */
export const consoleFields = { email, password, secret, code, phone };

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
export const signupResult = z.strictObject({
  user_id: z.string(),
  auth_id: z.string(),
  /** Proves the phone with the code sent to it (`POST /console/v1/signup/phone`). */
  phone_verification_token: z.string(),
  message: z.string(),
});
export type SignupResult = z.infer<typeof signupResult>;

/** The plain answer of a console action: what happened, in words. */
export const messageReply = z.strictObject({ message: z.string() });
/** Activation and phone proofs: whether the account now works. */
export const activationReply = z.strictObject({ message: z.string(), active: z.boolean() });

/** How a phone code travels: a text, or a call that speaks it (the fallback). */
export const CODE_CHANNELS = ['sms', 'voice'] as const;

export const tokenBody = z.object({ token: secret });
export const phoneVerifyBody = z.object({ token: secret, code });
export const phoneVerifyRequest = z.object({ client: clientInfo, body: phoneVerifyBody });
export const phoneResendBody = z.object({ token: secret, channel: optional(lenientEnum(CODE_CHANNELS)).default('sms') });

export const loginBody = z.object({ email, password });
export const loginRequest = z.object({ client: clientInfo, body: loginBody });
export type LoginRequest = z.infer<typeof loginRequest>;
export const SECOND_FACTORS = ['sms', 'voice', 'totp', 'recovery'] as const;
export type SecondFactor = (typeof SECOND_FACTORS)[number];
export const loginStarted = z.strictObject({
  login_token: z.string(),
  factors: z.array(z.enum(SECOND_FACTORS)),
  /** Where the SMS code went (masked), when one was sent. */
  code_sent_to: z.string().nullable(),
  expires_in: z.number().int(),
});
export type LoginStarted = z.infer<typeof loginStarted>;
/** A code sent (or a call placed) to the masked number. */
export const codeSentReply = z.strictObject({ message: z.string(), code_sent_to: z.string() });

export const loginChallengeBody = z.object({ login_token: secret, channel: lenientEnum(CODE_CHANNELS) });
export const loginVerifyBody = z.object({ login_token: secret, method: lenientEnum(SECOND_FACTORS), code });
export const loginVerifyRequest = z.object({ client: clientInfo, body: loginVerifyBody });
export type LoginVerifyRequest = z.infer<typeof loginVerifyRequest>;

export const consoleTokens = z.strictObject({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  refresh_expires_in: z.number().int(),
});
export type ConsoleTokens = z.infer<typeof consoleTokens>;

export const refreshBody = z.object({ refresh_token: secret });
export const authenticateConsoleRequest = z.object({ access_token: secret });

/** The person behind a console request, as identity resolved the bearer token. */
export const consoleUserSchema = z.object({
  user_id: z.string(),
  session_id: z.string(),
  auth_id: z.string(),
  email: z.string(),
  role: z.enum(CONSOLE_ROLES),
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

export const consoleCall = <S extends z.ZodType>(body: S) => z.object({ user: consoleUserSchema, client: clientInfo.optional(), body });
/** A console call that carries nothing but who makes it. */
export const consoleBare = consoleCall(z.object({}));

export const passwordForgotBody = z.object({ email });
export const passwordResetBody = z.object({ token: secret, password });
export const passwordChangeBody = z.object({ current_password: password, new_password: password });
export const totpConfirmBody = z.object({ code });
export const recoveryRegenerateBody = z.object({ code });
export const recoveryCodesResult = z.strictObject({ recovery_codes: z.array(z.string()) });

export const teamInviteBody = z.object({ email, role: lenientEnum(INVITABLE_ROLES) });
export const teamUpdateBody = z.object({ user_id: z.string().max(64), role: lenientEnum(INVITABLE_ROLES) });
export const teamRemoveBody = z.object({ user_id: z.string().max(64) });
export const inviteAcceptBody = z.object({ token: secret, name: accountName, password, phone });
export const inviteAccepted = z.strictObject({ user_id: z.string(), phone_verification_token: z.string(), message: z.string() });

export const devOutboxRequest = z.object({ recipient: z.string().max(32) });

export const consoleUserView = z.strictObject({
  user_id: z.string(),
  auth_id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(CONSOLE_ROLES),
  status: z.enum(['pending', 'active']),
  phone: z.string().nullable(),
  totp_enabled: z.boolean(),
  created_at: z.string(),
});
export type ConsoleUserView = z.infer<typeof consoleUserView>;
export const teamListResult = z.strictObject({ members: z.array(consoleUserView) });

export const totpEnrolment = z.strictObject({
  secret: z.string(),
  otpauth_uri: z.string(),
  /** A PNG data URL of the otpauth URI, for the console to show. */
  qr_code: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolment>;

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

export const ssoStartResult = z.strictObject({ redirect_url: z.string() });

export const ssoConnectionView = z.strictObject({
  domain: z.string(),
  entry_point: z.string(),
  idp_issuer: z.string().nullable(),
  /** Where the identity provider must post its responses, and the entity id it must address them to. */
  acs_url: z.string(),
  sp_entity_id: z.string(),
  created_at: z.string(),
});
export type SsoConnectionView = z.infer<typeof ssoConnectionView>;
