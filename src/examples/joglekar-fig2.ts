import path from 'node:path';
import { resolveDataDir } from '../io/node.js';
import { lineSpec, stackSpecs } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import { parallelSweep } from '../sweep/node.js';
import type { Example, ExampleOptions } from './example.js';
import { loadJoglekar, peakRise, simulateJoglekar } from './joglekar-model.js';
import type { MuEETask } from './joglekar-task.js';

const TASK = new URL(`./joglekar-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
const MU_EE = [28, 30, 32, 34, 36, 38, 40, 42];
const CAP = 500; // the seed clips peak rates at 500 Hz

export const joglekarFig2: Example = {
  name: 'joglekar-fig2',
  title: '(Joglekar, et. al, 2018): Inter-areal Balanced Amplification, Figures 2C and 3E',
  description:
    'Seed 003 (dt = 0.2 ms, 10 s runs, V1 pulse at 2 s): Fig. 2C sweeps the global E-to-E coupling muEE over 28..42 with and without feedback ' +
    'projections on worker threads (parallelSweep) and reports the peak rate rise in area 24c (clipped at 500 Hz); the seed\'s Fig. 2B shows ' +
    'muEE = 34 stable and 36 unstable. Fig. 3E compares how far a pulse propagates with weak (muEE 33.7, omegaEI 19.7) and strong GBA ' +
    '(muEE 51.5, omegaEI 25.2): 24c\'s peak as a fraction of V1\'s. The figures 1, 2B and 3B-D, 3F are not drawn.',
  defaultDuration: 10000,
  async run(o: ExampleOptions) {
    const dataDir = resolveDataDir(o.dataDir, 'joglekar2018');
    const amplitude = 21.8 * 1.9;
    const tasks: MuEETask[] = [false, true].flatMap((feedforwardOnly) => MU_EE.map((muEE) => ({ dataDir, muEE, feedforwardOnly, amplitude })));
    const started = performance.now();
    const peaks = await parallelSweep<MuEETask, number>(TASK, tasks, { seed: o.seed, exportName: 'peak24c' });
    const clipped = peaks.map((p) => Math.min(p, CAP));
    const withFb = clipped.slice(0, MU_EE.length);
    const withoutFb = clipped.slice(MU_EE.length);
    MU_EE.forEach((mu, k) => o.log(`joglekar-fig2: muEE = ${mu}: peak rise in 24c ${withFb[k].toExponential(3)} Hz with feedback, ${withoutFb[k].toExponential(3)} Hz without`));
    const onset = MU_EE.find((_, k) => withFb[k] >= CAP) ?? NaN;

    const data = loadJoglekar(dataDir);
    const relative = (muEE: number, omegaEI: number, ampl: number) => {
      const r = simulateJoglekar(data, { muEE, omegaEI, amplitude: ampl });
      return peakRise(r, data.n, data.n - 1) / peakRise(r, data.n, 0);
    };
    const weak = relative(33.7, 19.7, 22.05 * 1.9);
    const strong = relative(51.5, 25.2, 11.54 * 1.9);
    o.log(`joglekar-fig3E: 24c peak as % of V1's: weak GBA ${(100 * weak).toExponential(3)} %, strong GBA ${(100 * strong).toExponential(3)} %, ratio strong/weak ${(strong / weak).toFixed(1)}`);
    const wall = (performance.now() - started) / 1000;

    const log10 = (xs: readonly number[]) => ({ rows: xs.length, cols: 1, data: Float64Array.from(xs, (v) => Math.log10(Math.max(v, 1e-12))) });
    const figures = await saveFigure(
      stackSpecs([
        lineSpec(MU_EE, log10(withFb), { title: 'With feedback', xlabel: 'Global E to E coupling', ylabel: 'log10 max rate in 24c (Hz)', legend: false, width: 360, height: 180 }),
        lineSpec(MU_EE, log10(withoutFb), { title: 'Without feedback', xlabel: 'Global E to E coupling', ylabel: 'log10 max rate in 24c (Hz)', legend: false, width: 360, height: 180 }),
      ], 'Joglekar 2018, Fig. 2C'),
      path.join(o.outDir, 'fig2c'),
    );
    return {
      duration_ms: 10000,
      steps: 50000,
      wall_s: wall,
      groups: {},
      figures,
      checks: {
        instability_onset_muEE: { value: onset, expected: '36 (seed 003 Fig. 2B: muEE 34 stable, 36 unstable)', pass: onset === 36 },
        gba_propagation_ratio_3E: { value: strong / weak, expected: '> 10: strong GBA carries the V1 pulse to 24c far better than weak GBA (Fig. 3E)', pass: strong / weak > 10 },
      },
    };
  },
};
