import { Inject, Injectable } from '@nestjs/common';
import { type ConsoleRole, type ConsoleUser, type ConsoleUserView, IdentityErrors, roleAllows } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';
import { emailTaken, linkInvalid, phoneTaken, userNotFound } from './console-errors.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { EmailsQueue } from './mail/emails.queue.js';
import { invitationMail } from './mail/templates.js';
import { assertStrongPassword, hashPassword } from './passwords.js';
import { normalizePhone } from './phone.js';
import { newSecret, secretDigest } from './secrets.js';
import { PHONE_PROOF_TTL, SignupService } from './signup.service.js';

const INVITE_TTL = 7 * 24 * 3600;
const ownerProtected = () => new DomainError(IdentityErrors.OWNER_PROTECTED, 'the owner cannot be removed or given another role');

/** Team members: invited by email with a role; the owner is the account's creator and stays so. */
@Injectable()
export class TeamService {
  constructor(
    private readonly users: ConsoleUsersRepository,
    private readonly signup: SignupService,
    private readonly emails: EmailsQueue,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  list(caller: ConsoleUser): Promise<ConsoleUserView[]> {
    this.assertManager(caller);
    return this.users.team(caller.auth_id);
  }

  async invite(caller: ConsoleUser, email: string, role: ConsoleRole, apiId?: string): Promise<ConsoleUserView> {
    this.assertManager(caller);
    if (await this.users.emailTaken(email)) throw emailTaken();
    const token = newSecret('scs');
    const id = await this.users.invite(caller.auth_id, email, role, caller.user_id, secretDigest(this.ring, token), INVITE_TTL);
    if (id === 'email') throw emailTaken();
    await this.emails.send(
      `invite-${id}`,
      invitationMail(email, caller.email, role, `${this.config.SIGNET_CONSOLE_URL}/accept-invitation?token=${token}`),
      apiId,
    );
    return (await this.users.view(id))!;
  }

  /** The invitee's name, password and phone; the phone is then proven like at signup. */
  async accept(
    body: { token: string; name: string; password: string; phone: string },
    apiId?: string,
  ): Promise<{ user_id: string; phone_verification_token: string; message: string }> {
    const digest = secretDigest(this.ring, body.token);
    const invite = await this.users.liveSecret(digest, 'invite');
    if (!invite) throw linkInvalid();
    const invitee = await this.users.byId(invite.user_id);
    assertStrongPassword(body.password, [body.name, invitee?.email ?? '']);
    const phone = normalizePhone(body.phone);
    if (await this.users.phoneTaken(phone)) throw phoneTaken();
    const proof = newSecret('scp');
    const outcome = await this.users.acceptInvite(
      digest,
      { name: body.name, phone, password_hash: await hashPassword(body.password) },
      secretDigest(this.ring, proof),
      PHONE_PROOF_TTL,
    );
    if (outcome === undefined) throw linkInvalid();
    if (outcome === 'phone') throw phoneTaken();
    if (outcome === 'email') throw emailTaken();
    await this.signup.sendPhoneCode(proof, phone, 'sms', apiId);
    return { user_id: outcome, phone_verification_token: proof, message: 'invitation accepted: enter the code we sent your phone' };
  }

  async setRole(caller: ConsoleUser, userId: string, role: ConsoleRole): Promise<ConsoleUserView> {
    this.assertManager(caller);
    const outcome = await this.users.setRole(caller.auth_id, userId, role);
    if (outcome === 'none') throw userNotFound();
    if (outcome === 'owner') throw ownerProtected();
    return (await this.users.view(userId))!;
  }

  async remove(caller: ConsoleUser, userId: string): Promise<void> {
    this.assertManager(caller);
    const outcome = await this.users.remove(caller.auth_id, userId);
    if (outcome === 'none') throw userNotFound();
    if (outcome === 'owner') throw ownerProtected();
  }

  // The gateway checks roles first; identity checks again for what it owns.
  private assertManager(caller: ConsoleUser): void {
    if (!roleAllows(caller.role, 'team.manage'))
      throw new DomainError(IdentityErrors.ROLE_FORBIDDEN, `forbidden: the ${caller.role} role cannot manage the team`);
  }
}
