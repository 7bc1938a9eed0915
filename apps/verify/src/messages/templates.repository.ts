import { Inject, Injectable } from '@nestjs/common';
import type { TemplateView } from '@signet/contracts/verify';
import { DataSource } from 'typeorm';

/** An app's own translations of its message, one text per locale. */
@Injectable()
export class TemplatesRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async upsert(appUuid: string, locale: string, text: string): Promise<TemplateView> {
    const rows: TemplateView[] = await this.ds.query(
      `INSERT INTO verify.app_templates (app_uuid, locale, text) VALUES ($1, $2, $3)
       ON CONFLICT (app_uuid, locale) DO UPDATE SET text = EXCLUDED.text, updated_at = now() RETURNING locale, text`,
      [appUuid, locale, text],
    );
    return rows[0];
  }

  list(appUuid: string): Promise<TemplateView[]> {
    return this.ds.query('SELECT locale, text FROM verify.app_templates WHERE app_uuid = $1 ORDER BY locale', [appUuid]);
  }

  async delete(appUuid: string, locale: string): Promise<boolean> {
    const rows = await this.ds.query('WITH d AS (DELETE FROM verify.app_templates WHERE app_uuid = $1 AND locale = $2 RETURNING 1) SELECT 1 FROM d', [
      appUuid,
      locale,
    ]);
    return rows.length === 1;
  }
}
