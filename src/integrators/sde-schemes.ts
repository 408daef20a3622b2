import { ParameterError } from '../core/errors.js';

/** Writes f(y, t) or g(y, t) into out. */
export type FieldFn = (y: Float64Array, t: number, out: Float64Array) => void;

export type SdeMethod = 'euler' | 'milstein' | 'heun' | 'srk1w1';
export type IntegralType = 'ito' | 'stratonovich';
export type WienerType = 'scalar' | 'vector';

/**
 * The stochastic increments of one step for each noise channel: I1 = W(t+dt) - W(t) and
 * I10 = the integral over the step of (W(s) - W(t)) ds. Schemes below order 1.5 use I1 only.
 */
export interface Increments {
  readonly I1: Float64Array;
  readonly I10: Float64Array;
}

/** One step: y (length n) advanced in place, with the step's increments (one channel, or n). */
export type SdeStep = (y: Float64Array, t: number, dt: number, noise: Increments) => void;

/** Which integral types each method is derived for (Kloeden & Platen 1992; Rößler 2010). */
const SUPPORTED: Readonly<Record<SdeMethod, readonly IntegralType[]>> = {
  euler: ['ito'],
  milstein: ['ito', 'stratonovich'],
  heun: ['stratonovich'],
  srk1w1: ['ito'],
};

export const SDE_METHODS = Object.keys(SUPPORTED) as SdeMethod[];

export function checkSdeMethod(method: string, intgType: string, wienerType: string, where: string): SdeMethod {
  if (!(method in SUPPORTED)) throw new ParameterError(`${where}: unknown SDE method '${method}'; choose one of ${SDE_METHODS.join(', ')}`);
  if (intgType !== 'ito' && intgType !== 'stratonovich') throw new ParameterError(`${where}: intgType must be 'ito' or 'stratonovich', got '${intgType}'`);
  if (wienerType !== 'scalar' && wienerType !== 'vector') throw new ParameterError(`${where}: wienerType must be 'scalar' or 'vector', got '${wienerType}'`);
  const types = SUPPORTED[method as SdeMethod];
  if (!types.includes(intgType)) {
    throw new ParameterError(`${where}: method '${method}' integrates ${types.join('/')} SDEs, not ${intgType}; ` + (intgType === 'ito' ? "use 'euler', 'milstein' or 'srk1w1'" : "use 'heun' or 'milstein'"));
  }
  return method as SdeMethod;
}

/** The noise of channel c for component i: one shared channel (scalar Wiener) or one per component (diagonal). */
const channel = (noise: Float64Array, i: number) => (noise.length === 1 ? noise[0] : noise[i]);

/**
 * The step function of a method for an n-dimensional system. With vector (diagonal) noise,
 * g_i may depend on y_i only, the condition under which the derivative-free Milstein and SRI
 * schemes keep their strong order with independent channels.
 */
export function sdeStep(method: SdeMethod, intgType: IntegralType, n: number, f: FieldFn, g: FieldFn): SdeStep {
  const buffers = Array.from({ length: 8 }, () => new Float64Array(n));
  switch (method) {
    case 'euler':
      return eulerMaruyama(n, f, g, buffers);
    case 'milstein':
      return milstein(n, f, g, intgType, buffers);
    case 'heun':
      return heun(n, f, g, buffers);
    case 'srk1w1':
      return sri1w1(n, f, g, buffers);
  }
}

function eulerMaruyama(n: number, f: FieldFn, g: FieldFn, [fy, gy]: Float64Array[]): SdeStep {
  return (y, t, dt, { I1 }) => {
    f(y, t, fy);
    g(y, t, gy);
    for (let i = 0; i < n; i++) y[i] += fy[i] * dt + gy[i] * channel(I1, i);
  };
}

