/**
 * The seed-004 forum argument, measured: the N = 125 Izhikevich network with y on the neuron
 * side (on_pre 'y += w') against y per synapse with a (summed) variable. Prints one JSON line
 * per formulation and the ratio. Run: npx tsx bench/strings-forum.ts [duration_ms] [repeats]
 */
import { runForum } from '../src/examples/strings-examples.js';

const duration = Number(process.argv[2] ?? 1000);
const repeats = Number(process.argv[3] ?? 3);
const best: Record<string, number> = {};
for (const where of ['neuron', 'synapse'] as const) {
  for (let k = 0; k < repeats; k++) {
    const run = runForum(1, where, duration, 0.1);
    best[where] = Math.min(best[where] ?? Infinity, run.wall);
    if (k === repeats - 1) {
      let spikes = 0;
      for (const s of run.spikes.data) spikes += s;
      console.log(JSON.stringify({ bench: 'strings-forum', y: where, duration_ms: duration, synapses: run.synapses, spikes, best_wall_s: best[where] }));
    }
  }
}
console.log(JSON.stringify({ bench: 'strings-forum', synapse_over_neuron: best.synapse / best.neuron }));
