import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifySubjects } from '@signet/contracts/verify';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { GeoPermissionsService } from './geo-permissions.service.js';
import { SummaryRepository } from './summary.repository.js';

@Controller()
export class AbuseRpcController {
  constructor(
    private readonly geo: GeoPermissionsService,
    private readonly summaries: SummaryRepository,
  ) {}

  @MessagePattern(VerifySubjects.geoPermissionGet)
  geoGet(@Payload() data: unknown): RpcReply<typeof VerifySubjects.geoPermissionGet> {
    return this.geo.get(rpcRequest(VerifySubjects.geoPermissionGet, data));
  }

  @MessagePattern(VerifySubjects.geoPermissionSet)
  geoSet(@Payload() data: unknown): RpcReply<typeof VerifySubjects.geoPermissionSet> {
    return this.geo.set(rpcRequest(VerifySubjects.geoPermissionSet, data));
  }

  @MessagePattern(VerifySubjects.summaryGet)
  summary(@Payload() data: unknown): RpcReply<typeof VerifySubjects.summaryGet> {
    return this.summaries.summary(rpcRequest(VerifySubjects.summaryGet, data));
  }
}
