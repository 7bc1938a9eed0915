export * from './data-source.js';
export * from './migrate.js';
export * from './database.providers.js';
export * from './sql.js';
export * from './query-logger.js';
export * from './probe.js';
