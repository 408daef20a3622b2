import { describe, expect, it } from 'vitest';
import { seed } from '../src/core/random.js';
import { Runner } from '../src/runner/runner.js';
import { buildBrette, type BretteModel } from '../bench/brette.js';
import { runFusedBrette } from '../bench/fused-brette.js';

/** The hand-fused benchmark step (bench/fused-brette.ts) must compute exactly what the library computes. */
function compare(model: BretteModel) {
  const steps = 2000;
  seed(7);
  const lib = buildBrette(model, 1000);
  const runner = new Runner(lib.net, { monitors: { V: 'N.V', spike: 'N.spike' }, inputs: [['N.input', 20]], progress: false });
  runner.run(steps * 0.1);
  seed(7);
  const fused = buildBrette(model, 1000);
  const spikes = runFusedBrette(fused, steps, 0.1).spikesPerStep;
  const monitored = runner.mon.get('spike');
  const perStep = new Array<number>(steps).fill(0);
  for (let k = 0; k < monitored.data.length; k++) perStep[Math.floor(k / monitored.cols)] += monitored.data[k];
  return { lib, fused, spikes: Array.from(spikes), perStep };
}

describe('bench: hand-fused Brette step against the library path', () => {
  for (const model of ['coba', 'cuba'] as const) {
    it(`${model}: same spike count in every step, same last spike list, bit-identical V after 200 ms`, () => {
      const { lib, fused, spikes, perStep } = compare(model);
      expect(perStep.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000); // the network is active
      expect(spikes).toEqual(perStep);
      expect(Array.from(fused.neurons.variables().V)).toEqual(Array.from(lib.neurons.variables().V));
      const last = spikes[spikes.length - 1];
      expect(Array.from(fused.neurons.spikeList.subarray(0, last))).toEqual(Array.from(lib.neurons.spikeList.subarray(0, lib.neurons.spikeCount)));
    });
  }
});
