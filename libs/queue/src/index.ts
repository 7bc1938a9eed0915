export * from './queue-spec.js';
export * from './worker.js';
export * from './queue-producer.js';
