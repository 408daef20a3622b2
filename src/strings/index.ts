/**
 * Brian2-style models from strings. Names follow Brian2 where a port should read line by line
 * (NeuronGroup, Synapses, connect({p, condition, i, j}), threshold/reset/refractory/method,
 * equation flags), and TypeScript conventions elsewhere: options are camelCase (onPre, onPost),
 * values are set with `set(name, value, unit?)` because TypeScript has no typed dynamic
 * attributes (`P.v = ...`), and units are functions (`mV(20)`, `ms(0.5)`) because JavaScript
 * has no operator overloading for `20*mV`. Inside strings, everything is as in Brian2.
 */
export { NeuronGroup, NeuronGroupSlice, type NeuronGroupOptions } from './neuron-group.js';
export { Synapses, type SynapsesOptions, type ConnectOptions } from './synapses.js';
export { parseEquations, type Declaration } from './equations.js';
export type { Constant, Namespace } from './scope.js';
export type { VariableValue } from './values.js';