/**
 * Derivative-free Milstein (Kloeden & Platen, section 11.1): g g' is approximated by
 * (g(y + g sqrt(dt)) - g(y)) / sqrt(dt). The Ito form multiplies it by dW^2 - dt, the
 * Stratonovich form by dW^2. The support point leaves out the drift: with f dt in it, the
 * Stratonovich correction would carry a bias f g' dt^1.5 per step, O(sqrt(dt)) in all.
 */
function milstein(n: number, f: FieldFn, g: FieldFn, intgType: IntegralType, [fy, gy, support, gs]: Float64Array[]): SdeStep {
  const ito = intgType === 'ito';
  return (y, t, dt, { I1 }) => {
    const sq = Math.sqrt(dt);
    f(y, t, fy);
    g(y, t, gy);
    for (let i = 0; i < n; i++) support[i] = y[i] + gy[i] * sq;
    g(support, t, gs);
    for (let i = 0; i < n; i++) {
      const dW = channel(I1, i);
      y[i] += fy[i] * dt + gy[i] * dW + ((gs[i] - gy[i]) / (2 * sq)) * (dW * dW - (ito ? dt : 0));
    }
  };
}

/** Stochastic Heun (predictor-corrector trapezoid), strong order 1 for Stratonovich SDEs with commutative noise. */
function heun(n: number, f: FieldFn, g: FieldFn, [fy, gy, predicted, fp, gp]: Float64Array[]): SdeStep {
  return (y, t, dt, { I1 }) => {
    f(y, t, fy);
    g(y, t, gy);
    for (let i = 0; i < n; i++) predicted[i] = y[i] + fy[i] * dt + gy[i] * channel(I1, i);
    f(predicted, t + dt, fp);
    g(predicted, t + dt, gp);
    for (let i = 0; i < n; i++) y[i] += 0.5 * (fy[i] + fp[i]) * dt + 0.5 * (gy[i] + gp[i]) * channel(I1, i);
  };
}

/**
 * Rößler's SRI1W1 (SIAM J. Numer. Anal. 48, 2010), strong order 1.5 for Ito SDEs with scalar
 * (or diagonal) noise. Stages H0 feed the drift, H1 the diffusion; the weights combine I1, I11,
 * I10 and I111 (the iterated integrals follow from I1 and I10).
 */
function sri1w1(n: number, f: FieldFn, g: FieldFn, [f1, g1, h, f2, g2, g3, g4]: Float64Array[]): SdeStep {
  return (y, t, dt, { I1, I10 }) => {
    const sq = Math.sqrt(dt);
    f(y, t, f1);
    g(y, t, g1);
    for (let i = 0; i < n; i++) h[i] = y[i] + 0.75 * dt * f1[i] + (1.5 * g1[i] * channel(I10, i)) / dt;
    f(h, t + 0.75 * dt, f2);
    for (let i = 0; i < n; i++) h[i] = y[i] + 0.25 * dt * f1[i] + 0.5 * sq * g1[i];
    g(h, t + 0.25 * dt, g2);
    for (let i = 0; i < n; i++) h[i] = y[i] + dt * f1[i] - sq * g1[i];
    g(h, t + dt, g3);
    for (let i = 0; i < n; i++) h[i] = y[i] + 0.25 * dt * f1[i] + sq * (-5 * g1[i] + 3 * g2[i] + 0.5 * g3[i]);
    g(h, t + 0.25 * dt, g4);
    for (let i = 0; i < n; i++) {
      const w = channel(I1, i);
      const i10 = channel(I10, i) / dt;
      const i11 = (0.5 * (w * w - dt)) / sq;
      const i111 = (w * w * w - 3 * dt * w) / 6 / dt;
      y[i] +=
        dt * (f1[i] / 3 + (2 * f2[i]) / 3) +
        (-w - i11 + 2 * i10 - 2 * i111) * g1[i] +
        ((4 / 3) * w + (4 / 3) * i11 - (4 / 3) * i10 + (5 / 3) * i111) * g2[i] +
        ((2 / 3) * w - i11 / 3 - (2 / 3) * i10 - (2 / 3) * i111) * g3[i] +
        i111 * g4[i];
    }
  };
}
