/** Measurements on recorded activity (BrainPy's `brainpy.measure`). */
export { firingRate, meanRate, windowLength } from './firings.js';
