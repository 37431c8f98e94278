export * from './result.js';
export * from './money.js';
export * from './domain.js';
