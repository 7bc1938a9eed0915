import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger, type Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import { activeTraceId } from '@signet/tracing';

/**
 * Whatever a line carries under these paths is replaced before it is written: credentials (BasicAuth and bearer
 * headers, cookies, tokens, passwords, secrets) and one-time codes. The code logs ids, never these; this is the net.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  '*.authorization',
  'password',
  '*.password',
  'token',
  '*.token',
  '*.auth_token',
  '*.access_token',
  '*.refresh_token',
  'secret',
  '*.secret',
  'otp',
  '*.otp',
  'code',
  '*.code',
];

/** LOG_LEVEL (trace … fatal), else `info`; tests keep warnings and errors only unless they ask for more. */
export const logLevel = (env: NodeJS.ProcessEnv = process.env): string => env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info');

/**
 * JSON lines through pino (nestjs-pino as Nest's logger): `service` on every line, ISO time, no pid or host (the
 * platform adds those), redaction as above. Context fields (`api_id`, `account_id`, `session_uuid`, `attempt_uuid`)
 * are passed as an object: `logger.warn({ msg, api_id, attempt_uuid })`. With tracing on, a line written inside a
 * span carries its `trace_id`.
 */
export function createLogger(service: string, destination?: DestinationStream): LoggerService {
  const options = {
    level: logLevel(),
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const traceId = activeTraceId();
      return traceId ? { trace_id: traceId } : {};
    },
  };
  const params: Params = { pinoHttp: destination ? [options, destination] : options };
  return new Logger(new PinoLogger(params), params);
}

/** The process's pino logger (set by `createLogger`), for lines written outside Nest's Logger: the access log. */
export const rootLogger = (): Pino => PinoLogger.root as Pino;
