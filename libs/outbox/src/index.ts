export * from './outbox-relay.js';
export * from './outbox-event.js';
export * from './processed-events.js';
export * from './events-relay.js';
