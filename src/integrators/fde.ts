import { ParameterError } from '../core/errors.js';
import type { Integrator } from './field-integrator.js';
import { gamma } from './gamma.js';
import type { VectorField } from './vector-field.js';

/**
 * Fractional-order integration of D^alpha y = f(y, t), 0 < alpha <= 1, with a finite memory of
 * `numMemory` past steps (BrainPy's num_memory). A memory works on a flat array of `size` values
 * and is told the derivative by its caller, so groups with inputs (fractional neurons) and plain
 * systems (IntegratorRunner) share it. With alpha = 1 both schemes are exactly forward Euler.
 */
export interface FractionalMemory {
  /** Advance y in place, given dy/dt^alpha = dydt at the current y. */
  advance(y: Float64Array, dydt: Float64Array): void;
}

function alphasOf(alpha: number | ArrayLike<number>, size: number, where: string): Float64Array {
  const values = typeof alpha === 'number' ? new Float64Array(size).fill(alpha) : Float64Array.from(alpha);
  if (values.length !== size) throw new ParameterError(`${where}: ${values.length} fractional orders for ${size} values`);
  for (const a of values) if (!(a > 0 && a <= 1)) throw new ParameterError(`${where}: the fractional order alpha must lie in (0, 1], got ${a}`);
  return values;
}

function checkMemory(numMemory: number, where: string): number {
  if (!Number.isInteger(numMemory) || numMemory < 1) throw new ParameterError(`${where}: num_memory must be a positive integer, got ${numMemory}`);
  return numMemory;
}

/**
 * The Caputo L1 scheme (Oldham & Spanier 1974; BrainPy's CaputoL1Schema):
 *   y_N = y_{N-1} + Gamma(2 - alpha) dt^alpha f(y_{N-1}) - sum_{j>=1} b_j (y_{N-j} - y_{N-j-1}),
 *   b_j = (j + 1)^(1 - alpha) - j^(1 - alpha),
 * the sum running over the last numMemory differences of the values passed in (so a reset of
 * a neuron's V enters the memory, as in BrainPy).
 */
export class CaputoL1Memory implements FractionalMemory {
  private readonly alpha: Float64Array;
  private readonly markov: Float64Array;
  /** weights[i * numMemory + j] = b_{j+1} for element i. */
  private readonly weights: Float64Array;
  /** Ring buffer of differences per element (element-major), newest at `head`. */
  private readonly diffs: Float64Array;
  private readonly previous: Float64Array;
  private head = 0;
  private filled = 0;

  constructor(
    readonly size: number,
    alpha: number | ArrayLike<number>,
    readonly numMemory: number,
    dt: number,
    y0: ArrayLike<number>,
  ) {
    checkMemory(numMemory, 'CaputoL1');
    this.alpha = alphasOf(alpha, size, 'CaputoL1');
    this.markov = this.alpha.map((a) => gamma(2 - a) * dt ** a);
    this.weights = new Float64Array(numMemory * size);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < numMemory; j++) this.weights[i * numMemory + j] = (j + 2) ** (1 - this.alpha[i]) - (j + 1) ** (1 - this.alpha[i]);
    }
    this.diffs = new Float64Array(numMemory * size);
    this.previous = Float64Array.from(y0);
  }

  advance(y: Float64Array, dydt: Float64Array): void {
    const { size, numMemory, diffs, previous } = this;
    this.head = (this.head + 1) % numMemory;
    this.filled = Math.min(this.filled + 1, numMemory);
    for (let i = 0; i < size; i++) {
      diffs[i * numMemory + this.head] = y[i] - previous[i];
      previous[i] = y[i];
      y[i] = y[i] + this.markov[i] * dydt[i] - ringDot(this.weights, diffs, i * numMemory, numMemory, this.head, this.filled);
    }
  }
}

