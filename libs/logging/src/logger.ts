import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** JSON lines in production (for log shippers), readable lines in development; tests keep only warnings up. */
export function createLogger(app: string): ConsoleLogger {
  const production = process.env.NODE_ENV === 'production';
  const levels: LogLevel[] = process.env.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'];
  return new ConsoleLogger(app, { json: production, timestamp: !production, logLevels: levels, prefix: 'signet' });
}
