import {
  changeConfirmBody,
  emailChangeBody,
  inviteAcceptBody,
  loginBody,
  loginChallengeBody,
  loginVerifyBody,
  passwordChangeBody,
  passwordForgotBody,
  passwordResetBody,
  phoneChangeBody,
  phoneResendBody,
  phoneVerifyBody,
  reauthBody,
  reauthVerifyBody,
  recoveryRegenerateBody,
  refreshBody,
  signupBody,
  ssoAcsBody,
  ssoSetBody,
  ssoStartBody,
  teamInviteBody,
  tokenBody,
  totpConfirmBody,
} from '@signet/contracts/identity';
import { appCreateBody } from '@signet/contracts/verify';
import { ipWhitelistAddBody, ipWhitelistSetBody, tokenRotateBody } from '@signet/contracts/identity';
import { z } from 'zod';
import { error, json, ok } from './openapi-kit.js';

const errors = { 400: error, 401: error, 403: error, 404: error, 409: error, 429: error, 503: error };
const pub = { security: [], tags: ['Console: sign-up and login'] };
/** Which roles may call: the role matrix. */
const as = (tag: string, roles: string) => ({ security: [{ console: [] }], tags: [tag], description: `Roles: ${roles}.` });
const ALL = 'owner, admin, developer, support, finance';
const userId = { name: 'user_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/** The bearer scheme of console users (the access token from /console/v1/login/verify). */
export const consoleSecurityScheme = {
  console: { type: 'http', scheme: 'bearer', description: 'console access token (15 minutes; renew with /console/v1/token/refresh)' },
};

/** Identity's API for people, under /console/v1/…. */
export function consolePaths() {
  return {
    '/console/v1/signup': {
      post: {
        ...pub,
        summary: 'Sign up with a work email, a strong password and a phone; an activation link is mailed and a code sent to the phone',
        requestBody: json(signupBody),
        responses: { 201: ok('user_id, auth_id, phone_verification_token'), ...errors },
      },
    },
    '/console/v1/signup/activate': {
      post: {
        ...pub,
        summary: 'Activate the email with the mailed link (single use, 24 hours)',
        requestBody: json(tokenBody),
        responses: { 200: ok('active'), ...errors },
      },
    },
    '/console/v1/signup/phone': {
      post: {
        ...pub,
        summary: 'Prove the phone with the code it received (through Signet Verify)',
        requestBody: json(phoneVerifyBody),
        responses: { 200: ok('active'), ...errors },
      },
    },
    '/console/v1/signup/phone/resend': {
      post: {
        ...pub,
        summary: 'Send the phone code again, by SMS or a voice call',
        requestBody: json(phoneResendBody),
        responses: { 202: ok('sent'), ...errors },
      },
    },
    '/console/v1/login': {
      post: {
        ...pub,
        summary: 'Email and password (throttled per user and address); starts a login that needs a second factor',
        requestBody: json(loginBody),
        responses: { 200: ok('login_token, factors, code_sent_to'), ...errors },
      },
    },
    '/console/v1/login/challenge': {
      post: {
        ...pub,
        summary: 'Send the SMS code, or call with it (the fallback)',
        requestBody: json(loginChallengeBody),
        responses: { 202: ok('sent'), ...errors },
      },
    },
    '/console/v1/login/verify': {
      post: {
        ...pub,
        summary: 'The second factor: sms/voice code, totp, or a recovery code; ten wrong codes end the login',
        requestBody: json(loginVerifyBody),
        responses: { 200: ok('access_token, refresh_token'), ...errors },
      },
    },
    '/console/v1/token/refresh': {
      post: {
        ...pub,
        summary:
          'Swap a refresh token for new tokens. The old one stops working; presented again, it is taken as stolen and ends that sign-in (its whole token family)',
        requestBody: json(refreshBody),
        responses: { 200: ok('tokens'), ...errors },
      },
    },
    '/console/v1/password/forgot': {
      post: {
        ...pub,
        summary: 'Mail a reset link (single use, 24 hours); the same answer for unknown emails',
        requestBody: json(passwordForgotBody),
        responses: { 202: ok('sent if known'), ...errors },
      },
    },
    '/console/v1/password/reset': {
      post: {
        ...pub,
        summary: 'Set a new password with the link; every session is signed out',
        requestBody: json(passwordResetBody),
        responses: { 200: ok('changed'), ...errors },
      },
    },
    '/console/v1/invitations/accept': {
      post: {
        ...pub,
        summary: 'Accept a team invitation: name, password, phone (then prove the phone)',
        requestBody: json(inviteAcceptBody),
        responses: { 200: ok('phone_verification_token'), ...errors },
      },
    },
    '/console/v1/sso/start': {
      post: {
        ...pub,
        summary: "Start SSO for an email whose domain has a SAML connection: the IdP's redirect URL",
        requestBody: json(ssoStartBody),
        responses: { 200: ok('redirect_url'), ...errors },
      },
    },
    '/console/v1/sso/acs': {
      post: {
        ...pub,
        summary: "Assertion consumer service: the IdP's signed SAMLResponse (HTTP-POST) gives console tokens",
        requestBody: json(ssoAcsBody),
        responses: { 200: ok('tokens'), ...errors },
      },
    },
    '/console/v1/me': { get: { ...as('Console: profile', ALL), summary: 'The signed-in user', responses: { 200: ok('user'), ...errors } } },
    '/console/v1/logout': {
      post: { ...as('Console: profile', ALL), summary: 'End this session (access and refresh tokens)', responses: { 200: ok('signed out'), ...errors } },
    },
    '/console/v1/password/change': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Change the password (needs the current one); other sessions end',
        requestBody: json(passwordChangeBody),
        responses: { 200: ok('changed'), ...errors },
      },
    },
    '/console/v1/reauth': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Re-authenticate before a sensitive change, step 1: the password again; starts an attempt needing the second factor',
        requestBody: json(reauthBody),
        responses: { 200: ok('login_token, factors, code_sent_to'), ...errors },
      },
    },
    '/console/v1/reauth/verify': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Re-authenticate, step 2: the current second factor; a re-auth token (5 minutes, single use, this session only)',
        requestBody: json(reauthVerifyBody),
        responses: { 200: ok('reauth_token, expires_in'), ...errors },
      },
    },
    '/console/v1/email/change': {
      post: {
        ...as('Console: profile', 'owner'),
        summary:
          "Change the owner's login email (how ownership moves): a re-auth token and a new work address tied to no account; a code goes to the new address",
        requestBody: json(emailChangeBody),
        responses: { 202: ok('expires_in'), ...errors },
      },
    },
    '/console/v1/email/change/confirm': {
      post: {
        ...as('Console: profile', 'owner'),
        summary: 'Confirm with the code the new address received (5 tries): the login and account email move, every session ends, the old address is told',
        requestBody: json(changeConfirmBody),
        responses: { 200: ok('email'), ...errors },
      },
    },
    '/console/v1/2fa/phone': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Change the 2FA phone: a re-auth token, then a Verify code goes to the new number',
        requestBody: json(phoneChangeBody),
        responses: { 202: ok('code_sent_to, expires_in'), ...errors },
      },
    },
    '/console/v1/2fa/phone/confirm': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Confirm with the code the new number received: it replaces the old one',
        requestBody: json(changeConfirmBody),
        responses: { 200: ok('phone'), ...errors },
      },
    },
    '/console/v1/2fa/totp': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Start authenticator enrolment: secret, otpauth:// URI and QR code',
        responses: { 201: ok('enrolment'), ...errors },
      },
    },
    '/console/v1/2fa/totp/confirm': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Confirm with a first code; returns ten single-use recovery codes (shown once)',
        requestBody: json(totpConfirmBody),
        responses: { 200: ok('recovery_codes'), ...errors },
      },
    },
    '/console/v1/2fa/recovery-codes': {
      post: {
        ...as('Console: profile', ALL),
        summary: 'Regenerate the recovery codes (needs a current authenticator code)',
        requestBody: json(recoveryRegenerateBody),
        responses: { 201: ok('recovery_codes'), ...errors },
      },
    },
    '/console/v1/team': {
      get: { ...as('Console: team', 'owner, admin'), summary: 'Team members', responses: { 200: ok('members'), ...errors } },
      post: {
        ...as('Console: team', 'owner, admin'),
        summary: 'Invite by email with a role (admin, developer, support, finance)',
        requestBody: json(teamInviteBody),
        responses: { 201: ok('member'), ...errors },
      },
    },
    '/console/v1/team/{user_id}': {
      patch: {
        ...as('Console: team', 'owner, admin'),
        summary: "Change a member's role (never the owner's)",
        parameters: [userId],
        requestBody: json(z.object({ role: teamInviteBody.shape.role })),
        responses: { 200: ok('member'), ...errors },
      },
      delete: {
        ...as('Console: team', 'owner, admin'),
        summary: 'Remove a member (never the owner)',
        parameters: [userId],
        responses: { 200: ok('removed'), ...errors },
      },
    },
    '/console/v1/sso': {
      get: { ...as('Console: SSO', 'owner, admin'), summary: "The account's SAML connection", responses: { 200: ok('connection'), ...errors } },
      put: {
        ...as('Console: SSO', 'owner, admin'),
        summary: "Connect the caller's email domain to a SAML IdP (metadata_xml or metadata_url)",
        requestBody: json(ssoSetBody),
        responses: { 200: ok('connection'), ...errors },
      },
      delete: {
        ...as('Console: SSO', 'owner, admin'),
        summary: 'Delete the connection: the domain logs in with passwords again',
        responses: { 200: ok('deleted'), ...errors },
      },
    },
    '/console/v1/billing': {
      get: { ...as('Console: account', 'owner, admin, finance'), summary: 'Balance and billing mode', responses: { 200: ok('billing'), ...errors } },
    },
    '/console/v1/logs/verify': {
      get: { ...as('Console: account', 'owner, admin, developer, support'), summary: 'Verify session logs', responses: { 200: ok('sessions'), ...errors } },
    },
    '/console/v1/applications': {
      get: { ...as('Console: account', 'owner, admin, developer'), summary: 'Verify applications', responses: { 200: ok('verify_apps'), ...errors } },
      post: {
        ...as('Console: account', 'owner, admin, developer'),
        summary: 'Create a Verify application',
        requestBody: json(appCreateBody),
        responses: { 201: ok('verify_app'), ...errors },
      },
    },
    '/console/v1/credentials/auth-token': {
      post: {
        ...as('Console: account', 'owner, admin, developer'),
        summary: 'Regenerate the API auth token (old one: immediately or 48h)',
        requestBody: json(tokenRotateBody),
        responses: { 201: ok('auth_token'), ...errors },
      },
    },
    '/console/v1/credentials/ip-whitelist': {
      get: { ...as('Console: account', 'owner, admin, developer'), summary: 'The API IP whitelist', responses: { 200: ok('whitelist'), ...errors } },
      post: {
        ...as('Console: account', 'owner, admin, developer'),
        summary: 'Add an address or CIDR',
        requestBody: json(ipWhitelistAddBody),
        responses: { 201: ok('entry'), ...errors },
      },
    },
    '/console/v1/credentials/ip-whitelist/settings': {
      post: {
        ...as('Console: account', 'owner, admin, developer'),
        summary: 'Turn enforcement on or off',
        requestBody: json(ipWhitelistSetBody),
        responses: { 202: ok('changed'), ...errors },
      },
    },
    '/console/v1/credentials/ip-whitelist/{entry_id}': {
      delete: {
        ...as('Console: account', 'owner, admin, developer'),
        summary: 'Remove an entry',
        parameters: [{ name: 'entry_id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 204: { description: 'removed' }, ...errors },
      },
    },
  };
}
