export * from './queue-spec.js';
export * from './worker.js';
