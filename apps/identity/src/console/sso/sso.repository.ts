import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { utc } from '@signet/database';

export interface SsoRow {
  auth_id: string;
  domain: string;
  entry_point: string;
  idp_issuer: string | null;
  idp_cert: string;
  created_at: string;
}

/** SAML connections, one per account and domain, and the assertions already used. */
@Injectable()
export class SsoRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** False when another account already holds the domain. */
  async upsert(row: Omit<SsoRow, 'created_at'>): Promise<boolean> {
    try {
      await this.ds.query(
        `INSERT INTO identity.console_sso (auth_id, domain, entry_point, idp_issuer, idp_cert) VALUES ($1, lower($2), $3, $4, $5)
         ON CONFLICT (auth_id) DO UPDATE SET domain = EXCLUDED.domain, entry_point = EXCLUDED.entry_point, idp_issuer = EXCLUDED.idp_issuer, idp_cert = EXCLUDED.idp_cert, created_at = now()`,
        [row.auth_id, row.domain, row.entry_point, row.idp_issuer, row.idp_cert],
      );
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === '23505') return false;
      throw err;
    }
  }

  async byAccount(authId: string): Promise<SsoRow | undefined> {
    return (
      await this.ds.query(
        `SELECT auth_id, domain, entry_point, idp_issuer, idp_cert, ${utc('created_at')} AS created_at FROM identity.console_sso WHERE auth_id = $1`,
        [authId],
      )
    )[0];
  }

  async byDomain(domain: string): Promise<SsoRow | undefined> {
    return (
      await this.ds.query(
        `SELECT auth_id, domain, entry_point, idp_issuer, idp_cert, ${utc('created_at')} AS created_at FROM identity.console_sso WHERE lower(domain) = lower($1)`,
        [domain],
      )
    )[0];
  }

  async remove(authId: string): Promise<boolean> {
    return (await this.ds.query('WITH d AS (DELETE FROM identity.console_sso WHERE auth_id = $1 RETURNING 1) SELECT 1 FROM d', [authId])).length === 1;
  }

  /** Records an assertion as used; false when it already was (a replay). */
  async useAssertion(digest: Buffer, expiresAt: Date): Promise<boolean> {
    await this.ds.query('DELETE FROM identity.console_saml_assertions WHERE expires_at < now()');
    const rows = await this.ds.query(
      'WITH i AS (INSERT INTO identity.console_saml_assertions (digest, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1) SELECT 1 FROM i',
      [digest, expiresAt],
    );
    return rows.length === 1;
  }
}
