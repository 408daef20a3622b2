#!/usr/bin/python3
"""Spike-by-spike Brian2 reference for Delta synapses with per-connection delays.

Writes ``test/reference/synapses-delta-delays-brian2.json``.  Regenerate with (repo root)::

    /usr/bin/python3 test/reference/brian2/synapses_delta_delays.py

Network: 100 LIF neurons (0..79 excitatory, 80..99 inhibitory), V_rest = -60, V_th = -50,
V_reset = -60, tau = 20 ms, R = 1, tau_ref = 5 ms, constant input I_ext every step, v0 ~
Normal(-55, 3).  FixedProb(0.2) from every neuron to every neuron (self pairs allowed).
BrainPy's Delta synapse onto V with post_ref_key='refractory': a spike adds w_exc (from E) or
w_inh (from I) straight to V of the target, unless the target is refractory.  Every synapse has
its own delay of d = 0..MAX_DELAY steps (uniform).

BrainPy's step n (t = n*dt), reproduced by the numpy loop below and by Brian2:
  a) arrivals: for each synapse k whose presynaptic neuron spiked at step s = n - 1 - d_k,
     V_post += w_k * (1 - refractory_post), refractory as the neuron left it in step n-1;
  b) refractory if n - n_last_spike <= tau_ref/dt (50 steps): V keeps its value;
     else V_new = V_inf + (V - V_inf)*exp(-dt/tau), V_inf = V_rest + I_ext;
  c) spike if V_new >= V_th, then V = V_reset; refractory flag = (held or spiked).
In Brian2 the synaptic pathway runs in 'before_groups': at step n it queues the spikes of
step n-1 with delay d_k*dt, so they are delivered at step n + d_k = s + 1 + d_k, before the
state update; refractory = tau_ref + dt holds V for 50 steps as BrainPy does (see
ei_networks.py); 'v_post += w * int(not_refractory_post)' is the post_ref_key mask.
"""
import json
import math
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'synapses-delta-delays-brian2.json'))

SEED = 7
N, N_E = 100, 80
PROB = 0.2
P = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0, I_ext=10.5,
         w_exc=0.6, w_inh=-2.5, dt=0.1, duration=300.0, max_delay=40)
RECORD = [0, 1, 2, 80, 81]


def log(*a):
    print(*a, file=sys.stderr)


def make_network():
    rng = np.random.default_rng(SEED)
    v0 = rng.normal(-55.0, 3.0, N)
    mask = rng.random((N, N)) < PROB
    pre, post = np.nonzero(mask)          # row-major: sorted by pre, then post
    w = np.where(pre < N_E, P['w_exc'], P['w_inh'])
    delay = rng.integers(0, P['max_delay'] + 1, pre.size)
    return dict(v0=v0, pre=pre, post=post, w=w, delay=delay)


def numpy_loop(net, n_steps):
    dt, hold = P['dt'], int(round(P['tau_ref'] / P['dt']))
    decay = math.exp(-dt / P['tau'])
    v_inf = P['V_rest'] + P['I_ext']
    V = net['v0'].copy()
    last = np.full(N, -10**7)
    refr_flag = np.zeros(N, bool)
    ring = np.zeros((P['max_delay'] + 2, N))
    L = ring.shape[0]
    by_pre = [np.nonzero(net['pre'] == i)[0] for i in range(N)]
    spikes_i, spikes_step, trace = [], [], []
    for n in range(n_steps):
        inc = ring[n % L].copy()
        ring[n % L] = 0
        V = V + inc * (~refr_flag)
        refr = (n - last) <= hold
        Vn = v_inf + (V - v_inf) * decay
        Vn = np.where(refr, V, Vn)
        spk = Vn >= P['V_th']
        Vn[spk] = P['V_reset']
        last[spk] = n
        refr_flag = refr | spk
        V = Vn
        for i in np.nonzero(spk)[0]:
            spikes_i.append(i)
            spikes_step.append(n)
            for k in by_pre[i]:
                ring[(n + 1 + net['delay'][k]) % L, net['post'][k]] += net['w'][k]
        trace.append(V[RECORD].copy())
    return np.array(spikes_i), np.array(spikes_step), np.array(trace)


