import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htc, trn } from '../src/examples/thalamus-cells.js';
import { sectionInput } from '../src/inputs/index.js';
import { Runner } from '../src/runner/runner.js';

interface Cell {
  name: string;
  spike_steps: number[];
  traces: Record<string, number[]>;
}
const reference = JSON.parse(readFileSync(new URL('./reference/neurons-thalamus-brian2.json', import.meta.url), 'utf8')) as {
  dt: number;
  duration: number;
  every: number;
  cells: Cell[];
};

describe('thalamic CondNeuGroup cells against Brian2 (rk4, equations written out from BrainPy 2.3 sources)', () => {
  const builders: Record<string, () => ReturnType<typeof trn>> = { TRN: () => trn('rk4'), HTC: () => htc('rk4') };
  for (const cell of reference.cells) {
    it(`${cell.name}: same spike steps, V and calcium within 1e-8 relative`, () => {
      const group = builders[cell.name]();
      const { current } = sectionInput([0, -0.05, 0], [100, 100, reference.duration - 200], reference.dt);
      const runner = new Runner(group, { monitors: ['spike', 'V', 'Ca_C'], inputs: [['input', current, 'iter']], dt: reference.dt, progress: false });
      runner.run(reference.duration);
      const spike = runner.mon.get('spike').data;
      const steps: number[] = [];
      for (let r = 0; r < spike.length; r++) if (spike[r]) steps.push(r);
      expect(steps).toEqual(cell.spike_steps);
      expect(steps.length).toBeGreaterThan(1);
      for (const [state, values] of Object.entries(cell.traces)) {
        const ours = runner.mon.get(state).data;
        let worst = 0;
        values.forEach((x, j) => (worst = Math.max(worst, Math.abs(ours[(j + 1) * reference.every - 1] - x) / Math.max(Math.abs(x), state === 'V' ? 1 : 1e-6))));
        expect(worst, state).toBeLessThan(1e-8);
      }
    }, 30_000);
  }
});
