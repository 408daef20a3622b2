import path from 'node:path';
import { JitFixedProb } from '../connect/jit-fixed-prob.js';
import type { StepContext } from '../core/context.js';
import { DynamicalSystem } from '../core/dynamical-system.js';
import { EquationGroup } from '../core/equation-group.js';
import { ParameterError } from '../core/errors.js';
import { defineModel } from '../core/model.js';
import { lowerBound } from '../core/sorted.js';
import { Uniform } from '../init/index.js';
import { initialize } from '../init/index.js';
import { readMatFile } from '../io/node.js';

/**
 * Seed 001's MultiAreaNet (Joglekar et al. 2018, Fig. 5): 29 cortical areas of 1600 E and 400 I
 * noisy LIF neurons, delta synapses onto V (blocked while refractory), random connectivity of
 * probability 0.1 for every pair of populations, long-range E->E and E->I weights scaled by FLN
 * and by the target's hierarchy (1 + alpha * hier), conduction delays distance / 3.5 (2 ms inside
 * an area). Connectivity is generated on the fly (JitFixedProb), so the full-size network
 * (~1.8e8 synapses) costs no connectivity memory.
 */
export const AREAS = ['V1', 'V2', 'V4', 'DP', 'MT', '8m', '5', '8l', 'TEO', '2', 'F1', 'STPc', '7A', '46d', '10', '9/46v', '9/46d', 'F5', 'TEpd', 'PBr', '7m', '7B', 'F2', 'STPi', 'PROm', 'F7', '8B', 'STPr', '24c'] as const;

export interface MultiAreaParams {
  muIE: number;
  muEE: number;
  wII: number;
  wEE: number;
  wIE: number;
  wEI: number;
  extE: number;
  extI: number;
  alpha: number;
}

/** The seed's `pars` (alpha from the MultiAreaNet default): the asynchronous regime with weak GBA. */
export const WEAK_GBA: MultiAreaParams = { extE: 14.2, extI: 14.7, wII: 0.075, wEE: 0.01, wIE: 0.075, wEI: 0.0375, muEE: 0.0375, muIE: 0.0475, alpha: 4 };
/**
 * Strong GBA: the seed runs only the weak case; the authors' spiking-network code (OpenSourceBrain
 * JoglekarEtAl18, "asynchronous regime strong gba") raises wEI and muEE together to 0.05.
 */
export const STRONG_GBA: MultiAreaParams = { ...WEAK_GBA, wEI: 0.05, muEE: 0.05 };

export interface MultiAreaData {
  /** Hierarchy normalised by its maximum. */
  hier: Float64Array;
  /** fln[i * n + j]: strength from area j to area i. */
  fln: Float64Array;
  /** delay[i * n + j]: conduction delay (ms) read as the seed reads it for source j, target i. */
  delay: Float64Array;
  n: number;
}

const SPEED = 3.5; // axonal conduction velocity (mm/ms)

/** The seed's three files: hierValspython, efelenMatpython, subgraphWiring29 (distance / 3.5). */
export function loadMultiAreaData(dataDir: string): MultiAreaData {
  const file = (name: string) => readMatFile(path.join(dataDir, 'joglekar2018', `${name}.mat`));
  const hierVals = file('hierValspython').matrix('hierVals').data;
  const max = hierVals.reduce((a, b) => Math.max(a, b), -Infinity);
  const fln = file('efelenMatpython').matrix('flnMatpython');
  const wiring = file('subgraphWiring29').matrix('wiring');
  const n = hierVals.length;
  if (fln.rows !== n || fln.cols !== n || wiring.rows !== n || wiring.cols !== n || n !== AREAS.length) {
    throw new ParameterError(`joglekar2018 data in ${dataDir}: expected ${AREAS.length} areas and ${AREAS.length}x${AREAS.length} FLN and wiring matrices, got ${n}, ${fln.rows}x${fln.cols}, ${wiring.rows}x${wiring.cols}`);
  }
  return { hier: hierVals.map((h) => h / max), fln: Float64Array.from(fln.data), delay: wiring.data.map((d) => d / SPEED), n };
}

