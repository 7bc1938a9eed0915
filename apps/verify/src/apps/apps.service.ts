import { Injectable } from '@nestjs/common';
import { type Caller, CommonErrors, isUuid } from '@signet/contracts/common';
import {
  type AppCreateRequest,
  type AppListRequest,
  type AppListResult,
  type AppRef,
  type AppUpdateRequest,
  VerifyErrors,
  type VerifyAppView,
} from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { SendersRepository } from '../senders/senders.repository.js';
import { APP_DEFAULTS, type AppRow, AppsRepository } from './apps.repository.js';

export const toAppView = ({ uuid, account_id: _a, main_account_id: _m, ...rest }: AppRow): VerifyAppView => ({ app_uuid: uuid, ...rest });

const appNotFound = (): DomainError => new DomainError(VerifyErrors.APP_NOT_FOUND, 'verify application not found');

/** Apps change rarely and are read on every session create: a short in-process cache spares that read. */
const CACHE_MS = 5000;

@Injectable()
export class AppsService {
  private readonly cache = new Map<string, { app: AppRow; until: number }>();

  constructor(
    private readonly apps: AppsRepository,
    private readonly senders: SendersRepository,
  ) {}

  /** An app names only senders of the account that owns it. */
  private async checkSenders(accountId: string, uuids: string[] | undefined): Promise<void> {
    if (!uuids || uuids.length === 0) return;
    const owned = new Set((await this.senders.ownedBy(accountId, uuids)).map((s) => s.uuid));
    const foreign = uuids.filter((u) => !owned.has(u));
    if (foreign.length > 0) throw new DomainError(CommonErrors.VALIDATION_FAILED, `sender_uuids: ${foreign.join(', ')} is not a sender of this account`);
  }

  /** The app a new session uses: the one named, or the caller's default (made on first use). */
  async forSession(caller: Caller, appUuid: string | undefined): Promise<AppRow> {
    const key = `${caller.auth_id}:${appUuid ?? 'default'}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.app;
    if (appUuid && !isUuid(appUuid)) throw appNotFound();
    const app = appUuid ? await this.apps.find(caller, appUuid) : await this.apps.ensureDefault(caller);
    if (!app) throw appNotFound();
    this.cache.set(key, { app, until: Date.now() + CACHE_MS });
    return app;
  }

  async create({ caller, body }: AppCreateRequest): Promise<VerifyAppView> {
    await this.checkSenders(caller.auth_id, body.sender_uuids);
    const settings = { ...APP_DEFAULTS, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
    const uuid = await this.apps.insert(caller, settings);
    return this.get({ caller, app_uuid: uuid });
  }

  async get({ caller, app_uuid }: AppRef): Promise<VerifyAppView> {
    if (!isUuid(app_uuid)) throw appNotFound();
    const app = await this.apps.find(caller, app_uuid);
    if (!app) throw appNotFound();
    return toAppView(app);
  }

  async list({ caller, query }: AppListRequest): Promise<AppListResult> {
    const { rows, total } = await this.apps.list(caller, query.limit, query.offset);
    return { verify_apps: rows.map(toAppView), limit: query.limit, offset: query.offset, total_count: total };
  }

  async update({ caller, app_uuid, body }: AppUpdateRequest): Promise<VerifyAppView> {
    if (!isUuid(app_uuid)) throw appNotFound();
    const app = await this.apps.find(caller, app_uuid);
    if (!app) throw appNotFound();
    if (body.is_default === false && app.is_default) {
      throw new DomainError(VerifyErrors.DEFAULT_APP_REQUIRED, 'the default application stays default until another is made default');
    }
    await this.checkSenders(app.account_id, body.sender_uuids);
    await this.apps.update(app, body);
    this.cache.clear();
    return this.get({ caller, app_uuid });
  }

  async delete({ caller, app_uuid }: AppRef): Promise<void> {
    if (!isUuid(app_uuid)) throw appNotFound();
    const app = await this.apps.find(caller, app_uuid);
    if (!app) throw appNotFound();
    if (app.is_default) throw new DomainError(VerifyErrors.DEFAULT_APP_REQUIRED, 'the default application cannot be deleted; make another default first');
    await this.apps.delete(app.uuid);
    this.cache.clear();
  }
}
