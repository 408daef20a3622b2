import type { FloatArray } from '../src/core/matrix.js';
import type { BretteNet } from './brette.js';

/**
 * A hand-fused step for the Brette networks: a prototype of what network-level kernel fusion
 * would give, NOT the library's path. It takes the arrays of a network built by buildBrette
 * (same connectivity, same initial V) and does per step what the generic path does in seven
 * passes (input, two decays, two outputs, LIF, clearing) in one pass plus the events, with the
 * same floating-point operations in the same order, so the spikes are identical
 * (test/bench-fused-brette.test.ts):
 *   events of the previous step's spikes are added to g, which holds g decayed by one step;
 *   one loop over neurons: input = (20 + ge*(E_e - V)) + gi*(E_i - V) (or 20 + ge + gi),
 *   exponential-Euler LIF, refractory hold, threshold, reset; then ge, gi decayed for the next
 *   step (exp_auto's form g + f*(-g/tau), f = expm1(-dt/tau)/(-1/tau)).
 */
export interface FusedRun {
  spikesPerStep: Int32Array;
  wall_s: number;
}

const TAU = 20;
const TAU_E = 5;
const TAU_I = 10;
const TAU_REF = 5;
const V_TH = -50;
const V_RESET = -60;
const I_EXT = 20;

/** exp_auto's factor for dy/dt linear in y with slope -1/tau, folded as src/integrators/emit-step.ts does. */
const expEulerFactor = (dt: number, tau: number) => Math.expm1((-1 / tau) * dt) / (-1 / tau);

function addRows(g: FloatArray, w: number, indptr: Int32Array, indices: Int32Array, list: Int32Array, from: number, to: number, offset: number): void {
  for (let s = from; s < to; s++) {
    const i = list[s] - offset;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) g[indices[k]] += w;
  }
}

export function runFusedBrette(b: BretteNet, steps: number, dt: number): FusedRun {
  const vars = b.neurons.variables();
  const V = vars.V as FloatArray;
  const tLast = vars.t_last_spike as Float64Array;
  const spike = vars.spike as Uint8Array;
  const refractory = vars.refractory as Uint8Array;
  const list = b.neurons.spikeList;
  const ge = b.exc.g;
  const gi = b.inh.g;
  const E = b.exc.conn.pre2post;
  const I = b.inh.conn.pre2post;
  const { V_rest, we, wi, E_e, E_i } = b.params;
  const coba = E_e !== undefined && E_i !== undefined;
  const Ee = E_e ?? 0;
  const Ei = E_i ?? 0;
  const fV = expEulerFactor(dt, TAU);
  const fe = expEulerFactor(dt, TAU_E);
  const fi = expEulerFactor(dt, TAU_I);
  const refrLimit = TAU_REF + 1e-6 * dt;
  const n = V.length;
  const nE = b.numExc;
  const spikesPerStep = new Int32Array(steps);
  let count = 0;

  const started = performance.now();
  for (let step = 0; step < steps; step++) {
    const t = step * dt;
    let split = 0;
    while (split < count && list[split] < nE) split++;
    addRows(ge, we, E.indptr, E.indices, list, 0, split, 0);
    addRows(gi, wi, I.indptr, I.indices, list, split, count, nE);
    count = neuronPass(n, t, V, tLast, spike, refractory, list, ge, gi, coba, Ee, Ei, V_rest, fV, fe, fi, refrLimit);
    if (count < 0) throw new Error(`fused Brette step: V of neuron ${-count - 1} became non-finite at t = ${t} ms`);
    spikesPerStep[step] = count;
  }
  return { spikesPerStep, wall_s: (performance.now() - started) / 1000 };
}

function neuronPass(
  n: number, t: number, V: FloatArray, tLast: Float64Array, spike: Uint8Array, refractory: Uint8Array, list: Int32Array,
  ge: FloatArray, gi: FloatArray, coba: boolean, Ee: number, Ei: number, V_rest: number, fV: number, fe: number, fi: number, refrLimit: number,
): number {
  let count = 0;
  for (let k = 0; k < n; k++) {
    const v = V[k];
    const e = ge[k];
    const h = gi[k];
    const input = coba ? I_EXT + e * (Ee - v) + h * (Ei - v) : I_EXT + e + h;
    const refr = t - tLast[k] <= refrLimit;
    let next = refr ? v : v + fV * ((-v + V_rest + input) / TAU);
    if (!(next - next === 0)) return -(1 + k);
    const spk = next >= V_TH;
    if (spk) {
      next = V_RESET;
      tLast[k] = t;
      list[count++] = k;
    }
    V[k] = next;
    spike[k] = spk ? 1 : 0;
    refractory[k] = refr || spk ? 1 : 0;
    ge[k] = e + fe * (-e / TAU_E);
    gi[k] = h + fi * (-h / TAU_I);
  }
  return count;
}
