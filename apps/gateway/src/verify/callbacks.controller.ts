import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { callbackRetryFailedBody, CallbackSubjects } from '@signet/contracts/callbacks';
import type { Caller } from '@signet/contracts/common';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';

/** Status callbacks' delivery log and replay (Signet's own; Plivo documents neither). */
@Controller('v1/Account/:authId/Verify')
@UseGuards(BasicAuthGuard)
export class CallbacksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('Session/:uuid/Callback')
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return withApiId(apiId, await this.rpc.call(CallbackSubjects.list, { caller, session_uuid: uuid }, apiId));
  }

  @Post('Callback/Retry')
  @HttpCode(202)
  async retryFailed(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const message = { caller, body: parseOrThrow(callbackRetryFailedBody, body ?? {}) };
    return withApiId(apiId, await this.rpc.call(CallbackSubjects.retryFailed, message, apiId));
  }

  @Post('Callback/:uuid/Retry')
  @HttpCode(202)
  async retry(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return withApiId(apiId, await this.rpc.call(CallbackSubjects.retry, { caller, callback_uuid: uuid }, apiId));
  }
}
