import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { appCreateRequest, appListRequest, appRef, appUpdateRequest, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { AppsService } from './apps.service.js';

@Controller()
export class AppsRpcController {
  constructor(private readonly apps: AppsService) {}

  @MessagePattern(VerifySubjects.appCreate)
  create(@Payload() data: unknown) {
    return this.apps.create(parseOrThrow(appCreateRequest, data));
  }

  @MessagePattern(VerifySubjects.appGet)
  get(@Payload() data: unknown) {
    return this.apps.get(parseOrThrow(appRef, data));
  }

  @MessagePattern(VerifySubjects.appList)
  list(@Payload() data: unknown) {
    return this.apps.list(parseOrThrow(appListRequest, data));
  }

  @MessagePattern(VerifySubjects.appUpdate)
  update(@Payload() data: unknown) {
    return this.apps.update(parseOrThrow(appUpdateRequest, data));
  }

  @MessagePattern(VerifySubjects.appDelete)
  async delete(@Payload() data: unknown) {
    await this.apps.delete(parseOrThrow(appRef, data));
    return { deleted: true };
  }
}
