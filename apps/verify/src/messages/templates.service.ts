import { Injectable } from '@nestjs/common';
import {
  localeSchema,
  type TemplateListRequest,
  type TemplateListResult,
  type TemplateRef,
  type TemplateSetRequest,
  type TemplateView,
  VerifyErrors,
} from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { AppsService } from '../apps/apps.service.js';
import { normalizeLocale } from './locale.js';
import { TemplatesRepository } from './templates.repository.js';

const notFound = (locale: string): DomainError =>
  new DomainError(VerifyErrors.TEMPLATE_NOT_FOUND, `no custom template for locale ${locale} on this application`);

/** Custom translations of an app's message (`…/Verify/App/{app_uuid}/Template/`); the app must be the caller's. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly apps: AppsService,
    private readonly templates: TemplatesRepository,
  ) {}

  async set({ caller, app_uuid, body }: TemplateSetRequest): Promise<TemplateView> {
    const app = await this.apps.get({ caller, app_uuid });
    return this.templates.upsert(app.app_uuid, normalizeLocale(body.locale), body.text);
  }

  async list({ caller, app_uuid }: TemplateListRequest): Promise<TemplateListResult> {
    const app = await this.apps.get({ caller, app_uuid });
    return { templates: await this.templates.list(app.app_uuid) };
  }

  async delete({ caller, app_uuid, locale }: TemplateRef): Promise<void> {
    const app = await this.apps.get({ caller, app_uuid });
    if (!localeSchema.safeParse(locale).success) throw notFound(locale);
    if (!(await this.templates.delete(app.app_uuid, normalizeLocale(locale)))) throw notFound(locale);
  }
}
