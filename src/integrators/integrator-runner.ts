import { ParameterError, requirePositive, UnknownNameError } from '../core/errors.js';
import { MonitorResults, type MonitorTrace } from '../runner/monitors.js';
import type { Integrator, Stepper } from './field-integrator.js';
import { type Args, mergeArgs } from './vector-field.js';

/** Initial values: by name (a number, or one number per trajectory) or as an array in variable order. */
export type Inits = Readonly<Record<string, number | readonly number[]>> | readonly number[];

export interface IntegratorRunnerOptions {
  /** Variables to record: names, or key -> variable name. */
  monitors?: readonly string[] | Readonly<Record<string, string>>;
  inits: Inits;
  /** Step size (default 0.1). */
  dt?: number;
  /** Arguments for every run (default: the system's own). */
  args?: Args;
}

function trajectoriesOf(integrator: Integrator, inits: Inits): Float64Array[] {
  const { vars } = integrator;
  const byName: Record<string, number | readonly number[]> = {};
  if (Array.isArray(inits)) {
    if (inits.length !== vars.length) throw new ParameterError(`IntegratorRunner: ${inits.length} initial values for the ${vars.length} variables ${vars.join(', ')}`);
    vars.forEach((v, i) => (byName[v] = (inits as readonly number[])[i]));
  } else {
    Object.assign(byName, inits);
  }
  for (const name of Object.keys(byName)) {
    if (!vars.includes(name)) throw new UnknownNameError(`IntegratorRunner: initial value for unknown variable '${name}'; the variables are ${vars.join(', ')}`);
  }
  const missing = vars.find((v) => byName[v] === undefined);
  if (missing) throw new ParameterError(`IntegratorRunner: no initial value for '${missing}'`);
  const lengths = vars.map((v) => (typeof byName[v] === 'number' ? 1 : (byName[v] as readonly number[]).length));
  const count = Math.max(...lengths);
  const bad = vars.find((v, i) => lengths[i] !== 1 && lengths[i] !== count);
  if (bad) throw new ParameterError(`IntegratorRunner: '${bad}' has ${lengths[vars.indexOf(bad)]} initial values, others ${count}`);
  return Array.from({ length: count }, (_, k) =>
    Float64Array.from(vars, (v) => {
      const value = byName[v];
      const x = typeof value === 'number' ? value : value.length === 1 ? value[0] : value[k];
      if (!Number.isFinite(x)) throw new ParameterError(`IntegratorRunner: initial value of '${v}' must be finite, got ${x}`);
      return x;
    }),
  );
}

function sameArgs(a: Args | undefined, b: Args): boolean {
  return a !== undefined && Object.keys(b).every((name) => a[name] === b[name]);
}

/**
 * BrainPy's IntegratorRunner: integrates a system of equations (no group, no network) from
 * initial values, recording the monitored variables after every step. Several trajectories run
 * side by side when an initial value is an array; each monitor then has one column per trajectory.
 * Time and state continue across successive `run` calls.
 */
export class IntegratorRunner {
  readonly dt: number;
  mon: MonitorResults = new MonitorResults(new Float64Array(0), new Map());
  private readonly states: Float64Array[];
  private readonly monitors: readonly (readonly [string, number])[];
  private readonly defaultArgs: Args;
  private steppers: Stepper[] | undefined;
  private stepperArgs: Args | undefined;
  private stepsDone = 0;

  constructor(
    readonly integrator: Integrator,
    options: IntegratorRunnerOptions,
  ) {
    this.dt = requirePositive(options.dt ?? 0.1, 'IntegratorRunner dt');
    this.states = trajectoriesOf(integrator, options.inits);
    this.defaultArgs = mergeArgs(integrator, options.args, 'IntegratorRunner');
    const specs = options.monitors ?? integrator.vars;
    const entries: [string, string][] = Array.isArray(specs) ? specs.map((v) => [v, v]) : Object.entries(specs);
    this.monitors = entries.map(([key, v]) => {
      const index = integrator.vars.indexOf(v);
      if (index < 0) throw new UnknownNameError(`IntegratorRunner: cannot monitor '${v}'; the variables are ${integrator.vars.join(', ')}`);
      return [key, index] as const;
    });
  }

  /** Simulated time so far. */
  get t(): number {
    return this.stepsDone * this.dt;
  }

  /** The current state of every trajectory, by variable: one array per variable. */
  get state(): Record<string, Float64Array> {
    return Object.fromEntries(this.integrator.vars.map((v, i) => [v, Float64Array.from(this.states, (s) => s[i])]));
  }

  /** Integrate for `duration`, optionally with other arguments; returns the wall time in s. */
  run(duration: number, args?: Args): number {
    requirePositive(duration, 'IntegratorRunner run duration');
    const steps = Math.round(duration / this.dt);
    if (steps < 1) throw new ParameterError(`IntegratorRunner: duration ${duration} is shorter than one step of ${this.dt}`);
    const runArgs = args ? mergeArgs(this.integrator, { ...this.defaultArgs, ...args }, 'IntegratorRunner.run') : this.defaultArgs;
    if (!this.steppers || !sameArgs(this.stepperArgs, runArgs)) {
      // Steppers carry memory (fractional, adaptive, noise): they are made once and kept while the arguments stay.
      this.steppers = this.states.map((y) => this.integrator.stepper(this.dt, Float64Array.from(y), runArgs));
      this.stepperArgs = runArgs;
    }
    const cols = this.states.length;
    const data = this.monitors.map(() => new Float64Array(steps * cols));
    const ts = new Float64Array(steps);
    const started = performance.now();
    for (let step = 0; step < steps; step++) {
      const t = (this.stepsDone + step) * this.dt;
      ts[step] = t + this.dt;
      for (let k = 0; k < cols; k++) {
        const y = this.states[k];
        this.steppers[k](y, t);
        for (let m = 0; m < this.monitors.length; m++) data[m][step * cols + k] = y[this.monitors[m][1]];
      }
    }
    const wall = (performance.now() - started) / 1000;
    this.stepsDone += steps;
    const traces = new Map<string, MonitorTrace>(this.monitors.map(([key], m) => [key, { data: data[m], rows: steps, cols, ts }]));
    this.mon = new MonitorResults(ts, traces);
    return wall;
  }
}
