import { describe, expect, it } from 'vitest';
import { seed } from '../src/core/random.js';
import { Runner } from '../src/runner/runner.js';
import { Network } from '../src/core/network.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Exponential } from '../src/models/synapses/exponential.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { FixedProb } from '../src/connect/index.js';
import { Normal } from '../src/init/index.js';
import { buildEINet, cobaParams } from '../src/examples/ei-network.js';
import { brian2Reference, rateBand } from '../src/examples/reference.js';
import { countSpikes } from './helpers.js';

const ref = brian2Reference('coba');

describe('COBA at 4000 neurons against Brian2 (same formulation, test/reference/ei-networks-brian2.json)', () => {
  it('two populations (seed 001 version 1): E and I rates fall in Brian2\'s seed band', () => {
    seed(11);
    const { net } = buildEINet(cobaParams(1));
    const runner = new Runner(net, { monitors: ['E.spike', 'I.spike'], inputs: [['E.input', 20], ['I.input', 20]], progress: false });
    runner.run(ref.duration);
    const seconds = ref.duration / 1000;
    const rateE = countSpikes(runner.mon.get('E.spike').data) / 3200 / seconds;
    const rateI = countSpikes(runner.mon.get('I.spike').data) / 800 / seconds;
    const [lowE, highE] = rateBand(ref.rates.mean_rate_E_Hz, ref.rates.sd_rate_E_Hz);
    const [lowI, highI] = rateBand(ref.rates.mean_rate_I_Hz, ref.rates.sd_rate_I_Hz);
    expect(rateE).toBeGreaterThan(lowE);
    expect(rateE).toBeLessThan(highE);
    expect(rateI).toBeGreaterThan(lowI);
    expect(rateI).toBeLessThan(highI);
  });

  it('one population with sliced presynaptic views (seed 001 version 2) gives the same statistics', () => {
    seed(12);
    const N = new LIF(4000, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Normal(-55, 2) });
    const net = new Network({
      N,
      Esyn: new Exponential(N.slice(0, 3200), N, new FixedProb(0.02), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }) }),
      Isyn: new Exponential(N.slice(3200), N, new FixedProb(0.02), { g_max: 6.7, tau: 10, output: new COBA({ E: -80 }) }),
    });
    const runner = new Runner(net, { monitors: { spikes: 'N.spike' }, inputs: [['N.input', 20]], progress: false });
    runner.run(ref.duration);
    const total = countSpikes(runner.mon.get('spikes').data) / 4000 / (ref.duration / 1000);
    const mean = (3200 * ref.rates.mean_rate_E_Hz + 800 * ref.rates.mean_rate_I_Hz) / 4000;
    const [low, high] = rateBand(mean, ref.rates.sd_rate_E_Hz);
    expect(total).toBeGreaterThan(low);
    expect(total).toBeLessThan(high);
  });
});
