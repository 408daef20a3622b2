export * from './dimension.js';
export * from './quantity.js';
export * from './units.js';
export * from './check.js';
