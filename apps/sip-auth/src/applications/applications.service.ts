import { Injectable } from '@nestjs/common';
import { CommonErrors, isUuid } from '@signet/contracts/common';
import {
  type ApplicationCreateRequest,
  type ApplicationListRequest,
  type ApplicationListResult,
  type ApplicationRef,
  type ApplicationUpdateBody,
  type ApplicationUpdateRequest,
  type ApplicationView,
  SipAuthErrors,
} from '@signet/contracts/sip-auth';
import { DomainError } from '@signet/errors';
import { PgError, pgErrorCode } from '../database/pg-error.js';
import { type ApplicationRow, type ApplicationSettings, ApplicationsRepository } from './applications.repository.js';
import { NO_SIP_AUTH, resolveBinding } from './sip-auth-binding.js';

export const toApplicationView = (a: ApplicationRow): ApplicationView => ({
  app_id: a.uuid,
  app_name: a.app_name,
  answer_url: a.answer_url,
  answer_method: a.answer_method,
  sip_auth_type: a.sip_auth_type,
  credential_uuid: a.credential_uuid,
  ip_acl_uuid: a.ip_acl_uuid,
  sip_auth_group: a.grp,
  sub_account: a.account_id === a.main_account_id ? null : a.account_id,
  resource_uri: `/v1/Account/${a.account_id}/Application/${a.uuid}/`,
});

const notFound = (): DomainError => new DomainError(SipAuthErrors.APPLICATION_NOT_FOUND, 'application not found');

@Injectable()
export class ApplicationsService {
  constructor(private readonly apps: ApplicationsRepository) {}

  async create({ caller, body }: ApplicationCreateRequest): Promise<ApplicationView> {
    const settings = await this.settings(caller.auth_id, { app_name: body.app_name, answer_url: body.answer_url, answer_method: 'POST', ...NO_SIP_AUTH }, body);
    const uuid = await this.write(() => this.apps.insert(caller, settings));
    return this.get({ caller, app_id: uuid });
  }

  async get(ref: ApplicationRef): Promise<ApplicationView> {
    return toApplicationView(await this.load(ref));
  }

  async list({ caller, query }: ApplicationListRequest): Promise<ApplicationListResult> {
    const { rows, total } = await this.apps.list(caller, query.limit, query.offset);
    return { objects: rows.map(toApplicationView), limit: query.limit, offset: query.offset, total_count: total };
  }

  async update({ caller, app_id, body }: ApplicationUpdateRequest): Promise<ApplicationView> {
    const app = await this.load({ caller, app_id });
    const settings = await this.settings(app.account_id, app, body);
    await this.write(() => this.apps.update(app.uuid, settings));
    return this.get({ caller, app_id });
  }

  async delete(ref: ApplicationRef): Promise<void> {
    await this.apps.delete((await this.load(ref)).uuid);
  }

  /** `current` with `changes` applied; a newly assigned credential or ACL must be the application owner's own. */
  private async settings(ownerId: string, current: ApplicationSettings, changes: ApplicationUpdateBody): Promise<ApplicationSettings> {
    const binding = resolveBinding(current, changes);
    if (
      binding.credential_uuid &&
      binding.credential_uuid !== current.credential_uuid &&
      !(await this.apps.credentialOwnedBy(ownerId, binding.credential_uuid))
    ) {
      throw new DomainError(SipAuthErrors.CREDENTIAL_NOT_FOUND, 'credential not found');
    }
    if (binding.ip_acl_uuid && binding.ip_acl_uuid !== current.ip_acl_uuid && !(await this.apps.ipAclOwnedBy(ownerId, binding.ip_acl_uuid))) {
      throw new DomainError(SipAuthErrors.IP_ACL_NOT_FOUND, 'IP ACL not found');
    }
    return {
      app_name: changes.app_name ?? current.app_name,
      answer_url: changes.answer_url ?? current.answer_url,
      answer_method: changes.answer_method ?? current.answer_method,
      ...binding,
    };
  }

  // A credential or ACL deleted between the ownership check and the write trips the foreign key.
  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (pgErrorCode(err) === PgError.FOREIGN_KEY_VIOLATION) throw new DomainError(CommonErrors.NOT_FOUND, 'credential or IP ACL not found');
      throw err;
    }
  }

  private async load({ caller, app_id }: ApplicationRef): Promise<ApplicationRow> {
    if (!isUuid(app_id)) throw notFound();
    const app = await this.apps.find(caller, app_id);
    if (!app) throw notFound();
    return app;
  }
}