/** BrainPy's LIF with `noise`: dV = (-V + V_rest + input) / tau dt + sigma dW, Euler-Maruyama. */
const NOISY_LIF = defineModel(
  'NoisyLIF',
  {
    equations: { V: '(-V + V_rest + input) / tau + sigma * xi' },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'V_reset' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['V_rest', 'V_reset', 'V_th', 'tau', 'tau_ref', 'sigma'],
);

function noisyLif(num: number, tau: number, name: string): EquationGroup {
  const V = initialize(new Uniform(-70, -50), num, 'float64', `${name} V_initializer`);
  return new EquationGroup(num, NOISY_LIF, { V_rest: -70, V_reset: -60, V_th: -50, tau, tau_ref: 2, sigma: 3 / Math.sqrt(tau) }, { V }, { method: 'euler', name });
}

/** One population-to-population projection: its on-the-fly connectivity, weight and delay. */
interface Projection {
  conn: JitFixedProb;
  weight: number;
  delay: number;
  target: Float64Array;
  offset: number;
}

/**
 * All synapses of the network in one member: each step it adds the weight of every arriving spike
 * onto V of the neurons not in their refractory period, as the seed's update() does. It runs after
 * the neuron groups, so spikes of step m reach V before the integration of step m + 1 + delay,
 * which is TwoEndConn's delay_step convention.
 */
class MultiAreaSynapses extends DynamicalSystem {
  private readonly fromE: Projection[][];
  private readonly fromI: Projection[][];
  private readonly dVE: Float64Array;
  private readonly dVI: Float64Array;

  constructor(
    private readonly E: EquationGroup,
    private readonly I: EquationGroup,
    private readonly perArea: { E: number; I: number },
    projections: { fromE: Projection[][]; fromI: Projection[][] },
    buffers: { dVE: Float64Array; dVI: Float64Array },
  ) {
    super({ name: 'synapses' });
    ({ fromE: this.fromE, fromI: this.fromI } = projections);
    ({ dVE: this.dVE, dVI: this.dVI } = buffers);
    for (const [group, list] of [[E, this.fromE], [I, this.fromI]] as const) group.requireSpikeHistory(Math.max(0, ...list.flat().map((p) => p.delay)));
  }

  update(_ctx: StepContext): void {
    this.deliver(this.E, this.perArea.E, this.fromE);
    this.deliver(this.I, this.perArea.I, this.fromI);
    for (const [group, dV] of [[this.E, this.dVE], [this.I, this.dVI]] as const) {
      const { V, refractory } = group.variables();
      for (let j = 0; j < dV.length; j++) {
        if (!refractory[j]) V[j] += dV[j];
        dV[j] = 0;
      }
    }
  }

  private deliver(source: EquationGroup, size: number, bySource: Projection[][]): void {
    for (let a = 0; a < bySource.length; a++) {
      for (const p of bySource[a]) {
        const spikes = source.spikesAgo(p.delay);
        const start = a * size;
        for (let k = lowerBound(spikes, start), end = lowerBound(spikes, start + size); k < end; k++) p.conn.addRow(p.target, spikes[k] - start, p.weight, p.offset);
      }
    }
  }
}

export interface MultiAreaOptions {
  params: MultiAreaParams;
  /** Neurons per area are 1600 * scale (E) and 400 * scale (I); connection probability 0.1 / scale keeps every in-degree. */
  scale: number;
  dt: number;
  seed: number;
}

/** Builds the seed's MultiAreaNet; returns its groups and synapse member (add all three to a Network). */
export function buildMultiAreaNet(data: MultiAreaData, o: MultiAreaOptions) {
  const prob = 0.1 / o.scale;
  if (!(prob < 1)) throw new ParameterError(`joglekar-fig5: scale must be > 0.1 (connection probability 0.1 / scale), got ${o.scale}`);
  const perArea = { E: Math.round(1600 * o.scale), I: Math.round(400 * o.scale) };
  const { n, hier, fln, delay } = data;
  const p = o.params;
  const E = noisyLif(n * perArea.E, 20, 'E');
  const I = noisyLif(n * perArea.I, 10, 'I');
  const buffers = { dVE: new Float64Array(E.num), dVI: new Float64Array(I.num) };
  const intraDelay = Math.trunc(2 / o.dt);
  let pathway = 0;
  const jit = (pre: number, post: number) => new JitFixedProb(pre, post, prob, Math.imul(o.seed + 1, 0x9e3779b1) + pathway++);
  const projection = (pre: number, post: number, target: Float64Array, offset: number, weight: number, steps: number): Projection[] =>
    weight === 0 ? [] : [{ conn: jit(pre, post), weight, delay: steps, target, offset }];
  // source area a, target area b: weights (1 + alpha hier[b]) mu fln[b][a] (the seed's conn.T), w inside an area
  const fromE = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      const gain = 1 + p.alpha * hier[b];
      const [wE, wI] = a === b ? [gain * p.wEE, gain * p.wIE] : [gain * p.muEE * fln[b * n + a], gain * p.muIE * fln[b * n + a]];
      const steps = a === b ? intraDelay : Math.trunc(delay[b * n + a] / o.dt);
      return [...projection(perArea.E, perArea.E, buffers.dVE, b * perArea.E, wE, steps), ...projection(perArea.E, perArea.I, buffers.dVI, b * perArea.I, wI, steps)];
    }).flat(),
  );
  const fromI = Array.from({ length: n }, (_, a) => [
    ...projection(perArea.I, perArea.E, buffers.dVE, a * perArea.E, -p.wEI, intraDelay),
    ...projection(perArea.I, perArea.I, buffers.dVI, a * perArea.I, -p.wII, intraDelay),
  ]);
  const synapses = new MultiAreaSynapses(E, I, perArea, { fromE, fromI }, buffers);
  return { E, I, synapses, perArea, prob };
}
