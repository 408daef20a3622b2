import { All2All } from '../../connect/regular.js';
import type { StepContext } from '../../core/context.js';
import { ParameterError, UnknownNameError } from '../../core/errors.js';
import type { Matrix2D, NumericArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { TwoEndConn, type TwoEndConnOptions } from '../../core/two-end-conn.js';
import { initialize, type InitValue } from '../../init/index.js';

/** A pre x post matrix: rows of numbers, or a row-major Matrix2D. */
export type PrePostMatrix = readonly (readonly number[])[] | Matrix2D;

export interface DiffusiveCouplingOptions extends TwoEndConnOptions {
  /** Presynaptic variable that is delayed (BrainPy's coupling_var1), default 'x'. */
  coupling_var1?: string;
  /** Postsynaptic variable subtracted (coupling_var2), default 'x'. */
  coupling_var2?: string;
  /** Postsynaptic accumulator the coupling is added to (var_to_output), default 'input'. */
  var_to_output?: string;
  /** Coupling strengths, pre x post (conn_mat[i][j]: from region i to region j). */
  conn_mat: PrePostMatrix;
  /** Delays in whole steps: one number, or a pre x post matrix of integers; default none. */
  delay_steps?: number | PrePostMatrix;
  /** Values of coupling_var1 before t = 0, one draw per (past step, region); default 0. */
  initial_delay_data?: InitValue;
}

function toRows(m: PrePostMatrix, rows: number, cols: number, what: string): Float64Array {
  const out = new Float64Array(rows * cols);
  if ('data' in m) {
    if (m.rows !== rows || m.cols !== cols) throw new ParameterError(`${what} is ${m.rows}x${m.cols}, expected ${rows}x${cols} (pre x post)`);
    out.set(m.data);
  } else {
    if (m.length !== rows || m.some((r) => r.length !== cols)) throw new ParameterError(`${what} must be ${rows}x${cols} (pre x post)`);
    m.forEach((r, i) => out.set(r, i * cols));
  }
  return out;
}

/**
 * Diffusive coupling between brain regions (BrainPy's synapses.DiffusiveCoupling): every step,
 *   output_j += sum_i conn_mat[i][j] * (x1_i(t - delay_steps[i][j] dt) - x2_j(t))
 * with x1 the presynaptic coupling_var1 and x2 the postsynaptic coupling_var2. Delays read a
 * ring buffer of x1 that starts from `initial_delay_data`. It runs with the synapses, before
 * the groups integrate, so it sees the state at the start of the step.
 */
export class DiffusiveCoupling extends TwoEndConn {
  readonly maxDelay: number;
  private readonly x1: NumericArray;
  private readonly x2: NumericArray;
  private readonly output: NumericArray;
  /** Per post j: the pre indices, weights and delays of its nonzero inputs (CSC order). */
  private readonly colStart: Int32Array;
  private readonly preIndex: Int32Array;
  private readonly weight: Float64Array;
  private readonly delay: Int32Array;
  private readonly weightSum: Float64Array;
  private readonly buffer: Float64Array;
  private head = 0;

  constructor(pre: Population, post: Population, options: DiffusiveCouplingOptions) {
    super(pre, post, new All2All(), options);
    const { coupling_var1 = 'x', coupling_var2 = 'x', var_to_output = 'input', conn_mat, delay_steps = 0, initial_delay_data = 0 } = options;
    const need = (side: Population, name: string, role: string): NumericArray => {
      const array = side.group.variables()[name];
      if (!array) throw new UnknownNameError(`DiffusiveCoupling '${this.name}': ${role} '${name}' is not a variable of group '${side.group.name}' (it has ${Object.keys(side.group.variables()).join(', ')})`);
      return array;
    };
    this.x1 = need(pre, coupling_var1, 'coupling_var1');
    this.x2 = need(post, coupling_var2, 'coupling_var2');
    this.output = need(post, var_to_output, 'var_to_output');
    const [n, m] = [pre.num, post.num];
    const weights = toRows(conn_mat, n, m, `DiffusiveCoupling '${this.name}' conn_mat`);
    const delays = typeof delay_steps === 'number' ? new Float64Array(n * m).fill(delay_steps) : toRows(delay_steps, n, m, `DiffusiveCoupling '${this.name}' delay_steps`);
    const bad = delays.find((d) => !Number.isInteger(d) || d < 0);
    if (bad !== undefined) throw new ParameterError(`DiffusiveCoupling '${this.name}': delay_steps must be integers >= 0 (steps, not ms), got ${bad}`);
    this.maxDelay = delays.reduce((a, b) => Math.max(a, b), 0);
    const entries: [number, number, number, number][] = [];
    for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) if (weights[i * m + j] !== 0) entries.push([j, i, weights[i * m + j], delays[i * m + j]]);
    this.colStart = new Int32Array(m + 1);
    for (const [j] of entries) this.colStart[j + 1]++;
    for (let j = 0; j < m; j++) this.colStart[j + 1] += this.colStart[j];
    this.preIndex = Int32Array.from(entries, (e) => e[1]);
    this.weight = Float64Array.from(entries, (e) => e[2]);
    this.delay = Int32Array.from(entries, (e) => e[3]);
    this.weightSum = new Float64Array(m);
    for (const [j, , w] of entries) this.weightSum[j] += w;
    // Row k of the ring holds x1 at one past step; all rows start as the initial delay data.
    const rows = this.maxDelay + 1;
    this.buffer = Float64Array.from(initialize(initial_delay_data, rows * n, 'float64', `DiffusiveCoupling '${this.name}' initial_delay_data`));
  }

  update(_ctx: StepContext): void {
    const { x1, x2, output, buffer, colStart, preIndex, weight, delay, weightSum } = this;
    const n = this.pre.num;
    const rows = this.maxDelay + 1;
    const a = this.pre.offset;
    const b = this.post.offset;
    for (let i = 0; i < n; i++) buffer[this.head * n + i] = x1[i + a];
    for (let j = 0; j < this.post.num; j++) {
      let sum = 0;
      for (let k = colStart[j]; k < colStart[j + 1]; k++) {
        const row = (this.head - delay[k] + rows) % rows;
        sum += weight[k] * buffer[row * n + preIndex[k]];
      }
      output[j + b] += sum - weightSum[j] * x2[j + b];
    }
    this.head = (this.head + 1) % rows;
  }
}

/**
 * Delay steps from fibre lengths (mm) and a signal speed (mm/ms): floor(length / speed / dt),
 * as the seed's `bm.asarray(Dmat / speed / dt, dtype=int)` truncates.
 */
export function delayStepsFromLengths(lengths: Matrix2D, speed: number, dt: number): Matrix2D<Float64Array> {
  if (!(speed > 0) || !(dt > 0)) throw new ParameterError(`delayStepsFromLengths needs speed > 0 and dt > 0, got ${speed} and ${dt}`);
  return { rows: lengths.rows, cols: lengths.cols, data: Float64Array.from(lengths.data, (l) => Math.trunc(l / speed / dt)) };
}
