/** Initialisers for parameters and state (BrainPy's `brainpy.init`). */
export { type Initializer, type InitValue, initialize } from './initializer.js';
export { Normal, type SeedOption, Uniform } from './random.js';
export { Constant, OneInit, ZeroInit } from './regular.js';
