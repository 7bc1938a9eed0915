export * from './queue-spec.js';
export * from './worker.js';
export * from './queue-producer.js';
export * from './queue-metrics.js';
