/** Short-term synaptic plasticity (BrainPy's synplast), attached to a synapse with its `stp` option. */
export { ShortTermPlasticity } from './plasticity.js';
export { STD, STD_MODEL, type STDOptions } from './std.js';
export { STP, STP_MODEL, type STPOptions } from './stp.js';
