import { z } from 'zod';
import { lenientEnum, optional } from '@signet/contracts/common';
import { CODE_CHANNELS, consoleFields as f, loginVerifyBody } from './console.messages.js';

/**
 * Re-authentication before a sensitive change: the password again, then the current second factor, exactly like a
 * login (`login_token`, factors, the SMS code sent at once without an authenticator app). The result is a
 * re-auth token: 5 minutes, single use, bound to the signed-in user who asked for it.
 */
export const reauthBody = z.object({ password: f.password });
export const reauthVerifyBody = loginVerifyBody;
export const reauthResult = z.strictObject({ reauth_token: z.string(), expires_in: z.number().int() });

/** The owner's new login email (which is how ownership moves); a code goes to the new address. */
export const emailChangeBody = z.object({ new_email: f.email, reauth_token: f.secret });
export const emailChangeStarted = z.strictObject({ message: z.string(), expires_in: z.number().int() });
/** The code the new address (or the new phone) received. */
export const changeConfirmBody = z.object({ code: f.code });
export const emailChanged = z.strictObject({ message: z.string(), email: z.string() });

/** A new 2FA phone; it is proven with a Verify code before it replaces the old one. */
export const phoneChangeBody = z.object({ phone: f.phone, reauth_token: f.secret, channel: optional(lenientEnum(CODE_CHANNELS)).default('sms') });
export const phoneChangeStarted = z.strictObject({ message: z.string(), code_sent_to: z.string(), expires_in: z.number().int() });
export const phoneChanged = z.strictObject({ message: z.string(), phone: z.string() });
