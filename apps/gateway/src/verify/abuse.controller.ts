import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { geoPermissionBody, summaryQuery, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';

/** Per-channel destination countries, as they apply to the caller (a subaccount's narrowed by its main account's). */
@Controller('v1/Account/:authId/Verify/GeoPermission')
@UseGuards(BasicAuthGuard)
export class GeoPermissionController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller) {
    return withApiId(apiId, await this.rpc.call(VerifySubjects.geoPermissionGet, { caller }, apiId));
  }

  @Post()
  @HttpCode(200)
  async set(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const message = { caller, body: parseOrThrow(geoPermissionBody, body ?? {}) };
    return withApiId(apiId, await this.rpc.call(VerifySubjects.geoPermissionSet, message, apiId));
  }
}

/** Conversion analytics (Twilio's Attempts Summary is the model). */
@Controller('v1/Account/:authId/Verify/Summary')
@UseGuards(BasicAuthGuard)
export class SummaryController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>) {
    return withApiId(apiId, await this.rpc.call(VerifySubjects.summaryGet, { caller, query: parseOrThrow(summaryQuery, raw) }, apiId));
  }
}
