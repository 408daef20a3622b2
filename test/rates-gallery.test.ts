import { describe, expect, it } from 'vitest';
import { fhn, jansenRit, wilsonCowan } from '../src/examples/rate-gallery.js';
import { findExample } from '../src/examples/index.js';

const options = (name: string, duration: number) => ({ outDir: `/tmp/neurodyn-rates-gallery/${name}`, seed: 0, dt: 0.1, duration, log: () => undefined, progress: false });

describe('rate-model gallery entries (short runs)', () => {
  it('are registered', () => {
    for (const name of ['wilson-cowan', 'fhn', 'jansen-rit', 'whole-brain-fhn']) expect(findExample(name)?.name).toBe(name);
  });

  it('wilson-cowan: both seed starts end on the single fixed point', async () => {
    const r = await wilsonCowan.run(options('wilson-cowan', 60));
    expect(r.checks.final_state_separation.pass).toBe(true);
  }, 30_000);

  it('fhn: the limit cycle spans the Hopf points computed from the equations', async () => {
    const r = await fhn.run(options('fhn', 2000));
    expect(r.checks.cycle_low_x_ext.pass).toBe(true);
    expect(r.checks.cycle_high_x_ext.pass).toBe(true);
  }, 60_000);

  it('jansen-rit: C = 135 peaks in the alpha band', async () => {
    const r = await jansenRit.run(options('jansen-rit', 2500));
    expect(r.checks.alpha_peak_hz_C135.value).toBeGreaterThanOrEqual(8);
    expect(r.checks.alpha_peak_hz_C135.value).toBeLessThanOrEqual(12);
  }, 60_000);
});
