import { EVENTS_STREAM, EVENTS_SUBJECTS } from '@signet/contracts/common';

/**
 * `SIGNET_NAMESPACE` lets several Signet stacks share one NATS server without hearing each other (`npm test`, a
 * benchmark and `npm start` on one machine): every subject this code publishes, requests, subscribes to or
 * filters on is prefixed with `<namespace>.`, queue groups with the same, and the events stream is its own
 * (`SIGNET_EVENTS_<namespace>` over `<namespace>.events.>`), so its durables are too. Unset (production): the
 * subjects of the contracts, unchanged. Contracts and handlers only ever see the unprefixed subjects.
 */
export function natsNamespace(env: NodeJS.ProcessEnv = process.env): string {
  const ns = env.SIGNET_NAMESPACE ?? '';
  if (!/^[a-z0-9_-]{0,32}$/i.test(ns)) throw new Error(`SIGNET_NAMESPACE must be at most 32 letters, digits, "-" or "_": ${ns}`);
  return ns;
}

/** The subject on the wire for a contract's subject. */
export const natsSubject = (subject: string, ns = natsNamespace()): string => (ns ? `${ns}.${subject}` : subject);

/** The contract's subject for a subject on the wire (the inverse of `natsSubject`). */
export const contractSubject = (wire: string, ns = natsNamespace()): string => (ns && wire.startsWith(`${ns}.`) ? wire.slice(ns.length + 1) : wire);

/** The JetStream stream holding this namespace's events, and the subjects it captures. */
export const eventsStream = (ns = natsNamespace()): { name: string; subjects: string } => ({
  name: ns ? `${EVENTS_STREAM}_${ns}` : EVENTS_STREAM,
  subjects: natsSubject(EVENTS_SUBJECTS, ns),
});
