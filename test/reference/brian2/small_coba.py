#!/usr/bin/python3
"""Spike-by-spike Brian2 reference: a 100-neuron COBA network in BrainPy's formulation.

Writes ``test/reference/small-coba-brian2.json``.  Regenerate with (from the repo root)::

    /usr/bin/python3 test/reference/brian2/small_coba.py

The network is fully specified in the JSON (initial V and every synapse), so another
simulator can load exactly the same network and compare spikes one by one.

* 100 LIF neurons in one index space; 0..79 excitatory, 80..99 inhibitory.
* LIF as in the "coba" network of ei_networks.py: V_rest = -60, V_th = -50, V_reset = -60,
  tau = 20 ms, R = 1, tau_ref = 5 ms (50 held steps), constant input 20 every step.
* FixedProb(0.2) E->all and I->all, self-connections allowed.
* Weights scaled by 4 from the 4000-neuron COBA (we = 0.6*4 = 2.4, wi = 6.7*4 = 26.8): a
  neuron here has on average 16 E and 4 I inputs, the 4000-neuron net 64 E and 16 I, so the
  scaling keeps the mean synaptic drive per neuron (K*w) the same.
* tau_e = 5 ms, E_e = 0; tau_i = 10 ms, E_i = -80.  dt = 0.1 ms, 300 ms (3000 steps).
* v0 and connectivity from numpy.random.default_rng(SEED) via ei_networks.make_network.
  SEED = 3 was chosen among seeds 1..6 because it fires irregularly (mean ISI CV ~0.9) at
  ~33 Hz (E) / ~44 Hz (I) with most neurons active; other seeds give the same mean rates
  but more regular, winner-take-all firing (a 100-neuron net is too small to be balanced).

The same network is also run by ``ei_networks.reference_loop`` (a plain numpy loop of
BrainPy's steps a-e) and the spike trains are compared, for every Brian2 target requested.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ei_networks as ein  # noqa: E402

OUT_DEFAULT = os.path.normpath(os.path.join(HERE, '..', 'small-coba-brian2.json'))
SEED = 3
N_E, N_I = 80, 20
PROB = 0.2
SCALE = 4.0
DURATION = 300.0   # ms
RECORD = [0, 1, 2, 3, 4]


def params():
    p = dict(ein.NETWORKS['coba'])
    p.update(we=0.6 * SCALE, wi=6.7 * SCALE)
    return p


def isi_cv(spk_i, spk_step, n):
    cvs = []
    for k in range(n):
        st = np.sort(spk_step[spk_i == k])
        if st.size > 3:
            d = np.diff(st)
            cvs.append(d.std() / d.mean())
    return float(np.mean(cvs)) if cvs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--targets', default='cython,numpy',
                    help='Brian2 runtime targets to run; the first one is stored')
    ap.add_argument('--out', default=OUT_DEFAULT)
    args = ap.parse_args()
    import brian2 as b2

    p = params()
    net = ein.make_network(p, SEED, N_E, N_I, PROB)
    n_steps = int(round(DURATION / ein.DT))
    T = DURATION / 1000.0

    t0 = time.time()
    loop = ein.reference_loop(p, net, n_steps, record_v=RECORD)
    loop_wall = time.time() - t0

    runs = {}
    for target in args.targets.split(','):
        b = ein.run_brian2(p, net, n_steps, target=target, record_v=RECORD)
        cmp_ = ein.compare_spikes(b, loop)
        cmp_['max_abs_dV_recorded_neurons'] = float(np.max(np.abs(b['v'] - loop['v'])))
        cmp_['wall_s'] = round(b['wall_s'], 3)
        cmp_['loop_s'] = None if b['loop_s'] is None else round(b['loop_s'], 3)
        runs[target] = (b, cmp_)
        ein.log(f'{target}: {len(b["i"])} spikes, identical to numpy loop: {cmp_["identical"]}, '
                f'matching {cmp_["n_matching"]}, max |dV| {cmp_["max_abs_dV_recorded_neurons"]:.3g}')
    # how sensitive are the spike trains to tiny differences in V? (perturb all v0)
    robustness = []
    prng = np.random.default_rng(12345)
    for eps in (1e-12, 1e-6, 1e-3, 1e-1):
        n2 = dict(net, v0=net['v0'] + eps * prng.standard_normal(net['N']))
        c = ein.compare_spikes(loop, ein.reference_loop(p, n2, n_steps))
        robustness.append(dict(v0_perturbation_sd_mV=eps, identical=c['identical'],
                               n_matching=c['n_matching'], n_perturbed=c['n_numpy_loop']))
        ein.log(f'v0 perturbed by {eps:g} mV: identical {c["identical"]}, '
                f'matching {c["n_matching"]}/{c["n_brian2"]}')
    main_target = args.targets.split(',')[0]
    b = runs[main_target][0]

    order = np.lexsort((b['i'], b['step']))        # by step, then neuron index
    si, sstep = b['i'][order], b['step'][order]
    nE = int(np.sum(si < N_E))
    nI = int(np.sum(si >= N_E))

    result = dict(
        description='100-neuron COBA network in BrainPy\'s formulation, simulated with Brian2; '
                    'full network specification, all spikes and V of neurons 0..4 every step.',
        generator='test/reference/brian2/small_coba.py',
        brian2_version=b2.__version__, numpy_version=np.__version__, target=main_target,
        float='float64',
        formulation=(
            'Per step n (t = n*dt): (a) ge <- ge*exp(-dt/tau_e), gi <- gi*exp(-dt/tau_i), then '
            'ge += we (gi += wi) once per synapse whose presynaptic neuron spiked at step n-1, '
            'as sequential float64 adds; (b) I = ge*(E_e - V) + gi*(E_i - V) + I_ext with the '
            'new g and the old V; (c) V_new = V_inf + (V - V_inf)*exp(-dt/tau), '
            'V_inf = V_rest + I; (d) if n - n_last_spike <= 50 (tau_ref/dt) keep the old V; '
            '(e) spike if V_new >= V_th, then V = V_reset. No spikes before step 0; g starts '
            'at 0. See ei_networks.py for how this maps onto Brian2\'s schedule.'),
        params=dict(p, N=N_E + N_I, N_E=N_E, N_I=N_I, prob=PROB, weight_scale=SCALE,
                    tau_ref=ein.TAU_REF, I_ext=ein.I_EXT, R=1.0, dt=ein.DT, duration=DURATION,
                    n_steps=n_steps, seed=SEED, include_self=True),
        network=dict(
            note='index space 0..99, 0..79 excitatory. Each synapse is a [pre, post] pair; '
                 'pairs sorted by pre then post. v0 is V before step 0. Generated by '
                 'numpy.random.default_rng(seed): v0 = rng.normal(-55, 2, 100), then '
                 'Bernoulli(0.2) masks rng.random((80, 100)) and rng.random((20, 100)).',
            v0=net['v0'].tolist(),
            exc_synapses=np.stack([net['pre_e'], net['post_e']], 1).tolist(),
            inh_synapses=np.stack([net['pre_i'], net['post_i']], 1).tolist(),
        ),
        spikes=dict(
            note='sorted by step then index; t_ms = step*dt (the step in which V crossed '
                 'threshold)',
            i=si.tolist(), step=sstep.tolist(),
            t_ms=[round(s * ein.DT, 1) for s in sstep.tolist()]),
        v_trace=dict(
            neurons=RECORD,
            note='v[n][k] = V of neuron RECORD[k] at the end of step n (t = n*dt), after '
                 'threshold/reset; n = 0..n_steps-1',
            v=b['v'].tolist()),
        summary=dict(n_spikes=int(si.size), rate_E_Hz=nE / (N_E * T), rate_I_Hz=nI / (N_I * T),
                     n_silent_neurons=int(N_E + N_I - np.unique(si).size),
                     mean_isi_cv=isi_cv(si, sstep, N_E + N_I)),
        numpy_loop_comparison={t: c for t, (_, c) in runs.items()},
        numpy_loop_wall_s=round(loop_wall, 3),
        perturbation_check=dict(
            note='numpy loop rerun with every v0 perturbed by Normal(0, sd): perturbations '
                 'of 1e-3 mV die out (same spikes), 0.1 mV ones do not. Rounding-level '
                 'differences in an implementation should therefore not change any spike.',
            runs=robustness),
    )
    result['numpy_loop_comparison']['note'] = (
        'n_matching = number of (step, index) spikes present in both the Brian2 run and the '
        'plain numpy loop (ei_networks.reference_loop); identical = the full trains are equal')
    with open(args.out, 'w') as f:
        json.dump(result, f, separators=(',', ':'))
        f.write('\n')
    ein.log('wrote', args.out, os.path.getsize(args.out), 'bytes')
    ein.log(json.dumps(dict(summary=result['summary'],
                            comparison=result['numpy_loop_comparison']), indent=1))


if __name__ == '__main__':
    main()
