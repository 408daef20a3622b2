export { LIF, LIF_MODEL, type LIFOptions } from './lif.js';
