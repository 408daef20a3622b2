/** Rate and neural-mass models (BrainPy's `brainpy.rates`), declared as equations like neurons. */
export { WilsonCowanModel, WILSON_COWAN_MODEL, type WilsonCowanOptions } from './wilson-cowan.js';
export { FHN, FHN_MODEL, type FHNOptions } from './fhn.js';
