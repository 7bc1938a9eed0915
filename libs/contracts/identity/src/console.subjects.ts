import { z } from 'zod';
/** Identity's API for people (the console). The gateway serves these under /console/v1/…. */
export const ConsoleSubjects = {
  signup: 'identity.console.signup',
  activate: 'identity.console.activate',
  phoneVerify: 'identity.console.phone_verify',
  phoneResend: 'identity.console.phone_resend',
  login: 'identity.console.login',
  loginChallenge: 'identity.console.login_challenge',
  loginVerify: 'identity.console.login_verify',
  refresh: 'identity.console.refresh',
  authenticate: 'identity.console.authenticate',
  logout: 'identity.console.logout',
  me: 'identity.console.me',
  passwordForgot: 'identity.console.password_forgot',
  passwordReset: 'identity.console.password_reset',
  passwordChange: 'identity.console.password_change',
  reauth: 'identity.console.reauth',
  reauthVerify: 'identity.console.reauth_verify',
  emailChange: 'identity.console.email_change',
  emailConfirm: 'identity.console.email_confirm',
  phoneChange: 'identity.console.phone_change',
  phoneConfirm: 'identity.console.phone_confirm',
  totpEnrol: 'identity.console.totp_enrol',
  totpConfirm: 'identity.console.totp_confirm',
  recoveryRegenerate: 'identity.console.recovery_regenerate',
  teamList: 'identity.console.team_list',
  teamInvite: 'identity.console.team_invite',
  inviteAccept: 'identity.console.invite_accept',
  teamUpdate: 'identity.console.team_update',
  teamRemove: 'identity.console.team_remove',
  ssoSet: 'identity.console.sso_set',
  ssoGet: 'identity.console.sso_get',
  ssoDelete: 'identity.console.sso_delete',
  ssoStart: 'identity.console.sso_start',
  ssoAcs: 'identity.console.sso_acs',
  devOutbox: 'identity.console.dev_outbox',
} as const;

/**
 * The platform's own Verify account, from which identity sends console phone codes (`SIGNET_CONSOLE_VERIFY_ACCOUNT`).
 * It is the platform's cost of running the console, not a customer's: billing-alerts never charges it.
 */
export const DEFAULT_CONSOLE_VERIFY_ACCOUNT = 'MASIGNETCONSOLE00000';

/** `SIGNET_CONSOLE_VERIFY_ACCOUNT` as identity, verify and billing-alerts read it (one variable, one rule). */
export const consoleVerifyAccountSchema = z
  .string()
  .regex(/^MA[A-Z0-9]{18}$/, 'must be MA followed by 18 of A-Z0-9')
  .default(DEFAULT_CONSOLE_VERIFY_ACCOUNT);

/** Identity's BullMQ queues; only identity adds jobs to them. */
export const IdentityQueues = {
  emails: { name: 'identity.emails', jobs: ['send'] },
} as const;
