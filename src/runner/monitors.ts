import type { StepContext } from '../core/context.js';
import type { DynamicalSystem } from '../core/dynamical-system.js';
import { MonitorMemoryError, ParameterError, UnknownNameError } from '../core/errors.js';
import type { Matrix2D, NumericArray } from '../core/matrix.js';

/** What to record: a variable path ('E.V'), optionally a subset of neurons and every k-th step. */
export interface VariableMonitor {
  path: string;
  /** Key of the result (default: the path). */
  key?: string;
  /** Neuron indices to record (default: all). */
  index?: ArrayLike<number>;
  /** Record every k-th step (default 1). */
  every?: number;
}

/** A value computed from the step context, e.g. a population mean. */
export interface FunctionMonitor {
  key: string;
  fn: (ctx: StepContext) => number | ArrayLike<number>;
  every?: number;
}

export type MonitorSpec = string | VariableMonitor | FunctionMonitor;

/** One recorded trace: `rows` recorded steps by `cols` values, with the time of each row. */
export interface MonitorTrace extends Matrix2D {
  readonly ts: Float64Array;
  /** The neuron indices recorded, when a subset was asked for. */
  readonly indices?: Int32Array;
}

interface Recorder {
  readonly key: string;
  readonly every: number;
  /** Bytes per recorded row, or undefined when only known after the first call (functions). */
  readonly rowBytes: number | undefined;
  start(rows: number): void;
  record(ctx: StepContext, row: number): void;
  result(ts: Float64Array): MonitorTrace;
}

function checkEvery(every: number | undefined, key: string): number {
  const k = every ?? 1;
  if (!Number.isInteger(k) || k < 1) throw new ParameterError(`monitor '${key}': every must be a positive integer, got ${every}`);
  return k;
}

function storageLike(source: NumericArray, length: number): NumericArray {
  if (source instanceof Uint8Array) return new Uint8Array(length);
  if (source instanceof Float32Array) return new Float32Array(length);
  return new Float64Array(length);
}

function variableRecorder(target: DynamicalSystem, spec: VariableMonitor): Recorder {
  const key = spec.key ?? spec.path;
  const source = target.resolveVariable(spec.path, 'monitor');
  const every = checkEvery(spec.every, key);
  let indices: Int32Array | undefined;
  if (spec.index !== undefined) {
    indices = Int32Array.from(spec.index);
    const bad = indices.find((i) => i < 0 || i >= source.length);
    if (bad !== undefined) throw new ParameterError(`monitor '${key}': index ${bad} is outside 0..${source.length - 1}`);
  }
  const cols = indices?.length ?? source.length;
  let data = storageLike(source, 0);
  let rows = 0;
  return {
    key,
    every,
    rowBytes: cols * data.BYTES_PER_ELEMENT,
    start(n) {
      rows = n;
      data = storageLike(source, n * cols);
    },
    record(_ctx, row) {
      const base = row * cols;
      if (indices) for (let c = 0; c < cols; c++) data[base + c] = source[indices[c]];
      else data.set(source, base);
    },
    result(ts) {
      return { data, rows, cols, ts, indices };
    },
  };
}

function functionRecorder(spec: FunctionMonitor): Recorder {
  const every = checkEvery(spec.every, spec.key);
  let data = new Float64Array(0);
  let rows = 0;
  let cols = -1;
  return {
    key: spec.key,
    every,
    rowBytes: undefined,
    start(n) {
      rows = n;
      cols = -1;
    },
    record(ctx, row) {
      const value = spec.fn(ctx);
      // A number is one column, stored without wrapping it in an array every step.
      const length = typeof value === 'number' ? 1 : value.length;
      if (cols < 0) {
        cols = length;
        data = new Float64Array(rows * cols);
      } else if (length !== cols) {
        throw new ParameterError(`monitor '${spec.key}' returned ${length} values at t = ${ctx.t} ms, earlier ${cols}`);
      }
      if (typeof value === 'number') data[row] = value;
      else for (let c = 0; c < cols; c++) data[row * cols + c] = value[c];
    },
    result(ts) {
      return { data, rows, cols: Math.max(cols, 0), ts };
    },
  };
}

export function normalizeMonitors(specs: MonitorSpec[] | Readonly<Record<string, string | Omit<VariableMonitor, 'key'>>>): MonitorSpec[] {
  if (Array.isArray(specs)) return specs;
  return Object.entries(specs).map(([key, spec]) => (typeof spec === 'string' ? { key, path: spec } : { ...spec, key }));
}

/** Records the monitored values of one run into preallocated typed arrays. */
export class MonitorSet {
  private readonly recorders: Recorder[];

  constructor(target: DynamicalSystem, specs: MonitorSpec[], private readonly memoryLimit: number) {
    this.recorders = specs.map((spec) => {
      if (typeof spec === 'string') return variableRecorder(target, { path: spec });
      return 'fn' in spec ? functionRecorder(spec) : variableRecorder(target, spec);
    });
    const keys = this.recorders.map((r) => r.key);
    const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
    if (repeated) throw new ParameterError(`two monitors share the key '${repeated}'`);
  }

  /** Allocate for a run of `steps` steps, after checking the memory it needs. */
  start(steps: number): void {
    const needs = this.recorders.map((r) => ({ key: r.key, bytes: Math.ceil(steps / r.every) * (r.rowBytes ?? 8) }));
    const total = needs.reduce((sum, n) => sum + n.bytes, 0);
    if (total > this.memoryLimit) {
      const gb = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
      throw new MonitorMemoryError(
        `monitors would need ${gb(total)} for ${steps} steps (${needs.map((n) => `${n.key}: ${gb(n.bytes)}`).join(', ')}) ` +
          `but the limit is ${gb(this.memoryLimit)}. Record fewer neurons ({ path, index: [...] }), every k-th step ({ path, every: k }), ` +
          'run for a shorter time, or raise the runner option monitorMemoryLimit.',
      );
    }
    for (const r of this.recorders) r.start(Math.ceil(steps / r.every));
  }

  /** Record step `step` (0-based within the run). */
  record(ctx: StepContext, step: number): void {
    for (const r of this.recorders) if (step % r.every === 0) r.record(ctx, step / r.every);
  }

  /** The traces of the run, keyed by monitor key. `times` holds t of every step of the run. */
  results(times: Float64Array): MonitorResults {
    const traces = new Map<string, MonitorTrace>();
    for (const r of this.recorders) {
      const ts = r.every === 1 ? times : times.filter((_, i) => i % r.every === 0);
      traces.set(r.key, r.result(ts));
    }
    return new MonitorResults(times, traces);
  }
}

/** The monitors of the last run: `mon.ts` and `mon.get('E.spike')`. */
export class MonitorResults {
  constructor(
    readonly ts: Float64Array,
    private readonly traces: ReadonlyMap<string, MonitorTrace>,
  ) {}

  get(key: string): MonitorTrace {
    const trace = this.traces.get(key);
    if (!trace) throw new UnknownNameError(`no monitor '${key}'; monitored: ${[...this.traces.keys()].join(', ') || '(none)'}`);
    return trace;
  }

  keys(): string[] {
    return [...this.traces.keys()];
  }
}
