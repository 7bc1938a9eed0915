export * from './subjects.js';
export * from './errors.js';
export * from './events.js';
export * from './queues.js';
export * from './session.messages.js';
export * from './app.messages.js';
export * from './outbox.messages.js';
export * from './rpc.js';