def run_brian2(net, n_steps, target='numpy'):
    import brian2 as b2
    b2.start_scope()
    b2.prefs.codegen.target = target
    dt = P['dt']
    b2.defaultclock.dt = dt * b2.ms
    ns = dict(V_rest=P['V_rest'], V_th=P['V_th'], V_reset=P['V_reset'], tau=P['tau'] * b2.ms, I_ext=P['I_ext'])
    G = b2.NeuronGroup(N, 'dv/dt = (-v + V_rest + I_ext)/tau : 1 (unless refractory)',
                       threshold='v >= V_th', reset='v = V_reset',
                       refractory=(P['tau_ref'] + dt) * b2.ms, method='exact', namespace=ns, name='G')
    G.v = net['v0']
    S = b2.Synapses(G, G, 'w : 1', on_pre='v_post += w * int(not_refractory_post)', name='S')
    S.connect(i=net['pre'], j=net['post'])
    S.w = net['w']
    S.delay = net['delay'] * dt * b2.ms
    S.pre.when, S.pre.order = 'before_groups', 0
    spk = b2.SpikeMonitor(G)
    mon = b2.StateMonitor(G, 'v', record=RECORD, when='end')
    network = b2.Network(G, S, spk, mon)
    t0 = time.time()
    network.run(n_steps * dt * b2.ms)
    wall = time.time() - t0
    i = np.asarray(spk.i[:], dtype=np.int64)
    step = np.round(np.asarray(spk.t[:] / b2.ms) / dt).astype(np.int64)
    order = np.lexsort((i, step))
    return i[order], step[order], np.asarray(mon.v[:]).T, wall, b2.__version__


def main():
    net = make_network()
    n_steps = int(round(P['duration'] / P['dt']))
    li, ls, lv = numpy_loop(net, n_steps)
    bi, bs, bv, wall, version = run_brian2(net, n_steps)
    same = li.shape == bi.shape and bool(np.all(li == bi) and np.all(ls == bs))
    dv = float(np.max(np.abs(lv - bv)))
    log(f'brian2: {bi.size} spikes, numpy loop: {li.size}, identical: {same}, max |dV| {dv:.3g}')
    if not same:
        sys.exit('Brian2 and the numpy loop disagree; not writing the reference')
    T = P['duration'] / 1000
    result = dict(
        description='100 LIF neurons with Delta synapses onto V (post_ref_key=refractory) and per-connection '
                    'delays, simulated with Brian2 in BrainPy\'s formulation; full network and every spike.',
        generator='test/reference/brian2/synapses_delta_delays.py',
        brian2_version=version, numpy_version=np.__version__, target='numpy', float='float64',
        params=dict(P, N=N, N_E=N_E, prob=PROB, seed=SEED, n_steps=n_steps),
        network=dict(note='synapses sorted by pre then post (pre2post order); delay in steps; '
                          'w is added to V of post d + 1 steps after pre spiked, unless post is refractory',
                     v0=net['v0'].tolist(), pre=net['pre'].tolist(), post=net['post'].tolist(),
                     w=net['w'].tolist(), delay=net['delay'].tolist()),
        spikes=dict(note='sorted by step then index', i=bi.tolist(), step=bs.tolist()),
        v_trace=dict(neurons=RECORD, note='v[n][k]: V of neurons[k] at the end of step n', v=bv.tolist()),
        summary=dict(n_spikes=int(bi.size), rate_E_Hz=float(np.sum(bi < N_E) / (N_E * T)),
                     rate_I_Hz=float(np.sum(bi >= N_E) / ((N - N_E) * T)),
                     numpy_loop_identical=same, numpy_loop_max_abs_dV=dv, brian2_wall_s=round(wall, 3)),
    )
    with open(OUT, 'w') as f:
        json.dump(result, f, separators=(',', ':'))
        f.write('\n')
    log('wrote', OUT, os.path.getsize(OUT), 'bytes;', json.dumps(result['summary']))


if __name__ == '__main__':
    main()
