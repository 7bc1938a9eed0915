import { Callbacks1764200000100 } from './1764200000100-callbacks.js';

export const migrations = [Callbacks1764200000100];
