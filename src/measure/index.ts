/** Measurements on recorded activity (BrainPy's `brainpy.measure`). */
export { firingRate, meanRate, windowLength } from './firings.js';
export { type LFPLocation, unitaryLFP, type UnitaryLFPOptions } from './lfp.js';
export { bandpassEnvelope, fft, peakFrequency, powerSpectrum } from './lfp-spectral.js';
