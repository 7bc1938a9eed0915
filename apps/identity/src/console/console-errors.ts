import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';

export const linkInvalid = () => new DomainError(IdentityErrors.LINK_INVALID, 'this link or token is invalid, used or expired: request a new one');
export const loginFailed = () => new DomainError(IdentityErrors.LOGIN_FAILED, 'wrong email or password');
export const loginEnded = (why = 'this login attempt has ended') =>
  new DomainError(IdentityErrors.LOGIN_ENDED, `${why}: log in again with your email and password`);
export const sessionInvalid = () => new DomainError(IdentityErrors.SESSION_INVALID, 'not signed in: the access token is invalid or expired');
export const userNotFound = () => new DomainError(IdentityErrors.USER_NOT_FOUND, 'team member not found');
export const emailTaken = () =>
  new DomainError(IdentityErrors.EMAIL_TAKEN, 'email: this email address is already tied to an account (closed accounts keep theirs): use a different one');
export const phoneTaken = () =>
  new DomainError(IdentityErrors.PHONE_TAKEN, 'phone: this number is already tied to an account (closed accounts keep theirs): use a different one');
// The FAQ's words for a suspended and a closed account.
export const accountSuspended = () =>
  new DomainError(
    IdentityErrors.ACCOUNT_SUSPENDED,
    'your account is suspended: check your email for the suspension notice and contact support to reactivate it',
  );
export const accountClosed = () =>
  new DomainError(IdentityErrors.ACCOUNT_CLOSED, 'this account is closed: closing is irreversible, so you can no longer log in and it cannot be restored');
export const notActivated = () =>
  new DomainError(IdentityErrors.NOT_ACTIVATED, 'your account is not active yet: open the activation link we emailed you and verify your phone number');
