export * from './contract/index.js';
export * from './permissions.js';
