import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdentitySubjects,
  subaccountCreateRequest,
  subaccountDeleteRequest,
  subaccountListRequest,
  subaccountRef,
  subaccountUpdateRequest,
} from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { SubaccountsService } from './subaccounts.service.js';

@Controller()
export class SubaccountsRpcController {
  constructor(private readonly subaccounts: SubaccountsService) {}

  @MessagePattern(IdentitySubjects.subaccountCreate)
  create(@Payload() data: unknown) {
    return this.subaccounts.create(parseOrThrow(subaccountCreateRequest, data));
  }

  @MessagePattern(IdentitySubjects.subaccountGet)
  get(@Payload() data: unknown) {
    return this.subaccounts.get(parseOrThrow(subaccountRef, data));
  }

  @MessagePattern(IdentitySubjects.subaccountList)
  list(@Payload() data: unknown) {
    return this.subaccounts.list(parseOrThrow(subaccountListRequest, data));
  }

  @MessagePattern(IdentitySubjects.subaccountUpdate)
  async update(@Payload() data: unknown) {
    await this.subaccounts.update(parseOrThrow(subaccountUpdateRequest, data));
    return { changed: true };
  }

  @MessagePattern(IdentitySubjects.subaccountDelete)
  async delete(@Payload() data: unknown) {
    await this.subaccounts.delete(parseOrThrow(subaccountDeleteRequest, data));
    return { deleted: true };
  }
}
