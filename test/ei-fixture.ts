import { FixedProb } from '../src/connect/index.js';
import type { Backend } from '../src/core/backend.js';
import type { DType } from '../src/core/matrix.js';
import { Network } from '../src/core/network.js';
import { seed } from '../src/core/random.js';
import { Normal } from '../src/init/index.js';
import { LIF } from '../src/models/neurons/index.js';
import { STD } from '../src/models/stp/index.js';
import { Alpha, Delta, DualExponential, Exponential } from '../src/models/synapses/index.js';
import { COBA, CUBA } from '../src/models/synouts/syn-out.js';
import { Runner } from '../src/runner/runner.js';

/**
 * Small E/I networks with every kind of fusable synapse, for the tests that must change nothing
 * but the speed (fusion, the WebAssembly backend): run() monitors every state, spike, input and
 * conductance so that two ways of running can be compared bit for bit.
 */
export interface Built {
  net: Network;
  E: LIF;
  I: LIF;
  paths: string[];
}

export function build(variant: 'coba' | 'mixed-kinds' | 'with-delta', dtype: DType = 'float64', backend?: Backend): Built {
  const lif = (n: number, name: string) =>
    new LIF(n, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Normal(-55, 2), name, dtype, backend });
  const E = lif(320, 'E');
  const I = lif(80, 'I');
  const conn = () => new FixedProb(0.1);
  const members: Record<string, Exponential | DualExponential | Delta | LIF> = { E, I };
  if (variant === 'coba') {
    members.E2E = new Exponential(E, E, conn(), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }) });
    members.E2I = new Exponential(E, I, conn(), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }), delay_step: 3 });
    members.I2E = new Exponential(I, E, conn(), { g_max: 6.7, tau: 10, output: new COBA({ E: -80 }) });
    members.I2I = new Exponential(I, I, conn(), { g_max: 6.7, tau: 10, output: new COBA({ E: -80 }) });
  } else {
    // DualExponential with short-term depression, Alpha, and a CUBA output written to V itself.
    members.E2E = new DualExponential(E, E, conn(), { g_max: 0.3, tau_decay: 6, tau_rise: 1, output: new COBA({ E: 0 }), stp: new STD({ tau: 200, U: 0.2 }) });
    members.E2I = new Alpha(E, I, conn(), { g_max: 0.2, tau_decay: 4, output: new CUBA({ target_var: 'V' }) });
    members.I2E = new Exponential(I, E, conn(), { g_max: 4, tau: 10, output: new COBA({ E: -80 }) });
    members.I2I = new Exponential(I, I, conn(), { g_max: 4, tau: 10, output: new COBA({ E: -80 }) });
    // A Delta synapse onto I cannot be fused, so I's synapses must all stay separate.
    if (variant === 'with-delta') members.D2I = new Delta(E, I, conn(), { g_max: 0.5 });
  }
  const net = new Network(members);
  const synapses = Object.keys(members).filter((k) => k.length > 1);
  const paths = ['E.V', 'I.V', 'E.spike', 'I.spike', 'E.input', 'I.input', 'E.refractory', ...synapses.filter((s) => s !== 'D2I').map((s) => `${s}.g`)];
  return { net, E, I, paths };
}

export function run(variant: Parameters<typeof build>[0], fuse: boolean, dtype: DType = 'float64', backend?: Backend) {
  seed(11);
  const built = build(variant, dtype, backend);
  built.net.fuseSynapses = fuse;
  const runner = new Runner(built.net, {
    monitors: Object.fromEntries(built.paths.map((p) => [p, p])),
    inputs: [['E.input', 20], ['I.input', 20]],
    progress: false,
  });
  runner.run(100);
  runner.run(50); // a second run continues from the same state in both modes
  return { built, results: Object.fromEntries(built.paths.map((p) => [p, Array.from(runner.mon.get(p).data)])) };
}

