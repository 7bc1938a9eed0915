import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentitySubjects } from '@signet/contracts/identity';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { AdminAccountsService } from './admin-accounts.service.js';

/** Reached only through the gateway's admin API, which checks the operators' bearer token. */
@Controller()
export class AdminAccountsRpcController {
  constructor(private readonly accounts: AdminAccountsService) {}

  @MessagePattern(IdentitySubjects.adminAccountCreate)
  create(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.adminAccountCreate> {
    return this.accounts.create(rpcRequest(IdentitySubjects.adminAccountCreate, data));
  }

  @MessagePattern(IdentitySubjects.adminAccountList)
  list(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.adminAccountList> {
    return this.accounts.list(rpcRequest(IdentitySubjects.adminAccountList, data));
  }

  @MessagePattern(IdentitySubjects.adminAccountGet)
  get(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.adminAccountGet> {
    return this.accounts.get(rpcRequest(IdentitySubjects.adminAccountGet, data).auth_id);
  }

  @MessagePattern(IdentitySubjects.adminAccountSuspend)
  async suspend(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.adminAccountSuspend> {
    await this.accounts.suspend(rpcRequest(IdentitySubjects.adminAccountSuspend, data).auth_id);
    return { status: 'suspended' };
  }

  @MessagePattern(IdentitySubjects.adminAccountReactivate)
  async reactivate(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.adminAccountReactivate> {
    await this.accounts.reactivate(rpcRequest(IdentitySubjects.adminAccountReactivate, data).auth_id);
    return { status: 'active' };
  }

  @MessagePattern(IdentitySubjects.adminAccountClose)
  async close(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.adminAccountClose> {
    await this.accounts.close(rpcRequest(IdentitySubjects.adminAccountClose, data).auth_id);
    return { status: 'closed' };
  }
}
