export { PoissonGroup, type PoissonGroupOptions } from './poisson-group.js';
export { SpikeTimeGroup, type SpikeTimeGroupOptions } from './spike-time-group.js';
