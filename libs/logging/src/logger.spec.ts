import { Logger } from '@nestjs/common';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { inSpan, SpanKind, startTracing, stopTracing } from '@signet/tracing';
import { createLogger, rootLogger } from './logger.js';

describe('createLogger', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('unit', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });

  beforeEach(() => (lines.length = 0));

  it('writes JSON lines with the service, the level, the context and the ids as fields', () => {
    logger.warn({ msg: 'attempt failed for good', api_id: 'a-1', account_id: 'MA1', session_uuid: 's-1', attempt_uuid: 't-1' }, 'Delivery');
    expect(lines).toEqual([
      expect.objectContaining({
        service: 'unit',
        level: 'warn',
        context: 'Delivery',
        msg: 'attempt failed for good',
        api_id: 'a-1',
        account_id: 'MA1',
        session_uuid: 's-1',
        attempt_uuid: 't-1',
      }),
    ]);
    expect(lines[0]).not.toHaveProperty('pid');
  });

  it('redacts credentials and codes wherever they sit, through Nest loggers and the root logger alike', () => {
    Logger.overrideLogger(logger);
    new Logger('Http').error({ msg: 'x', req: { headers: { authorization: 'Basic c2VjcmV0' } }, body: { password: 'Correct-Horse-9', otp: '482913' } });
    rootLogger().error({ token: 'tok-123', auth: { auth_token: 'AbCdEf0123', code: '777111' } }, 'y');
    const text = JSON.stringify(lines);
    for (const secret of ['c2VjcmV0', 'Correct-Horse-9', '482913', 'tok-123', 'AbCdEf0123', '777111']) expect(text).not.toContain(secret);
    expect(text.match(/\[redacted\]/g)).toHaveLength(6);
  });

  it('gives a line written inside a span its trace id while tracing is on, and none otherwise', async () => {
    logger.log('outside', 'T');
    await startTracing('unit', new InMemorySpanExporter());
    try {
      await inSpan('work', { kind: SpanKind.INTERNAL }, async (span) => {
        logger.log('inside', 'T');
        expect(lines.at(-1)).toMatchObject({ msg: 'inside', trace_id: span.spanContext().traceId });
      });
    } finally {
      await stopTracing();
    }
    expect(lines[0]).not.toHaveProperty('trace_id');
  });
});
