export * from './queue-board.js';
