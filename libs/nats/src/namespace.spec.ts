import { contractSubject, eventsStream, natsNamespace, natsSubject } from './namespace.js';

describe('SIGNET_NAMESPACE', () => {
  it('prefixes every wire subject and names its own events stream; unset, the contract subjects go out unchanged', () => {
    expect(natsSubject('verify.session.create', 'ci-7')).toBe('ci-7.verify.session.create');
    expect(contractSubject('ci-7.events.verify.session.verified.v1', 'ci-7')).toBe('events.verify.session.verified.v1');
    expect(eventsStream('ci-7')).toEqual({ name: 'SIGNET_EVENTS_ci-7', subjects: 'ci-7.events.>' });
    expect(natsSubject('verify.session.create', '')).toBe('verify.session.create');
    expect(contractSubject('events.verify.session.verified.v1', '')).toBe('events.verify.session.verified.v1');
    expect(eventsStream('')).toEqual({ name: 'SIGNET_EVENTS', subjects: 'events.>' });
  });

  it('refuses a namespace that would change the subject hierarchy', () => {
    expect(() => natsNamespace({ SIGNET_NAMESPACE: 'a.b' })).toThrow(/SIGNET_NAMESPACE/);
    expect(() => natsNamespace({ SIGNET_NAMESPACE: 'a>' })).toThrow(/SIGNET_NAMESPACE/);
    expect(natsNamespace({})).toBe('');
  });
});
