import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentitySubjects, ipWhitelistAddRequest, ipWhitelistListRequest, ipWhitelistRemoveRequest, ipWhitelistSetRequest } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { IpWhitelistService } from './ip-whitelist.service.js';

@Controller()
export class IpWhitelistRpcController {
  constructor(private readonly whitelist: IpWhitelistService) {}

  @MessagePattern(IdentitySubjects.ipWhitelistList)
  list(@Payload() data: unknown) {
    return this.whitelist.list(parseOrThrow(ipWhitelistListRequest, data).caller);
  }

  @MessagePattern(IdentitySubjects.ipWhitelistAdd)
  add(@Payload() data: unknown) {
    return this.whitelist.add(parseOrThrow(ipWhitelistAddRequest, data));
  }

  @MessagePattern(IdentitySubjects.ipWhitelistRemove)
  async remove(@Payload() data: unknown) {
    await this.whitelist.remove(parseOrThrow(ipWhitelistRemoveRequest, data));
    return { deleted: true };
  }

  @MessagePattern(IdentitySubjects.ipWhitelistSet)
  set(@Payload() data: unknown) {
    return this.whitelist.setEnabled(parseOrThrow(ipWhitelistSetRequest, data));
  }
}
