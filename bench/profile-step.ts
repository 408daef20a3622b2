import { seed as seedGlobal } from '../src/core/random.js';
import type { StepContext } from '../src/core/context.js';
import { BoundInput } from '../src/runner/inputs.js';
import { buildBrette, type BretteModel } from './brette.js';

/**
 * Where does a COBA/CUBA step spend its time? Runs the network by hand, timing each member's
 * update, the input and the clearing separately (performance.now() around each call adds about
 * 0.1 µs per call). Each member runs its own update, so this is the network without synapse
 * fusion (each synapse integrates its conductance and applies its output in its own pass); the
 * default fused network runs the synapses' events only, and their integration in the group's kernel.
 * Usage: npx tsx bench/profile-step.ts [coba|cuba] [N] [steps]
 */
const model = (process.argv[2] ?? 'coba') as BretteModel;
const n = Number(process.argv[3] ?? 4000);
const steps = Number(process.argv[4] ?? 10000);
seedGlobal(1);
const { net, neurons } = buildBrette(model, n);
const dt = 0.1;
net.fuseSynapses = false;
net.prepare(dt);
// Synapses before neurons, as Network orders them.
const members = [...net.children().entries()].sort(([a], [b]) => Number(a === 'N') - Number(b === 'N'));
const time: Record<string, number> = { input: 0, clear: 0 };
for (const [name] of members) time[name] = 0;
// Applied as the runner applies it (a WebAssembly loop for a WebAssembly group's arrays).
const input = new BoundInput(net, ['N.input', 20]);
const ctx: StepContext = { t: 0, i: 0, dt };
let spikes = 0;
for (let i = 0; i < steps; i++) {
  ctx.i = i;
  ctx.t = i * dt;
  let t0 = performance.now();
  input.applyAt(i, ctx.t);
  let t1 = performance.now();
  time.input += t1 - t0;
  for (const [name, system] of members) {
    t0 = t1;
    system.update(ctx);
    t1 = performance.now();
    time[name] += t1 - t0;
  }
  spikes += neurons.spikeCount;
  net.clearInputs();
  time.clear += performance.now() - t1;
}
const total = Object.values(time).reduce((a, b) => a + b, 0);
console.log(`${model} N=${n}, ${steps} steps, ${spikes} spikes (${((spikes / n / steps) * 1e4).toFixed(2)} Hz): ${((total / steps) * 1000).toFixed(1)} µs/step`);
for (const [k, v] of Object.entries(time)) console.log(`  ${k.padEnd(8)} ${((v / steps) * 1000).toFixed(1).padStart(7)} µs/step  ${((100 * v) / total).toFixed(1)} %`);
