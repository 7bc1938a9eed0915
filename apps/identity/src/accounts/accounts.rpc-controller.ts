import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { accountGetRequest, accountUpdateRequest, type AccountView, IdentitySubjects } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { AccountsService } from './accounts.service.js';

@Controller()
export class AccountsRpcController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(IdentitySubjects.accountGet)
  get(@Payload() data: unknown): Promise<AccountView> {
    return this.accounts.get(parseOrThrow(accountGetRequest, data).auth_id);
  }

  @MessagePattern(IdentitySubjects.accountUpdate)
  async update(@Payload() data: unknown) {
    await this.accounts.update(parseOrThrow(accountUpdateRequest, data));
    return { changed: true };
  }
}
