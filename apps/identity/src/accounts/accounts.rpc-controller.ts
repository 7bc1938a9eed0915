import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentitySubjects } from '@signet/contracts/identity';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { AccountsService } from './accounts.service.js';

@Controller()
export class AccountsRpcController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(IdentitySubjects.accountGet)
  get(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.accountGet> {
    return this.accounts.get(rpcRequest(IdentitySubjects.accountGet, data).auth_id);
  }

  @MessagePattern(IdentitySubjects.accountUpdate)
  async update(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.accountUpdate> {
    await this.accounts.update(rpcRequest(IdentitySubjects.accountUpdate, data));
    return { changed: true };
  }
}
