export * from './account-data-consumer.js';
