export { constantInput, sectionInput, type SectionValue } from './section-input.js';
export { rampInput, sinusoidalInput, spikeInput, squareInput, type PeriodicOptions, type WindowOptions } from './shaped-input.js';
export { ouProcess, wienerProcess, type NoiseOptions } from './noise-input.js';
