import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { adminAccountCreateBody, adminAccountListQuery, adminAccountRef, IdentitySubjects } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { AdminAccountsService } from './admin-accounts.service.js';

/** Reached only through the gateway's admin API, which checks the operators' bearer token. */
@Controller()
export class AdminAccountsRpcController {
  constructor(private readonly accounts: AdminAccountsService) {}

  @MessagePattern(IdentitySubjects.adminAccountCreate)
  create(@Payload() data: unknown) {
    return this.accounts.create(parseOrThrow(adminAccountCreateBody, data));
  }

  @MessagePattern(IdentitySubjects.adminAccountList)
  list(@Payload() data: unknown) {
    return this.accounts.list(parseOrThrow(adminAccountListQuery, data));
  }

  @MessagePattern(IdentitySubjects.adminAccountGet)
  get(@Payload() data: unknown) {
    return this.accounts.get(parseOrThrow(adminAccountRef, data).auth_id);
  }

  @MessagePattern(IdentitySubjects.adminAccountSuspend)
  async suspend(@Payload() data: unknown) {
    await this.accounts.suspend(parseOrThrow(adminAccountRef, data).auth_id);
    return { status: 'suspended' };
  }

  @MessagePattern(IdentitySubjects.adminAccountReactivate)
  async reactivate(@Payload() data: unknown) {
    await this.accounts.reactivate(parseOrThrow(adminAccountRef, data).auth_id);
    return { status: 'active' };
  }

  @MessagePattern(IdentitySubjects.adminAccountClose)
  async close(@Payload() data: unknown) {
    await this.accounts.close(parseOrThrow(adminAccountRef, data).auth_id);
    return { status: 'closed' };
  }
}
