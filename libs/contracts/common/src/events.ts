/** Durable domain events travel on this JetStream stream, subjects `events.<service>.<entity>.<event>.v1`. */
export const EVENTS_STREAM = 'SIGNET_EVENTS';
export const EVENTS_SUBJECTS = 'events.>';

export interface EventEnvelope<T = unknown> {
  /** uuid; also the JetStream message id, so a re-publish is dropped and consumers dedupe on it. */
  id: string;
  type: string;
  occurred_at: string;
  data: T;
}

export function eventSubject(service: string, entity: string, event: string): string {
  return `events.${service}.${entity}.${event}.v1`;
}
