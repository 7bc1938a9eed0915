import { Injectable } from '@nestjs/common';
import { type Caller, CommonErrors } from '@signet/contracts/common';
import {
  CHANNELS,
  type Channel,
  type GeoPermissionGetRequest,
  type GeoPermissionSetRequest,
  type GeoPermissionView,
  VerifyErrors,
} from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { effectiveLists, type GeoLists, normalizeList } from './geo-lists.js';
import { GeoPermissionsRepository } from './geo-permissions.repository.js';

/** Read on every session create: a short in-process cache (as for apps); a change made here clears it at once. */
const CACHE_MS = 5000;

@Injectable()
export class GeoPermissionsService {
  private readonly cache = new Map<string, { lists: { sms: ReadonlySet<string>; voice: ReadonlySet<string> }; until: number }>();

  constructor(private readonly repo: GeoPermissionsRepository) {}

  private async lists(caller: Caller): Promise<GeoLists> {
    const { self, main } = await this.repo.load(caller);
    return effectiveLists(self, main, caller.is_subaccount);
  }

  async get({ caller }: GeoPermissionGetRequest): Promise<GeoPermissionView> {
    const lists = await this.lists(caller);
    return { sms: [...lists.sms], voice: [...lists.voice] };
  }

  /** A given channel's list replaces it; a subaccount may only name countries its main account allows (narrow, never widen). */
  async set({ caller, body }: GeoPermissionSetRequest): Promise<GeoPermissionView> {
    const parent = caller.is_subaccount ? await this.lists({ ...caller, auth_id: caller.main_auth_id, is_subaccount: false }) : undefined;
    const changes: Partial<Record<Channel, string[]>> = {};
    for (const channel of CHANNELS) {
      if (!body[channel]) continue;
      const { list, unknown } = normalizeList(body[channel]);
      if (unknown) throw new DomainError(CommonErrors.VALIDATION_FAILED, `${channel}: unknown country code ${unknown}`);
      const widening = parent && list.find((c) => !parent[channel].includes(c));
      if (widening)
        throw new DomainError(
          CommonErrors.VALIDATION_FAILED,
          `${channel}: ${widening} is not allowed by the main account; a subaccount may only narrow its lists`,
        );
      changes[channel] = list;
    }
    await this.repo.save(caller, changes);
    this.cache.clear();
    return this.get({ caller });
  }

  /** A create to a country the caller may not reach for this channel: counted, then a 403 (nothing sent or charged). */
  async assertAllowed(caller: Caller, appUuid: string, channel: Channel, countryIso2: string): Promise<void> {
    let hit = this.cache.get(caller.auth_id);
    if (!hit || hit.until <= Date.now()) {
      const lists = await this.lists(caller);
      hit = { lists: { sms: new Set(lists.sms), voice: new Set(lists.voice) }, until: Date.now() + CACHE_MS };
      this.cache.set(caller.auth_id, hit);
    }
    if (hit.lists[channel].has(countryIso2)) return;
    await this.repo.countRefusal(caller, appUuid, channel, countryIso2);
    throw new DomainError(VerifyErrors.GEO_PERMISSION_DENIED, `geo permission denied: ${channel} to ${countryIso2} is not allowed for this account`);
  }
}
