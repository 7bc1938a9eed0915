export * from './domain-error.js';
export * from './outage.js';
export * from './text.js';
