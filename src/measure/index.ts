/** Measurements on recorded activity (BrainPy's `brainpy.measure`). */
export { firingRate, meanRate, windowLength } from './firings.js';
export { type LFPLocation, type SpikeEvents, unitaryLFP, unitaryLFPFromEvents, type UnitaryLFPOptions } from './lfp.js';
export { bandpassEnvelope, fft, peakFrequency, powerSpectrum } from './lfp-spectral.js';
export { functionalConnectivity, matrixCorrelation } from './fc.js';
