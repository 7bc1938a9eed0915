export * from './subjects.js';
export * from './errors.js';
export * from './queues.js';
export * from './pricing.messages.js';
export * from './ledger.messages.js';
export * from './alert.messages.js';
export * from './rpc.js';
