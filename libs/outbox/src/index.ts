export * from './outbox-relay.js';
export * from './outbox-event.js';
