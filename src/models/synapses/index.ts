export { Exponential, EXPONENTIAL_MODEL, type ExponentialOptions } from './exponential.js';
