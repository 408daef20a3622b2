import { ParameterError, requirePositive } from '../core/errors.js';
import { type RandomStream, streamFor } from '../core/random.js';
import type { Integrator } from './field-integrator.js';
import { checkSdeMethod, type Increments, type IntegralType, sdeStep, type WienerType } from './sde-schemes.js';
import type { Args, VectorField } from './vector-field.js';

export interface SdeintOptions {
  /** euler (default, Euler-Maruyama, as in BrainPy), milstein (derivative-free), heun, srk1w1. */
  method?: string;
  /** 'ito' (default) or 'stratonovich'. */
  intgType?: IntegralType;
  /** 'scalar' (default): one Wiener process for all components; 'vector': one per component (diagonal noise). */
  wienerType?: WienerType;
  /** Seed of this integrator's own normal stream (default: drawn from the global stream, see seed()). */
  seed?: number;
}

/** Draws I1 and I10 for every channel of one step from a seeded stream. */
export class IncrementSource {
  readonly I1: Float64Array;
  readonly I10: Float64Array;

  constructor(
    channels: number,
    private readonly stream: RandomStream,
  ) {
    this.I1 = new Float64Array(channels);
    this.I10 = new Float64Array(channels);
  }

  draw(dt: number): Increments {
    const sq = Math.sqrt(dt);
    for (let c = 0; c < this.I1.length; c++) {
      const w = sq * this.stream.normal();
      this.I1[c] = w;
      // (W, int (W - W_t) ds) is Gaussian: the second part is dt/2 (W + Z/sqrt(3)) with Z independent of W.
      this.I10[c] = 0.5 * dt * (w + (sq * this.stream.normal()) / Math.sqrt(3));
    }
    return this;
  }
}

function settings(options: SdeintOptions, where: string) {
  const method = checkSdeMethod(options.method ?? 'euler', options.intgType ?? 'ito', options.wienerType ?? 'scalar', where);
  return { method, intgType: options.intgType ?? 'ito', wienerType: options.wienerType ?? 'scalar' } as const;
}

export type ScalarSde = (y: number, t: number, ...args: number[]) => number;
export type VectorSde = (y: readonly number[], t: number, ...args: number[]) => ArrayLike<number>;
export type ScalarSdeStep = (y: number, t: number, dt: number, ...args: number[]) => number;
export type VectorSdeStep = (y: readonly number[], t: number, dt: number, ...args: number[]) => number[];

function copyInto(values: ArrayLike<number>, out: Float64Array, what: string): void {
  if (values.length !== out.length) throw new ParameterError(`sdeint: ${what} returned ${values.length} values for ${out.length} variables`);
  for (let i = 0; i < out.length; i++) out[i] = values[i];
}

/**
 * BrainPy's sdeint for functions written in TypeScript: dy = f(y, t) dt + g(y, t) dW.
 *
 *   const step = sdeint((V, t) => (-V + mu) / tau, () => sigma / Math.sqrt(tau));
 *   V = step(V, t, dt);
 *
 * g may be a number for additive noise. Each integrator owns a seeded normal stream, so a run is
 * reproducible after seed(n).
 */
export function sdeint(f: VectorSde, g: VectorSde | number, options: SdeintOptions & { vector: true }): VectorSdeStep;
export function sdeint(f: ScalarSde, g: ScalarSde | number, options?: SdeintOptions): ScalarSdeStep;
export function sdeint(f: ScalarSde | VectorSde, g: ScalarSde | VectorSde | number, options: SdeintOptions & { vector?: boolean } = {}): ScalarSdeStep | VectorSdeStep {
  const { method, intgType, wienerType } = settings(options, 'sdeint');
  const stream = streamFor(options.seed);
  if (!options.vector) {
    const scalarF = f as ScalarSde;
    const scalarG = g as ScalarSde | number;
    let args: number[] = [];
    const step = sdeStep(method, intgType, 1, (y, t, out) => (out[0] = scalarF(y[0], t, ...args)), (y, t, out) => (out[0] = typeof scalarG === 'number' ? scalarG : scalarG(y[0], t, ...args)));
    const noise = new IncrementSource(1, stream);
    const y = new Float64Array(1);
    return (value: number, t: number, dt: number, ...rest: number[]) => {
      args = rest;
      y[0] = value;
      step(y, t, dt, noise.draw(dt));
      return y[0];
    };
  }
  const vectorF = f as VectorSde;
  const vectorG = g as VectorSde | number;
  let args: number[] = [];
  let dimension = -1;
  let state: { y: Float64Array; step: ReturnType<typeof sdeStep>; noise: IncrementSource } | undefined;
  return (value: readonly number[], t: number, dt: number, ...rest: number[]) => {
    args = rest;
    if (!state || dimension !== value.length) {
      dimension = value.length;
      const step = sdeStep(
        method,
        intgType,
        dimension,
        (y, s, out) => copyInto(vectorF(Array.from(y), s, ...args), out, 'f'),
        (y, s, out) => (typeof vectorG === 'number' ? out.fill(vectorG) : copyInto(vectorG(Array.from(y), s, ...args), out, 'g')),
      );
      state = { y: new Float64Array(dimension), step, noise: new IncrementSource(wienerType === 'scalar' ? 1 : dimension, stream) };
    }
    state.y.set(value);
    state.step(state.y, t, dt, state.noise.draw(dt));
    return Array.from(state.y);
  };
}

/**
 * An SDE over a vector field for IntegratorRunner: drift f and diffusion g share the variables
 * (g's value for each variable multiplies that variable's noise). Every trajectory gets its own
 * stream, drawn from this integrator's seed in trajectory order.
 */
export function sdeIntegrator(f: VectorField, g: VectorField, options: SdeintOptions = {}): Integrator {
  const { method, intgType, wienerType } = settings(options, 'sdeIntegrator');
  if (f.vars.join() !== g.vars.join()) throw new ParameterError(`sdeIntegrator: drift variables (${f.vars.join(', ')}) and diffusion variables (${g.vars.join(', ')}) differ`);
  const streams = streamFor(options.seed);
  const args: Args = { ...g.args, ...f.args };
  return {
    vars: f.vars,
    args,
    stepper(dt, _y0, runArgs) {
      requirePositive(dt, 'sdeIntegrator dt');
      const n = f.vars.length;
      const fArgs = pick(f, runArgs);
      const gArgs = pick(g, runArgs);
      const step = sdeStep(method, intgType, n, (y, t, out) => f.evaluate(y, t, fArgs, out), (y, t, out) => g.evaluate(y, t, gArgs, out));
      const noise = new IncrementSource(wienerType === 'scalar' ? 1 : n, streams.child());
      return (y, t) => step(y, t, dt, noise.draw(dt));
    },
  };
}

/** The subset of the merged arguments a field declares. */
function pick(field: VectorField, args: Args): Args {
  const out: Record<string, number> = {};
  for (const name of Object.keys(field.args)) out[name] = args[name];
  return out;
}
