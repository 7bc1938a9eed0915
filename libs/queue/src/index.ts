export * from './redis-connection.js';
export * from './queue-spec.js';
export * from './worker.js';
