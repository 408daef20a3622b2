import { Network } from '../core/network.js';
import { seed as seedGlobal } from '../core/random.js';
import { NeuronGroup } from '../strings/neuron-group.js';
import { Synapses } from '../strings/synapses.js';
import { Hz, mV, ms } from '../units/units.js';

/**
 * The seed-004 networks written with the string front end, exactly as the forum posts write them
 * in Brian2 (names, equations and initial values), shared by the gallery entries and bench/.
 */

/** Izhikevich (2003): 800 excitatory and 200 inhibitory neurons, random a, b, c, d, noisy drive. */
export function izhikevichNetwork(seed: number, n = 1000) {
  seedGlobal(seed);
  const ne = Math.floor(0.8 * n);
  const N = new NeuronGroup(
    n,
    `dv/dt = (0.04*v**2 + 5.*v + 140 - u + g_exc - g_inh + noise*randn())/ms : 1 (unless refractory)
     du/dt = a*(b*v - u)/ms : 1 (unless refractory)
     g_exc : 1
     g_inh : 1
     noise : 1
     a : 1
     b : 1
     c : 1
     d : 1`,
    // The forum's corrected reset also clears the accumulated synaptic input.
    { threshold: 'v >= 30', reset: 'v = c; u += d; g_exc = 0; g_inh = 0', refractory: ms(0.1), method: 'euler', name: 'N' },
  );
  const Ne = N.slice(0, ne);
  const Ni = N.slice(ne);
  Ne.set('noise', 5).set('a', 0.02).set('b', 0.2);
  // The seed draws re (ri) once per neuron and uses it for both c and d (a and b), so they are
  // correlated; independent rand() calls in two strings would not be, hence arrays here.
  Ni.set('noise', 2).set('c', -65).set('d', 2);
  const ri = Float64Array.from({ length: n - ne }, () => N.valueStream.random());
  Ni.set('a', ri.map((r) => 0.02 + 0.08 * r)).set('b', ri.map((r) => 0.25 - 0.05 * r));
  const re = Float64Array.from({ length: ne }, () => N.valueStream.random());
  Ne.set('c', re.map((r) => -65 + 15 * r * r)).set('d', re.map((r) => 8 - 6 * r * r));
  N.set('v', -65).set('u', 'v*b');
  const Se = new Synapses(Ne, N, { model: 'w : 1', onPre: 'g_exc_post += w', name: 'Se' });
  const Si = new Synapses(Ni, N, { model: 'w : 1', onPre: 'g_inh_post += w', name: 'Si' });
  Se.connect({ p: 0.1 });
  Si.connect({ p: 0.1 });
  Se.set('w', 'rand()*0.5');
  Si.set('w', 'rand()*1');
  return { net: new Network({ N, Se, Si }), N, ne };
}

const FORUM_NAMESPACE = {
  a: Hz(20), // 0.02/ms
  b: Hz(500), // 0.5/ms
  c: mV(-40),
  d: mV(100).div(ms(1)),
  k: 0.5,
  Vr: mV(-60),
  Vt: mV(-45),
  Vpeak: mV(35),
  Cm: 50,
  psc_excxpire_time: ms(4),
  Iext_max: mV(40).div(ms(1)),
  minWeight: mV(50).div(ms(1)),
  maxWeight: mV(100).div(ms(1)),
};

const FORUM_NEURON = `dVm/dt = ((k/ms/mV)*(Vm**2 - Vm*Vr - Vm*Vt + Vr*Vt) - Um + Iext + INPUT) / Cm : volt
dUm/dt = a*(b*(Vm - Vr) - Um) : volt/second
Iext : volt/second
`;

/**
 * The forum's N = 125 network. 'neuron': y lives in the neuron equations and synapses add w to
 * it (the version the forum recommends); 'synapse': every synapse integrates its own y and a
 * (summed) variable adds w*y into Isyn (the seed's first version, which Brian2 rejected because
 * two pathways sum into one variable; Neurodyn accepts it).
 */
export function forumNetwork(seed: number, where: 'neuron' | 'synapse') {
  seedGlobal(seed);
  const n = 125;
  const neuronY = where === 'neuron';
  const eqs = FORUM_NEURON.replace('INPUT', neuronY ? 'y' : 'Isyn') + (neuronY ? 'dy/dt = -y/psc_excxpire_time : volt/second' : 'Isyn : volt/second');
  const P = new NeuronGroup(n, eqs, { threshold: 'Vm > Vpeak', reset: 'Vm = c; Um = Um + d', method: 'euler', namespace: FORUM_NAMESPACE, name: 'P' });
  const Pe = P.slice(0, Math.floor(0.8 * n));
  const Pi = P.slice(Math.floor(0.8 * n));
  const options = neuronY
    ? { model: 'w : volt/second', onPre: 'y += w' }
    : { model: 'w : volt/second\ndy/dt = -y/psc_excxpire_time : 1 (clock-driven)\nIsyn_post = y*w : volt/second (summed)', onPre: 'y += 1' };
  const Ce = new Synapses(Pe, P, { ...options, namespace: FORUM_NAMESPACE, method: 'euler', name: 'Ce' });
  const Ci = new Synapses(Pi, P, { ...options, namespace: FORUM_NAMESPACE, method: 'euler', name: 'Ci' });
  Ce.connect({ p: 0.2 });
  Ci.connect({ p: 0.2 });
  P.set('Iext', 'rand()*Iext_max');
  P.set('Vm', mV(-60)).set('Um', mV(0).div(ms(1)));
  Ce.set('w', 'rand()*(maxWeight - minWeight) + minWeight');
  Ci.set('w', '(-1)*(rand()*(maxWeight - minWeight) + minWeight)');
  return { net: new Network({ P, Ce, Ci }), P, Ce, Ci };
}
