import { Logger as NestLogger } from '@nestjs/common';
import { isDependencyOutage } from '@signet/errors';
import type { Logger } from 'typeorm';

/**
 * The one TypeORM logger every data source uses. It never logs query parameters or Postgres' `detail` (which
 * quotes the offending values): those hold HA1 digests, OTP hashes, recipients, names and emails. A failed query is
 * logged as its SQLSTATE, Postgres' message and the start of the SQL text (placeholders only). While a database is
 * down every query fails the same way, so that is said once every few seconds.
 */
export class SafeQueryLogger implements Logger {
  private readonly logger: NestLogger;
  private outageLogged = 0;

  constructor(schema: string) {
    this.logger = new NestLogger(`Database:${schema}`);
  }

  logQuery(): void {}

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${sqlHead(query)}`);
  }

  logQueryError(error: string | Error, query: string): void {
    const e = typeof error === 'string' ? { message: error } : (error as Error & { code?: string });
    if (isDependencyOutage(e)) {
      if (Date.now() - this.outageLogged < 5000) return;
      this.outageLogged = Date.now();
    }
    this.logger.error(`query failed${'code' in e && e.code ? ` (${e.code})` : ''}: ${e.message} -- ${sqlHead(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

const sqlHead = (query: string): string => {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
};
