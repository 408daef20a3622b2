/**
 * Neurodyn's browser-safe entry: everything except what writes files or touches the terminal.
 * Nothing reachable from here may import a Node built-in (test/browser-bundle.test.ts checks).
 */
export * as neurons from './models/neurons/index.js';
export * as channels from './models/channels/index.js';
export * as synapses from './models/synapses/index.js';
export * as synouts from './models/synouts/index.js';
export * as rates from './models/rates/index.js';
export * as io from './io/index.js';
export * as sweep from './sweep/index.js';
export * as synplast from './models/stp/index.js';
export * as conn from './connect/index.js';
export * as init from './init/index.js';
export * as inputs from './inputs/index.js';
export * as measure from './measure/index.js';
export * as integrators from './integrators/index.js';
export * as analysis from './analysis/index.js';
export * as strings from './strings/index.js';
export * as units from './units/index.js';
export * as analysisPlots from './plot/analysis-plots.js';
export { odeint } from './integrators/odeint.js';
export { sdeint } from './integrators/sde.js';
export { fdeint } from './integrators/fde.js';
export { JointEq, EquationField } from './integrators/joint-eq.js';
export { IntegratorRunner } from './integrators/integrator-runner.js';
export { DiscreteMapGroup } from './integrators/discrete-map.js';
export * as chaos from './models/chaos/index.js';
export { FractionalIzhikevich } from './models/neurons/fractional-izhikevich.js';
export { FractionalFHR } from './models/neurons/fractional-fhr.js';
export { DynamicalSystem } from './core/dynamical-system.js';
export { NeuGroup, NeuGroupView, type Population, type Size } from './core/neu-group.js';
export { EquationGroup, type ParamValue } from './core/equation-group.js';
export { defineModel, type Model, type ModelSpec } from './core/model.js';
export { TwoEndConn } from './core/two-end-conn.js';
export { addSpikeEvents } from './core/events.js';
export { LengthDelay, type InitialDelayData } from './core/delay-buffer.js';
export { DelayedEvents } from './core/delay-events.js';
export { Network } from './core/network.js';
export { Runner, type RunnerOptions } from './runner/runner.js';
export { MonitorResults, type MonitorSpec, type MonitorTrace } from './runner/monitors.js';
export { type InputSpec } from './runner/inputs.js';
export { setDefaultProgress, type ProgressReporter } from './runner/progress.js';
export { getDt, setDt, type StepContext } from './core/context.js';
export { getDType, setDType } from './core/dtype.js';
export { RandomStream, seed } from './core/random.js';
export { type Matrix2D } from './core/matrix.js';
export * from './core/errors.js';
export * as visualize from './plot/visualize-browser.js';
