import { getDt, type StepContext } from '../core/context.js';
import type { DynamicalSystem } from '../core/dynamical-system.js';
import { ParameterError, requirePositive } from '../core/errors.js';
import { BoundInput, type InputSpec } from './inputs.js';
import { MonitorResults, MonitorSet, type MonitorSpec, normalizeMonitors, type VariableMonitor } from './monitors.js';
import { defaultProgress, type ProgressReporter } from './progress.js';

export interface RunnerOptions {
  monitors?: MonitorSpec[] | Readonly<Record<string, string | Omit<VariableMonitor, 'key'>>>;
  inputs?: readonly InputSpec[];
  /** Step size in ms (default: the global dt, 0.1 unless set with setDt). */
  dt?: number;
  /** Show a progress bar (default true; silent when not on a terminal), or a reporter of your own. */
  progress?: boolean | ProgressReporter;
  /** Upper bound on monitor memory in bytes (default 2 GiB). */
  monitorMemoryLimit?: number;
}

const DEFAULT_MONITOR_LIMIT = 2 * 2 ** 30;

/**
 * Runs a system (BrainPy's DSRunner). Each step: apply the inputs, update the system, record the
 * monitors, clear the input accumulators. Time continues across successive `run` calls; the
 * monitors hold the last run.
 */
export class Runner {
  readonly target: DynamicalSystem;
  readonly dt: number;
  mon: MonitorResults;
  private readonly monitors: MonitorSet;
  private readonly inputs: BoundInput[];
  private readonly progress: boolean | ProgressReporter;
  private stepsDone = 0;

  constructor(target: DynamicalSystem, options: RunnerOptions = {}) {
    this.target = target;
    this.dt = requirePositive(options.dt ?? getDt(), 'dt (ms)');
    this.monitors = new MonitorSet(target, normalizeMonitors(options.monitors ?? []), options.monitorMemoryLimit ?? DEFAULT_MONITOR_LIMIT);
    this.inputs = (options.inputs ?? []).map((spec) => new BoundInput(target, spec));
    this.progress = options.progress ?? true;
    this.mon = new MonitorResults(new Float64Array(0), new Map());
  }

  /** Simulated time reached so far (ms). */
  get t(): number {
    return this.stepsDone * this.dt;
  }

  /** Simulate `duration` ms; returns the wall time of the step loop in seconds. */
  run(duration: number): number {
    requirePositive(duration, 'run duration (ms)');
    const steps = Math.round(duration / this.dt);
    if (Math.abs(steps * this.dt - duration) > 1e-9 * Math.max(1, duration)) {
      throw new ParameterError(`run duration ${duration} ms is not a whole number of steps of dt = ${this.dt} ms`);
    }
    for (const input of this.inputs) input.checkSteps(steps);
    this.target.prepare(this.dt);
    this.monitors.start(steps);
    const reporter = this.progress === true ? defaultProgress() : this.progress || undefined;
    const reportEvery = Math.max(1, Math.floor(steps / 100));
    const times = new Float64Array(steps);
    const ctx: StepContext = { t: 0, i: 0, dt: this.dt };

    reporter?.start(steps);
    const started = performance.now();
    for (let step = 0; step < steps; step++) {
      ctx.i = this.stepsDone + step;
      ctx.t = ctx.i * this.dt;
      times[step] = ctx.t;
      for (const input of this.inputs) input.applyAt(step, ctx.t);
      this.target.update(ctx);
      this.monitors.record(ctx, step);
      this.target.clearInputs();
      if (reporter && step % reportEvery === 0) reporter.update(step);
    }
    const wall = (performance.now() - started) / 1000;
    reporter?.update(steps);
    reporter?.stop();
    this.stepsDone += steps;
    this.mon = this.monitors.results(times);
    return wall;
  }
}
