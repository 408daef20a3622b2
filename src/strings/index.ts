export { NeuronGroup, NeuronGroupSlice, type NeuronGroupOptions } from './neuron-group.js';
export { Synapses, type SynapsesOptions, type ConnectOptions } from './synapses.js';
export { parseEquations, type Declaration } from './equations.js';
export type { Constant, Namespace } from './scope.js';
export type { VariableValue } from './values.js';
