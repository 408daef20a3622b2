import { ParameterError, requirePositive } from '../core/errors.js';
import type { Integrator } from './field-integrator.js';
import { type Args, mergeArgs, type VectorField } from './vector-field.js';

/**
 * Embedded Runge-Kutta pairs with error control: the step's error is estimated as the
 * difference between a solution of order p (`b`) and one of order p - 1 (`bHat`), and the step
 * size adapts so that this estimate stays below atol + rtol |y| in every component (RMS norm,
 * Hairer, Norsett & Wanner, Solving ODEs I, II.4).
 */
export interface EmbeddedTableau {
  readonly a: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly bHat: readonly number[];
  readonly c: readonly number[];
  /** Order of the solution that is propagated. */
  readonly order: number;
}

export const EMBEDDED_TABLEAUS: Readonly<Record<string, EmbeddedTableau>> = Object.freeze({
  // Fehlberg's 4(5) pair, propagating the fifth-order solution (as BrainPy's rkf45 does).
  rkf45: {
    a: [[], [1 / 4], [3 / 32, 9 / 32], [1932 / 2197, -7200 / 2197, 7296 / 2197], [439 / 216, -8, 3680 / 513, -845 / 4104], [-8 / 27, 2, -3544 / 2565, 1859 / 4104, -11 / 40]],
    b: [16 / 135, 0, 6656 / 12825, 28561 / 56430, -9 / 50, 2 / 55],
    bHat: [25 / 216, 0, 1408 / 2565, 2197 / 4104, -1 / 5, 0],
    c: [0, 1 / 4, 3 / 8, 12 / 13, 1, 1 / 2],
    order: 5,
  },
  // Dormand and Prince's 5(4) pair.
  dopri5: {
    a: [
      [],
      [1 / 5],
      [3 / 40, 9 / 40],
      [44 / 45, -56 / 15, 32 / 9],
      [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
      [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
      [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
    ],
    b: [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0],
    bHat: [5179 / 57600, 0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40],
    c: [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1],
    order: 5,
  },
});

export interface AdaptiveOptions {
  /** rkf45 (default) or dopri5. */
  method?: string;
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  atol?: number;
  /** First trial step (default: a hundredth of the interval). */
  h0?: number;
  /** Largest step (default: the whole interval). */
  hMax?: number;
  /** Give up after this many attempted steps (default 1e6). */
  maxSteps?: number;
  args?: Args;
}

export interface AdaptiveSolution {
  /** Accepted times, from t0 to t1. */
  readonly ts: Float64Array;
  /** Row-major: one row of the variables per accepted time. */
  readonly ys: Float64Array;
  readonly accepted: number;
  readonly rejected: number;
  /** The largest error estimate of an accepted step, in units of the tolerance (<= 1). */
  readonly maxErrorRatio: number;
}

function tableauFor(method: string): EmbeddedTableau {
  const tableau = EMBEDDED_TABLEAUS[method];
  if (!tableau) throw new ParameterError(`unknown adaptive method '${method}'; choose one of ${Object.keys(EMBEDDED_TABLEAUS).join(', ')}`);
  return tableau;
}

/** One adaptive integrator state: the stage buffers and the current step-size guess. */
class AdaptiveCore {
  private readonly k: Float64Array[];
  private readonly stage: Float64Array;
  private readonly next: Float64Array;
  accepted = 0;
  rejected = 0;
  maxErrorRatio = 0;

  constructor(
    private readonly field: VectorField,
    private readonly tableau: EmbeddedTableau,
    private readonly rtol: number,
    private readonly atol: number,
    private readonly maxSteps: number,
    private readonly hMax: number,
    public h: number,
  ) {
    const n = field.vars.length;
    this.k = tableau.b.map(() => new Float64Array(n));
    this.stage = new Float64Array(n);
    this.next = new Float64Array(n);
  }

  /** Try one step of size h from (t, y); returns the error ratio (<= 1: acceptable), leaving the result in `next`. */
  private attempt(y: Float64Array, t: number, h: number, args: Args): number {
    const { a, b, bHat, c } = this.tableau;
    const n = y.length;
    for (let s = 0; s < b.length; s++) {
      for (let i = 0; i < n; i++) {
        let v = y[i];
        for (let j = 0; j < s; j++) v += h * a[s][j] * this.k[j][i];
        this.stage[i] = v;
      }
      this.field.evaluate(this.stage, t + c[s] * h, args, this.k[s]);
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let high = y[i];
      let error = 0;
      for (let s = 0; s < b.length; s++) {
        high += h * b[s] * this.k[s][i];
        error += h * (b[s] - bHat[s]) * this.k[s][i];
      }
      this.next[i] = high;
      const scale = this.atol + this.rtol * Math.max(Math.abs(y[i]), Math.abs(high));
      sum += (error / scale) ** 2;
    }
    return Math.sqrt(sum / n);
  }

  /** Integrate y in place from t0 to t1; `onAccept` sees every accepted step. */
  advance(y: Float64Array, t0: number, t1: number, args: Args, onAccept?: (t: number, y: Float64Array) => void): void {
    let t = t0;
    const exponent = -1 / this.tableau.order;
    while (t1 - t > 1e-12 * Math.max(1, Math.abs(t1))) {
      if (this.accepted + this.rejected >= this.maxSteps) {
        throw new ParameterError(`adaptive integration needed more than ${this.maxSteps} steps before t = ${t1} (stuck at t = ${t}, h = ${this.h}); loosen rtol/atol or raise maxSteps`);
      }
      const h = Math.min(this.h, t1 - t, this.hMax);
      const ratio = this.attempt(y, t, h, args);
      if (!Number.isFinite(ratio)) {
        this.rejected++;
        this.h = h / 10;
        continue;
      }
      const factor = ratio === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * ratio ** exponent));
      if (ratio <= 1) {
        t += h;
        y.set(this.next);
        this.accepted++;
        this.maxErrorRatio = Math.max(this.maxErrorRatio, ratio);
        onAccept?.(t, y);
        // A step shortened to land on t1 says little about the next one: keep the larger guess.
        this.h = h < this.h ? Math.max(this.h, h * factor) : h * factor;
      } else {
        this.rejected++;
        this.h = h * factor;
      }
    }
  }
}

/** Integrate a vector field from y0 over [t0, t1] with error control; returns every accepted step. */
export function solveAdaptive(field: VectorField, y0: ArrayLike<number>, span: readonly [number, number], options: AdaptiveOptions = {}): AdaptiveSolution {
  const [t0, t1] = span;
  if (!(t1 > t0)) throw new ParameterError(`solveAdaptive: the interval [${t0}, ${t1}] must have t1 > t0`);
  if (y0.length !== field.vars.length) throw new ParameterError(`solveAdaptive: ${y0.length} initial values for ${field.vars.length} variables`);
  const core = makeCore(field, options, t1 - t0);
  const args = mergeArgs(field, options.args, 'solveAdaptive');
  const y = Float64Array.from(y0);
  const ts = [t0];
  const ys = [...y];
  core.advance(y, t0, t1, args, (t, state) => {
    ts.push(t);
    ys.push(...state);
  });
  return { ts: Float64Array.from(ts), ys: Float64Array.from(ys), accepted: core.accepted, rejected: core.rejected, maxErrorRatio: core.maxErrorRatio };
}

function makeCore(field: VectorField, options: AdaptiveOptions, interval: number): AdaptiveCore {
  const rtol = requirePositive(options.rtol ?? 1e-6, 'adaptive rtol');
  const atol = requirePositive(options.atol ?? 1e-9, 'adaptive atol');
  const h0 = requirePositive(options.h0 ?? interval / 100, 'adaptive h0');
  const hMax = options.hMax === undefined ? Infinity : requirePositive(options.hMax, 'adaptive hMax');
  return new AdaptiveCore(field, tableauFor(options.method ?? 'rkf45'), rtol, atol, options.maxSteps ?? 1e6, hMax, h0);
}

/**
 * An adaptive integrator for IntegratorRunner: every output step of size dt is covered by as
 * many internal steps as the tolerance needs, so the monitors stay on a regular grid.
 */
export function adaptiveIntegrator(field: VectorField, options: Omit<AdaptiveOptions, 'args'> = {}): Integrator {
  tableauFor(options.method ?? 'rkf45');
  return {
    vars: field.vars,
    args: field.args,
    stepper(dt, _y0, args) {
      const core = makeCore(field, options, dt);
      core.h = options.h0 ?? dt;
      return (y, t) => core.advance(y, t, t + dt, args);
    },
  };
}
