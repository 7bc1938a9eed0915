import { z } from 'zod';

/** Durable domain events travel on this JetStream stream, subjects `events.<service>.<entity>.<event>.v1`. */
export const EVENTS_STREAM = 'SIGNET_EVENTS';
export const EVENTS_SUBJECTS = 'events.>';

export interface EventEnvelope<T = unknown> {
  /** uuid; also the JetStream message id, so a re-publish is dropped and consumers dedupe on it. */
  id: string;
  type: string;
  occurred_at: string;
  /** The W3C trace context of the change that wrote it (only while tracing is on): its consumers' spans join that trace. */
  traceparent?: string;
  data: T;
}

export type EventSubjectOf<S extends string, E extends string, V extends string> = `events.${S}.${E}.${V}.v1`;

export function eventSubject<S extends string, E extends string, V extends string>(service: S, entity: E, event: V): EventSubjectOf<S, E, V> {
  return `events.${service}.${entity}.${event}.v1`;
}

/** The envelope of an event on `subject` whose `data` is `data`: what a consumer parses before its handler sees it. */
export const eventEnvelope = <T extends string, D extends z.ZodType>(subject: T, data: D) =>
  z.object({ id: z.uuid(), type: z.literal(subject), occurred_at: z.string(), traceparent: z.string().optional(), data });
