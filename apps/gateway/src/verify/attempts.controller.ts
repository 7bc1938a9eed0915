import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { VerifySubjects } from '@signet/contracts/verify';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';

/** One delivery attempt with every try at every sender (sender, provider, from-number, reference, outcome, error). */
@Controller('v1/Account/:authId/Verify/Attempt')
@UseGuards(BasicAuthGuard)
export class AttemptsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':uuid')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return { api_id: apiId, attempt: await this.rpc.call(VerifySubjects.attemptGet, { caller, attempt_uuid: uuid }, apiId) };
  }
}
