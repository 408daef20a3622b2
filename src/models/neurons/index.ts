export { LIF, LIF_MODEL, type LIFOptions } from './lif.js';
export { ExpIF, EXPIF_MODEL, type ExpIFOptions } from './exp-if.js';
export { AdExIF, ADEXIF_MODEL, type AdExIFOptions } from './adex-if.js';
export { QuaIF, QUAIF_MODEL, type QuaIFOptions } from './qua-if.js';
export { AdQuaIF, ADQUAIF_MODEL, type AdQuaIFOptions } from './adqua-if.js';
export { GIF, GIF_MODEL, type GIFOptions } from './gif.js';
export { Izhikevich, IZHIKEVICH_MODEL, type IzhikevichOptions } from './izhikevich.js';
export { PoissonGroup, type PoissonGroupOptions, SpikeTimeGroup, type SpikeTimeGroupOptions } from '../generators/index.js';