/**
 * The Grünwald-Letnikov scheme with the short-memory principle (Podlubny 1999; Clemente-López
 * et al. 2019; BrainPy's GLShortMemory):
 *   y_k = dt^alpha f(y_{k-1}) - sum_{j=1}^{v} c_j y_{k-j},  c_0 = 1, c_j = (1 - (1 + alpha) / j) c_{j-1},
 * over the last v <= numMemory values it produced, starting from y0. As in BrainPy (and the
 * chaos literature), the sum runs over y itself, not y - y0: for y0 != 0 this is the
 * Riemann-Liouville-type discretisation, identical to Caputo's when y0 = 0.
 */
export class GLShortMemory implements FractionalMemory {
  private readonly alpha: Float64Array;
  private readonly scale: Float64Array;
  private readonly coefficients: Float64Array;
  private readonly history: Float64Array;
  private head = 0;
  private filled = 1;

  constructor(
    readonly size: number,
    alpha: number | ArrayLike<number>,
    readonly numMemory: number,
    dt: number,
    y0: ArrayLike<number>,
  ) {
    checkMemory(numMemory, 'GLShortMemory');
    this.alpha = alphasOf(alpha, size, 'GLShortMemory');
    this.scale = this.alpha.map((a) => dt ** a);
    this.coefficients = new Float64Array(numMemory * size);
    for (let i = 0; i < size; i++) {
      let c = 1;
      for (let j = 1; j <= numMemory; j++) {
        c *= 1 - (1 + this.alpha[i]) / j;
        this.coefficients[i * numMemory + j - 1] = c;
      }
    }
    this.history = new Float64Array(numMemory * size);
    for (let i = 0; i < size; i++) this.history[i * numMemory] = y0[i];
  }

  advance(y: Float64Array, dydt: Float64Array): void {
    const { size, numMemory, history } = this;
    const next = (this.head + 1) % numMemory;
    for (let i = 0; i < size; i++) {
      y[i] = this.scale[i] * dydt[i] - ringDot(this.coefficients, history, i * numMemory, numMemory, this.head, this.filled);
      history[i * numMemory + next] = y[i];
    }
    this.head = next;
    this.filled = Math.min(this.filled + 1, numMemory);
  }
}

/**
 * sum_j w[base + j] * ring[base + (head - j) mod length] for j < count: weights in order of age,
 * a ring buffer of one element's history with its newest entry at `head`. Two straight loops
 * instead of a modulo per term, since this is where fractional integration spends its time.
 */
function ringDot(w: Float64Array, ring: Float64Array, base: number, length: number, head: number, count: number): number {
  let sum = 0;
  const first = Math.min(count, head + 1);
  for (let j = 0; j < first; j++) sum += w[base + j] * ring[base + head - j];
  for (let j = first; j < count; j++) sum += w[base + j] * ring[base + head - j + length];
  return sum;
}

export interface FdeOptions {
  /** Fractional order: one for all variables or one per variable, in (0, 1]. */
  alpha: number | readonly number[];
  /** Number of past steps remembered (BrainPy's num_memory). */
  numMemory: number;
  /** 'l1' (Caputo L1, default) or 'short-memory' (Grünwald-Letnikov), BrainPy's fdeint names. */
  method?: 'l1' | 'short-memory';
}

/**
 * BrainPy's fdeint for IntegratorRunner: a fractional-order system over a vector field. Each
 * trajectory keeps its own memory from its initial values.
 */
export function fdeint(field: VectorField, options: FdeOptions): Integrator {
  const method = options.method ?? 'l1';
  if (method !== 'l1' && method !== 'short-memory') throw new ParameterError(`fdeint: unknown method '${String(method)}'; choose 'l1' or 'short-memory'`);
  const n = field.vars.length;
  alphasOf(options.alpha, typeof options.alpha === 'number' ? 1 : n, 'fdeint');
  checkMemory(options.numMemory, 'fdeint');
  const Memory = method === 'l1' ? CaputoL1Memory : GLShortMemory;
  return {
    vars: field.vars,
    args: field.args,
    stepper(dt, y0, args) {
      const memory = new Memory(n, options.alpha, options.numMemory, dt, y0);
      const dydt = new Float64Array(n);
      return (y, t) => {
        field.evaluate(y, t, args, dydt);
        memory.advance(y, dydt);
      };
    },
  };
}
