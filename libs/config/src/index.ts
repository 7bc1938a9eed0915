export * from './read-config.js';
export * from './infra.config.js';
export * from './redis-options.js';
