import path from 'node:path';
import { resolveDataDir } from '../io/node.js';
import { saveFigure } from '../plot/node.js';
import { parallelSweep } from '../sweep/node.js';
import type { Example, ExampleOptions } from './example.js';
import { fig2bSpec, fig3bdSpec, sweepSpec } from './joglekar-figures.js';
import { loadJoglekar, peakRise, simulateJoglekar } from './joglekar-model.js';
import type { MuEETask } from './joglekar-task.js';

const TASK = new URL(`./joglekar-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
const MU_EE_2C = [28, 30, 32, 34, 36, 38, 40, 42];
const MU_EE_3F = Array.from({ length: 16 }, (_, k) => 20 + 2 * k);
const CAP = 500; // the seed clips peak rates at 500 Hz
const clip = (xs: number[]) => xs.map((p) => Math.min(p, CAP));
/** First muEE whose clipped peak hits the cap (Infinity when none does). */
const onsetOf = (mu: readonly number[], peaks: readonly number[]) => mu.find((_, k) => peaks[k] >= CAP) ?? Infinity;

export const joglekarFig2: Example = {
  name: 'joglekar-fig2',
  title: '(Joglekar, et. al, 2018): Inter-areal Balanced Amplification, Figures 2B, 2C, 3B-F',
  description:
    'Seed 003 (dt = 0.2 ms, 10 s runs, V1 pulse at 2 s). Fig. 2B: V1 and 24c responses at muEE 34 (stable) and 36 (unstable). Fig. 2C sweeps ' +
    'the global E-to-E coupling muEE over 28..42 with and without feedback projections on worker threads (parallelSweep): peak rise in 24c, ' +
    'clipped at 500 Hz. Figs. 3B-E: weak (muEE 33.7, omegaEI 19.7) against strong GBA (muEE 51.5, omegaEI 25.2), per-area responses and ' +
    '24c\'s peak as a fraction of V1\'s. Fig. 3F sweeps muEE 20..50 with omegaEI fixed (no GBA) or raised with muEE (GBA), window 1.75..3.5 s.',
  defaultDuration: 10000,
  async run(o: ExampleOptions) {
    const dataDir = resolveDataDir(o.dataDir, 'joglekar2018');
    const started = performance.now();
    const amplitude = 21.8 * 1.9;
    const tasks2C: MuEETask[] = [false, true].flatMap((feedforwardOnly) => MU_EE_2C.map((muEE) => ({ dataDir, muEE, feedforwardOnly, amplitude })));
    const tasks3F: MuEETask[] = [true, false].flatMap((gba) =>
      MU_EE_3F.map((muEE) => ({ dataDir, muEE, feedforwardOnly: false, amplitude: 22.05 * 1.9, omegaEI: gba ? 19.7 + ((muEE - 33.7) * 55) / 178 : 19.7, windowEnd: 3.5 })),
    );
    const peaks = clip(await parallelSweep<MuEETask, number>(TASK, [...tasks2C, ...tasks3F], { seed: o.seed, exportName: 'peak24c' }));
    const [withFb, withoutFb] = [peaks.slice(0, MU_EE_2C.length), peaks.slice(MU_EE_2C.length, tasks2C.length)];
    const [withGba, withoutGba] = [peaks.slice(tasks2C.length, tasks2C.length + MU_EE_3F.length), peaks.slice(tasks2C.length + MU_EE_3F.length)];
    MU_EE_2C.forEach((mu, k) => o.log(`joglekar-fig2C: muEE = ${mu}: peak rise in 24c ${withFb[k].toExponential(3)} Hz with feedback, ${withoutFb[k].toExponential(3)} Hz without`));
    MU_EE_3F.forEach((mu, k) => o.log(`joglekar-fig3F: muEE = ${mu}: peak rise in 24c ${withGba[k].toExponential(3)} Hz with GBA, ${withoutGba[k].toExponential(3)} Hz without`));
    const onset = onsetOf(MU_EE_2C, withFb);
    const [onsetGba, onsetNoGba] = [onsetOf(MU_EE_3F, withGba), onsetOf(MU_EE_3F, withoutGba)];

    const data = loadJoglekar(dataDir);
    const [stable, unstable] = [34, 36].map((muEE) => simulateJoglekar(data, { muEE, amplitude }));
    const weak = simulateJoglekar(data, { muEE: 33.7, omegaEI: 19.7, amplitude: 22.05 * 1.9 });
    const strong = simulateJoglekar(data, { muEE: 51.5, omegaEI: 25.2, amplitude: 11.54 * 1.9 });
    const relative = (r: typeof weak) => peakRise(r, data.n, data.n - 1) / peakRise(r, data.n, 0);
    const [rw, rs] = [relative(weak), relative(strong)];
    const [p34, p36] = [stable, unstable].map((r) => peakRise(r, data.n, data.n - 1));
    o.log(`joglekar-fig2B: peak rise in 24c ${p34.toExponential(3)} Hz at muEE 34, ${p36.toExponential(3)} Hz at 36`);
    o.log(`joglekar-fig3E: 24c peak as % of V1's: weak GBA ${(100 * rw).toExponential(3)} %, strong GBA ${(100 * rs).toExponential(3)} %, ratio strong/weak ${(rs / rw).toFixed(1)}`);
    o.log(`joglekar-fig3F: instability onset muEE ${onsetNoGba} without GBA, ${onsetGba} with GBA`);
    const wall = (performance.now() - started) / 1000;

    const save = async (spec: Parameters<typeof saveFigure>[0], name: string) => saveFigure(spec, path.join(o.outDir, name));
    const figures = [
      ...(await save(fig2bSpec([{ title: 'muEE = 34', run: stable }, { title: 'muEE = 36', run: unstable }], data.n), 'fig2b')),
      ...(await save(sweepSpec(MU_EE_2C, [{ title: 'With feedback', peaks: withFb }, { title: 'Without feedback', peaks: withoutFb }], 'Joglekar 2018, Fig. 2C'), 'fig2c')),
      ...(await save(fig3bdSpec(weak, strong, data.n, data.areas), 'fig3bd')),
      ...(await save(sweepSpec(MU_EE_3F, [{ title: 'Without GBA (omegaEI 19.7)', peaks: withoutGba }, { title: 'With GBA', peaks: withGba }], 'Fig. 3F', true), 'fig3f')),
    ];
    return {
      duration_ms: 10000,
      steps: 50000,
      wall_s: wall,
      groups: {},
      figures,
      checks: {
        instability_onset_muEE: { value: onset, expected: '36 (seed 003 Fig. 2B: muEE 34 stable, 36 unstable)', pass: onset === 36 },
        fig2b_34_stable_36_unstable: { value: p36 / p34, expected: '24c peak < 500 Hz at muEE 34 and >= 500 Hz at 36 (Fig. 2B)', pass: p34 < CAP && p36 >= CAP },
        gba_propagation_ratio_3E: { value: rs / rw, expected: '> 10: strong GBA carries the V1 pulse to 24c far better than weak GBA (Fig. 3E)', pass: rs / rw > 10 },
        gba_onset_3F: { value: onsetGba, expected: `> ${onsetNoGba} (the onset without GBA): GBA keeps the network stable to larger muEE (Fig. 3F)`, pass: onsetGba > onsetNoGba },
      },
    };
  },
};
