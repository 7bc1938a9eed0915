import type { MailMessage } from '@signet/mail';

const sign = '\n\n— Signet';

export const activationMail = (to: string, name: string, link: string): MailMessage => ({
  to: [to],
  subject: 'Activate your Signet account',
  text: `Hello ${name},\n\nActivate your account by opening this link within 24 hours (it works once):\n\n${link}\n\nThen verify your phone with the code we sent it.${sign}`,
});

export const resetMail = (to: string, link: string): MailMessage => ({
  to: [to],
  subject: 'Reset your Signet password',
  text: `Someone asked to reset the password of this account. If it was you, open this link within 24 hours (it works once):\n\n${link}\n\nEvery signed-in session will be signed out. If it was not you, ignore this mail.${sign}`,
});

export const newDeviceMail = (to: string, device: string, ip: string, at: string): MailMessage => ({
  to: [to],
  subject: 'New sign-in to your Signet account',
  text: `Your account was signed in to from a new device.\n\nDevice: ${device || 'unknown'}\nAddress: ${ip}\nTime: ${at}\n\nIf this was not you, reset your password and review your team members at once.${sign}`,
});

export const invitationMail = (to: string, inviter: string, role: string, link: string): MailMessage => ({
  to: [to],
  subject: 'You are invited to a Signet account',
  text: `${inviter} invited you to their Signet account as ${role}. Accept within 7 days (the link works once):\n\n${link}${sign}`,
});

export const emailChangeCodeMail = (to: string, code: string, minutes: number): MailMessage => ({
  to: [to],
  subject: 'Confirm your new Signet login email',
  text: `The owner of a Signet account asked to make this address its login email (and so its owner).\n\nCode: ${code}\n\nIt works once, for ${minutes} minutes. If you did not expect this, ignore this mail: nothing changes without the code.${sign}`,
});

export const emailChangedMail = (to: string, next: string): MailMessage => ({
  to: [to],
  subject: 'Your Signet login email was changed',
  text: `The login email of your Signet account was changed from this address to ${next}. Every session was signed out, and the account now belongs to whoever holds ${next}.\n\nIf this was not you, contact support at once.${sign}`,
});

export const phoneChangedMail = (to: string, masked: string): MailMessage => ({
  to: [to],
  subject: 'Your Signet 2FA phone was changed',
  text: `The phone that receives your Signet sign-in codes is now ${masked}.\n\nIf this was not you, reset your password and contact support at once.${sign}`,
});
