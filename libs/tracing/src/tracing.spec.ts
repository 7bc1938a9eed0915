import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { activeTraceparent, inSpan, SpanKind, startTracing, stopTracing, traceHeaders, traceParentOf, tracingEnabled } from './tracing.js';

describe('tracing', () => {
  afterEach(() => stopTracing());

  it('is off without an endpoint: nothing recorded, nothing propagated', async () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    expect(await startTracing('test')).toBe(false);
    expect(tracingEnabled()).toBe(false);
    await inSpan('work', { kind: SpanKind.INTERNAL }, async () => {
      expect(traceHeaders()).toEqual({});
      expect(activeTraceparent()).toBeUndefined();
    });
  });

  it('nests spans in one process and continues a trace from a carrier in another', async () => {
    const exporter = new InMemorySpanExporter();
    expect(await startTracing('test', exporter)).toBe(true);
    let carrier: Record<string, string> = {};
    await inSpan('request', { kind: SpanKind.SERVER }, () =>
      inSpan('call', { kind: SpanKind.CLIENT }, async () => {
        carrier = traceHeaders();
        expect(activeTraceparent()).toBe(carrier.traceparent);
      }),
    );
    // The receiving side: a remote parent from the carrier (NATS headers, an event's field).
    await inSpan('handle', { kind: SpanKind.SERVER, parent: traceParentOf(carrier) }, async () => undefined);
    const [call, request, handle] = exporter.getFinishedSpans();
    expect([call.name, request.name, handle.name]).toEqual(['call', 'request', 'handle']);
    const trace = request.spanContext().traceId;
    expect([call.spanContext().traceId, handle.spanContext().traceId]).toEqual([trace, trace]);
    expect(call.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(handle.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(request.parentSpanContext).toBeUndefined();
    expect(carrier.traceparent).toMatch(new RegExp(`^00-${trace}-${call.spanContext().spanId}-01$`));
  });

  it('marks a span whose work throws as failed, and rethrows', async () => {
    const exporter = new InMemorySpanExporter();
    await startTracing('test', exporter);
    await expect(
      inSpan('boom', { kind: SpanKind.INTERNAL }, async () => {
        throw new Error('vendor down');
      }),
    ).rejects.toThrow('vendor down');
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: 2, message: 'vendor down' });
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('starts no trace from a carrier without one', async () => {
    const exporter = new InMemorySpanExporter();
    await startTracing('test', exporter);
    await inSpan('orphan', { kind: SpanKind.CONSUMER, parent: traceParentOf({}) }, async () => undefined);
    expect(exporter.getFinishedSpans()[0].parentSpanContext).toBeUndefined();
  });

  it('keeps the share of new traces OTEL_TRACES_SAMPLER_ARG says, and a continued trace as its caller decided', async () => {
    const exporter = new InMemorySpanExporter();
    process.env.OTEL_TRACES_SAMPLER_ARG = '0';
    try {
      await startTracing('test', exporter);
      await inSpan('dropped', { kind: SpanKind.SERVER }, async () => undefined);
      const sampled = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
      await inSpan('continued', { kind: SpanKind.SERVER, parent: traceParentOf(sampled) }, async () => undefined);
      expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['continued']);
    } finally {
      delete process.env.OTEL_TRACES_SAMPLER_ARG;
    }
  });
});
