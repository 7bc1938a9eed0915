import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { outboxListRequest, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';

/** Development only (not mounted when NODE_ENV=production): what the outbox provider "sent" for this caller. */
@Controller('dev/outbox')
@UseGuards(BasicAuthGuard)
export class DevOutboxController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() query: Record<string, unknown>) {
    const message = parseOrThrow(outboxListRequest, { caller, query });
    return { api_id: apiId, ...(await this.rpc.call(VerifySubjects.outboxList, message, apiId)) };
  }
}
