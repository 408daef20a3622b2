import path from 'node:path';
import type { StepContext } from '../core/context.js';
import { EquationGroup } from '../core/equation-group.js';
import { defineModel } from '../core/model.js';
import { Runner } from '../runner/runner.js';
import { rasterSpec } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

const NUM = 2000;
const TAU = 100;
const V_TH = 1;
const V_RESET = 0;
/** Phase bins of the figure (its x resolution). */
const PHASE_BINS = 500;

/**
 * The seed's hand-written LIF, dV/dt = (-V + I0 + 2 sin(2 pi t / tau)) / tau: the sinusoid, the same
 * for every neuron, arrives as an input set once per step (at the step's start time, as Euler reads t).
 */
const DRIVEN_LIF = defineModel(
  'DrivenLIF',
  { equations: { V: '(-V + I0 + drive) / tau' }, inputs: ['drive'], threshold: 'V >= V_th', reset: { V: 'V_reset' } },
  ['I0', 'tau', 'V_th', 'V_reset'],
);

/** The group, also keeping every spike's time and neuron (the seed's raster_plot of the spike monitor). */
class RecordingGroup extends EquationGroup {
  readonly times: number[] = [];
  readonly neurons: number[] = [];
  override update(ctx: StepContext): void {
    super.update(ctx);
    for (let k = 0; k < this.spikeCount; k++) {
      this.times.push(ctx.t);
      this.neurons.push(this.spikeList[k]);
    }
  }
}

/** Spikes per forcing cycle of each neuron over [from, to). */
function rotationNumbers(g: RecordingGroup, from: number, to: number): Float64Array {
  const counts = new Float64Array(NUM);
  g.times.forEach((t, k) => {
    if (t >= from && t < to) counts[g.neurons[k]]++;
  });
  return counts.map((c) => (c * TAU) / (to - from));
}

/** Largest spread (max - min, circular) of spike phases in [from, to) over the neurons whose rotation number is `p`. */
function phaseSpread(g: RecordingGroup, rotation: Float64Array, p: number, from: number, to: number): { neurons: number; spread: number } {
  const members = new Set<number>();
  rotation.forEach((r, i) => Math.abs(r - p) < 1e-9 && members.add(i));
  let spread = 0;
  const byNeuron = new Map<number, number[]>();
  g.times.forEach((t, k) => {
    const i = g.neurons[k];
    if (t >= from && t < to && members.has(i)) (byNeuron.get(i) ?? byNeuron.set(i, []).get(i) as number[]).push((t % TAU) / TAU);
  });
  for (const phases of byNeuron.values()) {
    // With p spikes per cycle there are p phase clusters: compare each spike with the one p spikes later.
    for (let k = p; k < phases.length; k++) {
      const d = Math.abs(phases[k] - phases[k - p]);
      spread = Math.max(spread, Math.min(d, 1 - d));
    }
  }
  return { neurons: members.size, spread };
}

async function run(o: ExampleOptions): Promise<ExampleResult> {
  const duration = o.duration ?? 5000;
  const I0 = Float64Array.from({ length: NUM }, (_, i) => 2 + (2 * i) / (NUM - 1));
  const group = new RecordingGroup(NUM, DRIVEN_LIF, { I0, tau: TAU, V_th: V_TH, V_reset: V_RESET }, { V: new Float64Array(NUM) }, { method: 'euler', name: 'LIF' });
  const drive = (t: number) => 2 * Math.sin((2 * Math.PI * t) / TAU);
  const runner = new Runner(group, { inputs: [['drive', drive, 'func', '=']], dt: o.dt, progress: o.progress });
  o.log(`lif-phase-locking: ${NUM} LIF neurons, inputs 2..4 plus 2 sin(2 pi t / ${TAU}), ${duration} ms at dt = ${o.dt} ms (euler)`);
  const wall = runner.run(duration);

  // Analyse the last 40 cycles (or the second half of a short run), after the transient.
  const from = Math.max(duration / 2, duration - 40 * TAU);
  const rotation = rotationNumbers(group, from, duration);
  const cycles = (duration - from) / TAU;
  const checks: Record<string, Check> = {};
  let drops = 0;
  for (let i = 1; i < NUM; i++) if (rotation[i] < rotation[i - 1] - 1 / cycles - 1e-9) drops++;
  checks.rotation_number_monotone = {
    value: drops,
    expected: 'no neuron fires fewer spikes per cycle than one with a smaller input (beyond one spike of counting error): a devil\'s staircase',
    pass: drops === 0,
  };
  for (const p of [2, 3]) {
    const { neurons, spread } = phaseSpread(group, rotation, p, from, duration);
    checks[`locked_1_to_${p}_phase_spread`] = {
      value: Math.round(spread * 1e4) / 1e4,
      expected: `${neurons} neurons with exactly ${p} spikes per cycle fire at repeating phases (spread < 0.01 of a cycle; needs >= 1 such neuron)`,
      pass: neurons > 0 && spread < 0.01,
    };
  }

  // The seed's figure: spike phase against input (here: neuron index, input 2 + 2 i / 1999), all spikes.
  const grid = new Uint8Array(PHASE_BINS * NUM);
  group.times.forEach((t, k) => {
    const bin = Math.min(PHASE_BINS - 1, Math.floor(((t % TAU) / TAU) * PHASE_BINS));
    grid[bin * NUM + group.neurons[k]] = 1;
  });
  const phases = Float64Array.from({ length: PHASE_BINS }, (_, b) => (b + 0.5) / PHASE_BINS);
  const spec = rasterSpec(phases, { data: grid, rows: PHASE_BINS, cols: NUM }, {
    title: 'Brette (2004): phase locking of a periodically driven LIF',
    xlabel: 'Spike phase (t mod tau) / tau',
    ylabel: 'Neuron (input 2 + 2 i / 1999)',
    width: 500,
    height: 400,
  });
  const figures = await saveFigure(spec, path.join(o.outDir, 'phase_locking'));
  const spikes = group.times.length;
  return {
    duration_ms: duration,
    steps: runner.mon.ts.length,
    wall_s: wall,
    groups: { LIF: { size: NUM, spikes, rate_hz: spikes / NUM / (duration / 1000) } },
    figures,
    checks,
  };
}

export const lifPhaseLocking: Example = {
  name: 'lif-phase-locking',
  title: '(Brette, Romain. 2004) LIF phase locking',
  description:
    "Seed 001: 2000 LIF neurons (tau = 100 ms, V_th = 1, V_r = 0, no refractoriness) with constant inputs from 2 to 4 plus " +
    '2 sin(2 pi t / tau), declared as a user model (defineModel) and integrated with Euler as in the seed; 5 s. The figure is the ' +
    "seed's scatter of spike phase against input, drawn as a raster over 500 phase bins. Checks: the number of spikes per cycle " +
    '(last 40 cycles) never decreases with the input, and neurons locked 1:2 and 1:3 fire at repeating phases.',
  defaultDuration: 5000,
  run,
};
