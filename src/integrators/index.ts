export { odeint, type OdeintOptions, type ScalarDerivative, type VectorDerivative } from './odeint.js';
export { methodNames } from './methods.js';
export { emitOdeStep, type OdeSystem } from './emit-step.js';
