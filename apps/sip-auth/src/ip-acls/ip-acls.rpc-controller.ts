import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ipAclCreateRequest,
  ipAclEntryAddRequest,
  ipAclEntryRef,
  ipAclListRequest,
  ipAclRef,
  ipAclUpdateRequest,
  SipAuthSubjects,
} from '@signet/contracts/sip-auth';
import { parseOrThrow } from '@signet/errors';
import { IpAclsService } from './ip-acls.service.js';

@Controller()
export class IpAclsRpcController {
  constructor(private readonly acls: IpAclsService) {}

  @MessagePattern(SipAuthSubjects.ipAclCreate)
  create(@Payload() data: unknown) {
    return this.acls.create(parseOrThrow(ipAclCreateRequest, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclGet)
  get(@Payload() data: unknown) {
    return this.acls.get(parseOrThrow(ipAclRef, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclList)
  list(@Payload() data: unknown) {
    return this.acls.list(parseOrThrow(ipAclListRequest, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclUpdate)
  update(@Payload() data: unknown) {
    return this.acls.rename(parseOrThrow(ipAclUpdateRequest, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclDelete)
  async delete(@Payload() data: unknown) {
    await this.acls.delete(parseOrThrow(ipAclRef, data));
    return { deleted: true };
  }

  @MessagePattern(SipAuthSubjects.ipAclEntryAdd)
  addEntry(@Payload() data: unknown) {
    return this.acls.addEntry(parseOrThrow(ipAclEntryAddRequest, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclEntryRemove)
  async removeEntry(@Payload() data: unknown) {
    await this.acls.removeEntry(parseOrThrow(ipAclEntryRef, data));
    return { deleted: true };
  }
}
