export * from './result.js';
export * from './money.js';
export * from './domain.js';
export * from './sync.js';
export * from './queries.js';
export * from './notices.js';
export * from './contract.js';
export * from './dispatch.js';
