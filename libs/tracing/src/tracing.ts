import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import type { SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';

export { SpanKind, type Context, type Span } from '@opentelemetry/api';

let provider: TracerProvider | undefined;

/**
 * OpenTelemetry, off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set: then
 * this process's spans go to that OTLP/HTTP endpoint in batches (every `OTEL_BSP_SCHEDULE_DELAY` ms, 5 s by default)
 * as `service.name` = `service` (or `OTEL_SERVICE_NAME`), with W3C trace context carried across processes; a share
 * `OTEL_TRACES_SAMPLER_ARG` (0 … 1, default 1) of new traces is kept, and a continued one as its caller decided. Off, the
 * SDK is never loaded and every span below is the API's no-op. `exporter` replaces OTLP (a test's in-memory one).
 */
export async function startTracing(service: string, exporter?: SpanExporter): Promise<boolean> {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (provider || (!endpoint && !exporter)) return provider !== undefined;
  const [{ AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { resourceFromAttributes }, sdk] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace'),
  ]);
  const processor = exporter
    ? new sdk.SimpleSpanProcessor({ exporter })
    : new sdk.BatchSpanProcessor({
        exporter: new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter(),
        scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY) || 5000,
      });
  // A trace is kept whole or not at all: the root decides (OTEL_TRACES_SAMPLER_ARG of them, all by default), the rest follow it.
  const ratio = Number(process.env.OTEL_TRACES_SAMPLER_ARG ?? 1);
  provider = new sdk.TracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || service }),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 1) }),
    spanProcessors: [processor],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  process.once('beforeExit', () => void stopTracing());
  return true;
}

/** Whether this process records spans (so what only tracing needs is skipped when it is off). */
export const tracingEnabled = (): boolean => provider !== undefined;

/** Exports what is buffered and turns tracing off again (a test's own, or a process on its way out). */
export async function stopTracing(): Promise<void> {
  const p = provider;
  provider = undefined;
  if (!p) return;
  await p.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

const tracer = () => trace.getTracer('signet');

export interface SpanSpec {
  kind: SpanKind;
  attributes?: Attributes;
  /** The span's parent: the active context by default, or one extracted from a message's carrier. */
  parent?: Context;
}

/** Runs `fn` in a new active span, which ends when `fn` settles; a throw is recorded on it and marks it failed. */
export function inSpan<T>(name: string, spec: SpanSpec, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: spec.kind, attributes: spec.attributes }, spec.parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      failSpan(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

/** A span started now and ended by the caller (a request whose end is another hook's), child of `parent`. */
export const startSpan = (name: string, spec: SpanSpec): Span =>
  tracer().startSpan(name, { kind: spec.kind, attributes: spec.attributes }, spec.parent ?? context.active());

/** Marks `span` failed with `err`'s message (and records it as an exception event). */
export function failSpan(span: Span, err: unknown): void {
  if (err instanceof Error) span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

/** Marks the active span (if any) failed: an error a handler's filter turns into an answer is still a failure. */
export function failActiveSpan(err: unknown): void {
  const span = trace.getActiveSpan();
  if (span) failSpan(span, err);
}

/** The context with `span` active in it, for `withContext`. */
export const contextWith = (span: Span, parent: Context = context.active()): Context => trace.setSpan(parent, span);

/** Runs `fn` with `ctx` active (what an async hook's continuation would otherwise lose). */
export const withContext = <T>(ctx: Context, fn: () => T): T => context.with(ctx, fn);

/** The active trace context as W3C header fields (`traceparent`, `tracestate`); empty when tracing is off. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The active span's trace id while tracing is on (a log line's `trace_id`, to find its trace). */
export function activeTraceId(): string | undefined {
  if (!tracingEnabled()) return undefined;
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && trace.isSpanContextValid(ctx) ? ctx.traceId : undefined;
}

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The active span's W3C `traceparent` (checked against its format, so it is safe to inline), when tracing is on. */
export function activeTraceparent(): string | undefined {
  if (!tracingEnabled()) return undefined;
  const tp = traceHeaders().traceparent;
  return tp && TRACEPARENT.test(tp) ? tp : undefined;
}

/** Writes the active trace context into a carrier through `setter` (e.g. NATS message headers). */
export const injectTrace = <C>(carrier: C, setter: TextMapSetter<C>, ctx: Context = context.active()): void => propagation.inject(ctx, carrier, setter);

/** The remote parent a carrier holds (headers, a job's or an event's fields); the root context when it holds none. */
export function traceParentOf<C = Record<string, string | string[] | undefined>>(carrier: C | undefined, getter?: TextMapGetter<C>): Context {
  if (carrier === undefined || !tracingEnabled()) return ROOT_CONTEXT;
  return getter ? propagation.extract(ROOT_CONTEXT, carrier, getter) : propagation.extract(ROOT_CONTEXT, carrier);
}
