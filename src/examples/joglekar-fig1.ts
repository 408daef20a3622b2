import path from 'node:path';
import { heatmapSpec } from '../plot/heatmap-spec.js';
import { saveFigure } from '../plot/node.js';
import { lineSpec } from '../plot/specs.js';
import type { Example, ExampleOptions } from './example.js';

/**
 * Joglekar et al. (2018) Fig. 1 as seed 001 draws it: one local E-I circuit (threshold-linear
 * rates, tau 20 ms, Euler steps of 0.1 ms, start at (vE, vI) = (1, 0)). Weak and strong local
 * balanced amplification (LBA) differ in how far the E rate rises before inhibition catches up.
 */
const W_IE = 4 + 2 / 7;
const W_II = W_IE * 1.1;
const TAU = 0.02;
const DT = 1e-4;
const WEAK = { wEE: 4.45, wEI: 4.7 };
const STRONG = { wEE: 6, wEI: 6.7 };

/** E rate after each step (seed: state += (-state + W state) / tau * dt, then floored at 0). */
export function localCircuit(wEE: number, wEI: number, seconds: number): Float64Array {
  const steps = Math.round(seconds / DT);
  const out = new Float64Array(steps);
  let e = 1;
  let i = 0;
  for (let s = 0; s < steps; s++) {
    const ne = e + ((-e + wEE * e - wEI * i) / TAU) * DT;
    const ni = i + ((-i + W_IE * e - W_II * i) / TAU) * DT;
    e = Math.max(ne, 0);
    i = Math.max(ni, 0);
    out[s] = e;
  }
  return out;
}

/** Largest real part of the eigenvalues of [[wEE, -wEI], [wIE, -wII]]; the circuit is stable below 1. */
export function localMaxEigen(wEE: number, wEI: number): number {
  const trace = wEE - W_II;
  const det = -wEE * W_II + wEI * W_IE;
  const disc = (trace * trace) / 4 - det;
  return disc >= 0 ? trace / 2 + Math.sqrt(disc) : trace / 2;
}

const peak = (xs: Float64Array) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
/** The seed's bm.arange(start, stop, step) grid. */
const arange = (start: number, stop: number, step: number) => Float64Array.from({ length: Math.ceil((stop - start) / step - 1e-9) }, (_, k) => start + k * step);

export const joglekarFig1: Example = {
  name: 'joglekar-fig1',
  title: '(Joglekar, et. al, 2018): Inter-areal Balanced Amplification Figure 1',
  description:
    'Seed 001\'s Figure 1 (a local E-I circuit; the multi-area model and its data come in joglekar-fig2): 1B, the E rate after a kick with weak LBA ' +
    '(wEE 4.45, wEI 4.7) and strong LBA (wEE 6, wEI 6.7), 0.6 s at dt = 0.1 ms; 1C, the peak E rate over a 2 s run for every stable ' +
    '(max Re eigenvalue < 1) pair on the seed\'s grid wEE 4..6.5, wEI 4.5..7 (step 0.025), unstable pairs grey. The seed prints no numbers: ' +
    'the checks are the stability of both circuits and that strong LBA amplifies more than weak LBA.',
  defaultDuration: 600,
  async run(o: ExampleOptions) {
    const seconds = (o.duration ?? 600) / 1000;
    const started = performance.now();
    const weak = localCircuit(WEAK.wEE, WEAK.wEI, seconds);
    const strong = localCircuit(STRONG.wEE, STRONG.wEI, seconds);
    const wEEs = arange(4, 6.5, 0.025);
    const wEIs = arange(4.5, 7, 0.025);
    const amplitude = new Float64Array(wEEs.length * wEIs.length).fill(NaN);
    let stable = 0;
    wEIs.forEach((wEI, iy) =>
      wEEs.forEach((wEE, ix) => {
        if (localMaxEigen(wEE, wEI) >= 1) return;
        stable++;
        amplitude[iy * wEEs.length + ix] = peak(localCircuit(wEE, wEI, 2));
      }),
    );
    const wall = (performance.now() - started) / 1000;
    const [pw, ps] = [peak(weak), peak(strong)];
    const [ew, es] = [localMaxEigen(WEAK.wEE, WEAK.wEI), localMaxEigen(STRONG.wEE, STRONG.wEI)];
    o.log(`joglekar-fig1: peak E rate weak LBA ${pw.toFixed(3)} Hz (max Re eig ${ew.toFixed(3)}), strong LBA ${ps.toFixed(3)} Hz (${es.toFixed(3)}); ${stable} of ${amplitude.length} grid pairs stable`);

    const ts = Float64Array.from(weak, (_, k) => (k + 1) * DT);
    const traces = { rows: ts.length, cols: 2, data: Float64Array.from({ length: 2 * ts.length }, (_, k) => (k % 2 === 0 ? weak : strong)[k >> 1]) };
    const figures = [
      ...(await saveFigure(lineSpec(ts, traces, { title: 'Fig. 1B: weak (0) and strong (1) LBA', xlabel: 'Time (s)', ylabel: 'Excitatory rate (Hz)', legend: 'LBA', ylim: [0, 6] }), path.join(o.outDir, 'fig1b'))),
      ...(await saveFigure(heatmapSpec(wEEs, wEIs, amplitude, { title: 'Fig. 1C: peak E rate (grey: unstable)', xlabel: 'Local E to E coupling', ylabel: 'Local I to E coupling', colorTitle: 'Hz' }), path.join(o.outDir, 'fig1c'))),
    ];
    return {
      duration_ms: seconds * 1000,
      steps: ts.length,
      wall_s: wall,
      groups: {},
      figures,
      checks: {
        both_circuits_stable: { value: Math.max(ew, es), expected: '< 1 (seed: both LBA points lie in the stable region of Fig. 1C)', pass: ew < 1 && es < 1 },
        strong_over_weak_peak: { value: ps / pw, expected: '> 1, both peaks within the seed\'s 0..6 Hz axis', pass: ps > pw && ps < 6 },
      },
    };
  },
};
