import { AccountCareRpcController } from './account-care.rpc-controller.js';
import { AccountCareService } from './account-care.service.js';
import { ConsoleChangesRepository } from './console-changes.repository.js';
import { EmailChangeService } from './email-change.service.js';
import { PhoneChangeService } from './phone-change.service.js';
import { ReauthService } from './reauth.service.js';
import { ConsoleRpcController } from './console.rpc-controller.js';
import { ConsoleSessionsRepository } from './console-sessions.repository.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { LoginService } from './login.service.js';
import { EmailsQueue } from './mail/emails.queue.js';
import { PhoneVerifier } from './phone-verifier.js';
import { SignupService } from './signup.service.js';
import { SsoRepository } from './sso/sso.repository.js';
import { SsoService } from './sso/sso.service.js';
import { TeamService } from './team.service.js';
import { ConsoleThrottle } from './throttle.js';
import { TotpService } from './totp.service.js';

export const consoleControllers = [ConsoleRpcController, AccountCareRpcController];
export const consoleProviders = [
  ConsoleUsersRepository,
  ConsoleSessionsRepository,
  ConsoleThrottle,
  PhoneVerifier,
  EmailsQueue,
  SignupService,
  LoginService,
  TotpService,
  AccountCareService,
  ConsoleChangesRepository,
  ReauthService,
  EmailChangeService,
  PhoneChangeService,
  TeamService,
  SsoRepository,
  SsoService,
];
