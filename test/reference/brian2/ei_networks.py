#!/usr/bin/python3
"""Brian2 reference rates for three E/I LIF networks in BrainPy's formulation.

Writes ``test/reference/ei-networks-brian2.json``.  Regenerate with (from the repo root)::

    /usr/bin/python3 test/reference/brian2/ei_networks.py            # cython target
    /usr/bin/python3 test/reference/brian2/ei_networks.py --target numpy

Networks (the BrainPy gallery's COBA / E-I balanced / CUBA examples): 3200 E + 800 I LIF
neurons, FixedProb(0.02) between every pair of populations (self-connections allowed), R = 1,
tau_ref = 5 ms, constant input 20 added to every neuron's input each step, dt = 0.1 ms,
1000 ms.  For each seed we record the mean firing rate (Hz) of E and of I.

BrainPy's update order, reproduced here exactly (step n, t = n*dt):

  a) g <- g*exp(-dt/tau_syn); then g += w once per synapse whose presynaptic neuron spiked
     in step n-1 (no extra delay);
  b) I = ge*(E_e - V) + gi*(E_i - V) + 20   (COBA)   or   I = ge + gi + 20   (CUBA),
     with the NEW g and the OLD V, held constant during the step;
  c) V_new = V_inf + (V - V_inf)*exp(-dt/tau), V_inf = V_rest + I  (exponential Euler is
     exact for a constant I);
  d) refractory if (t - t_last_spike) <= tau_ref, i.e. the 50 steps after a spike: V keeps
     its old value (the integration result is discarded);
  e) spike if V_new >= V_th; then V = V_reset, t_last_spike = t.

How this maps onto Brian2's schedule (one NeuronGroup of 4000, neurons 0..3199 are E):

  before_groups, order 0: run_regularly  ge = ge*decay_e; gi = gi*decay_i        (a, decay)
  before_groups, order 1: Synapses E->all, on_pre 'ge_post += we'                (a, input)
  before_groups, order 2: Synapses I->all, on_pre 'gi_post += wi'                (a, input)
  before_groups, order 3: run_regularly  I = ...  (new g, old v)                 (b)
  groups:                 state updater, dv/dt = (-v + V_rest + I)/tau (unless refractory),
                          method 'exact', I a plain parameter                    (c, d)
  thresholds / resets:    v >= V_th, v = V_reset                                 (e)

The synaptic pathways run *before* the groups, with zero delay, so at step n they read the
spike space written by the threshold of step n-1: exactly "spikes of the previous step".

Refractoriness: Brian2's state updater computes
not_refractory = timestep(t - lastspike, dt) >= timestep(refractory, dt), where timestep()
floors (with a 1e-3*dt guard).  refractory = 5*ms gives 50, so V is held for n - s = 1..49:
49 steps, one fewer than BrainPy.  5*ms + dt/2 still floors to 50 (49 steps); 5*ms + dt gives
51 and holds the 50 steps BrainPy holds.  ``refractory_check()`` measures all three and
``schedule_check()`` verifies the whole order on a 3-neuron net; both are stored in the JSON.
Measured with Brian2 2.5.1 (cython and numpy targets alike): the presynaptic neuron spikes
at step s = 21; the postsynaptic ge is 0 at the end of step 21 and exactly 0.6 (= we) at the
end of step 22, and V_post at step 22 equals the formula with I = 0.6*(0 - V_post[21]) + 20
to the last bit; the spiking neuron sits at V_reset from step 21 to 71 (50 held steps) and
moves at step 72; V of all three neurons agrees with the numpy loop to <= 3e-13 mV.
Hold lengths measured: refractory 5*ms -> 49 steps, 5*ms + dt/2 -> 49, 5*ms + dt -> 50.

The numpy loop tests refractoriness on integer steps (n - n_last <= 50) rather than on float
times; BrainPy compares (t - t_last) <= tau_ref in its float type (float32 by default), which
is the same thing except when rounding of t lands exactly at the boundary.

Connectivity and initial V are drawn with numpy (``np.random.default_rng(seed)``) and passed
to Brian2 explicitly, so the networks do not depend on the Brian2 code-generation target, and
the same arrays drive an independent plain-numpy loop (``reference_loop``) used as a
cross-check.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DEFAULT = os.path.normpath(os.path.join(HERE, '..', 'ei-networks-brian2.json'))

DT = 0.1          # ms
TAU_REF = 5.0     # ms
I_EXT = 20.0
BIN_MS = 10.0    # population-rate histogram bin

NETWORKS = {
    'coba': dict(kind='coba', V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0,
                 V_init_mean=-55.0, V_init_sd=2.0,
                 tau_e=5.0, we=0.6, E_e=0.0, tau_i=10.0, wi=6.7, E_i=-80.0),
    'ei-balanced': dict(kind='coba', V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0,
                        V_init_mean=-60.0, V_init_sd=2.0,
                        tau_e=5.0, we=0.6, E_e=0.0, tau_i=10.0, wi=6.7, E_i=-80.0),
    'cuba': dict(kind='cuba', V_rest=-49.0, V_th=-50.0, V_reset=-60.0, tau=20.0,
                 V_init_mean=-55.0, V_init_sd=2.0,
                 tau_e=5.0, we=1.62, tau_i=10.0, wi=-9.0),
}
COMMON = dict(N_E=3200, N_I=800, prob=0.02, R=1.0, tau_ref=TAU_REF, I_ext=I_EXT, dt=DT,
              duration=1000.0, include_self=True)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------------------
# network construction (numpy, target independent)
# ----------------------------------------------------------------------------------------
def fixed_prob(rng, n_pre, n_post, prob, chunk=400):
    """Bernoulli(prob) for every (pre, post) pair; returns (i, j) sorted by i, then j."""
    ii, jj = [], []
    for start in range(0, n_pre, chunk):
        rows = min(chunk, n_pre - start)
        i, j = np.nonzero(rng.random((rows, n_post)) < prob)
        ii.append(i + start)
        jj.append(j)
    return np.concatenate(ii).astype(np.int64), np.concatenate(jj).astype(np.int64)


def make_network(params, seed, N_E, N_I, prob):
    """v0 first, then E->all rows, then I->all rows, all from default_rng(seed)."""
    rng = np.random.default_rng(seed)
    N = N_E + N_I
    v0 = rng.normal(params['V_init_mean'], params['V_init_sd'], N)
    pre_e, post_e = fixed_prob(rng, N_E, N, prob)
    pre_i, post_i = fixed_prob(rng, N_I, N, prob)
    return dict(N=N, N_E=N_E, v0=v0, pre_e=pre_e, post_e=post_e,
                pre_i=pre_i + N_E, post_i=post_i)   # I indices in the 0..N-1 space


# ----------------------------------------------------------------------------------------
# Brian2
# ----------------------------------------------------------------------------------------
def run_brian2(params, net, n_steps, dt=DT, target='cython', record_v=(), record_all=False):
    """Simulate `net` with Brian2 (runtime target). Returns dict with spike (i, step) arrays,
    optional traces (rows = steps, recorded at the end of each step) and the loop time."""
    import brian2 as b2
    b2.start_scope()
    b2.prefs.codegen.target = target
    b2.defaultclock.dt = dt * b2.ms
    N, N_E = net['N'], net['N_E']
    ns = dict(V_rest=params['V_rest'], V_th=params['V_th'], V_reset=params['V_reset'],
              tau=params['tau'] * b2.ms, I_ext=I_EXT, we=params['we'], wi=params['wi'],
              # decay factors computed once in Python (same doubles as the numpy loop)
              decay_e=math.exp(-dt / params['tau_e']), decay_i=math.exp(-dt / params['tau_i']))
    if params['kind'] == 'coba':
        ns.update(E_e=params['E_e'], E_i=params['E_i'])
        current = 'I = ge*(E_e - v) + gi*(E_i - v) + I_ext'
    else:
        current = 'I = ge + gi + I_ext'
    eqs = '''
    dv/dt = (-v + V_rest + I)/tau : 1 (unless refractory)
    I : 1
    ge : 1
    gi : 1
    '''
    G = b2.NeuronGroup(N, eqs, threshold='v >= V_th', reset='v = V_reset',
                       # BrainPy holds 50 steps; Brian2's 5*ms holds 49 (see refractory_check)
                       refractory=(TAU_REF + dt) * b2.ms,
                       method='exact', namespace=ns, name='G')
    G.v = net['v0']
    decay = G.run_regularly('ge = ge*decay_e\ngi = gi*decay_i', when='before_groups', order=0,
                            name='decay')
    SE = b2.Synapses(G[:N_E], G, on_pre='ge_post += we', namespace=ns, name='SE')
    SE.connect(i=net['pre_e'], j=net['post_e'])
    SI = b2.Synapses(G[N_E:], G, on_pre='gi_post += wi', namespace=ns, name='SI')
    SI.connect(i=net['pre_i'] - N_E, j=net['post_i'])
    SE.pre.when, SE.pre.order = 'before_groups', 1
    SI.pre.when, SI.pre.order = 'before_groups', 2
    cur = G.run_regularly(current, when='before_groups', order=3, name='current')
    spk = b2.SpikeMonitor(G, name='spk')
    objs = [G, decay, SE, SI, cur, spk]
    mon = None
    rec = list(range(N)) if record_all else list(record_v)
    if rec:
        mon = b2.StateMonitor(G, ['v', 'ge', 'gi', 'I'], record=rec, when='end', name='mon')
        objs.append(mon)
    network = b2.Network(*objs)
    t0 = time.time()
    network.run(n_steps * dt * b2.ms)
    wall = time.time() - t0
    out = dict(i=np.asarray(spk.i[:], dtype=np.int64),
               step=np.round(np.asarray(spk.t[:] / b2.ms) / dt).astype(np.int64),
               wall_s=wall, loop_s=getattr(b2.device, '_last_run_time', None),
               schedule=str(network.scheduling_summary()))
    if mon is not None:
        out.update(v=np.asarray(mon.v[:]).T, ge=np.asarray(mon.ge[:]).T,
                   gi=np.asarray(mon.gi[:]).T, I=np.asarray(mon.I[:]).T)
    return out


# ----------------------------------------------------------------------------------------
# plain numpy loop: steps a-e written out directly
# ----------------------------------------------------------------------------------------
def reference_loop(params, net, n_steps, dt=DT, record_v=()):
    N = net['N']
    v = net['v0'].astype(np.float64).copy()
    ge = np.zeros(N)
    gi = np.zeros(N)
    decay_e = math.exp(-dt / params['tau_e'])
    decay_i = math.exp(-dt / params['tau_i'])
    decay_v = math.exp(-dt / params['tau'])
    ref_steps = int(round(TAU_REF / dt))          # 50: refractory while n - s <= 50
    last = np.full(N, -10 ** 9, dtype=np.int64)   # step of last spike
    # per-presynaptic-neuron target lists (CSR by pre)
    pre = np.concatenate([net['pre_e'], net['pre_i']])
    post = np.concatenate([net['post_e'], net['post_i']])
    order = np.argsort(pre, kind='stable')
    pre, post = pre[order], post[order]
    ptr = np.searchsorted(pre, np.arange(N + 1))
    is_e = np.arange(N) < net['N_E']
    spiked = np.zeros(0, dtype=np.int64)
    sp_i, sp_step = [], []
    rec = list(record_v)
    tr = {k: np.zeros((n_steps, len(rec))) for k in ('v', 'ge', 'gi', 'I')} if rec else None
    for n in range(n_steps):
        # a) decay, then add one weight per synapse of neurons that spiked in step n-1
        ge *= decay_e
        gi *= decay_i
        if spiked.size:
            se = spiked[is_e[spiked]]
            si = spiked[~is_e[spiked]]
            if se.size:
                tg = np.concatenate([post[ptr[k]:ptr[k + 1]] for k in se])
                np.add.at(ge, tg, params['we'])     # sequential adds, one per synapse
            if si.size:
                tg = np.concatenate([post[ptr[k]:ptr[k + 1]] for k in si])
                np.add.at(gi, tg, params['wi'])
        # b) current from new g, old V
        if params['kind'] == 'coba':
            I = ge * (params['E_e'] - v) + gi * (params['E_i'] - v) + I_EXT
        else:
            I = ge + gi + I_EXT
        # c) exponential Euler (exact for constant I)
        v_inf = params['V_rest'] + I
        v_new = v_inf + (v - v_inf) * decay_v
        # d) refractory: hold old V
        refr = (n - last) <= ref_steps
        v_new = np.where(refr, v, v_new)
        # e) threshold / reset
        spk = v_new >= params['V_th']
        v = np.where(spk, params['V_reset'], v_new)
        last[spk] = n
        spiked = np.nonzero(spk)[0]
        if spiked.size:
            sp_i.append(spiked)
            sp_step.append(np.full(spiked.size, n, dtype=np.int64))
        if rec:
            tr['v'][n] = v[rec]
            tr['ge'][n] = ge[rec]
            tr['gi'][n] = gi[rec]
            tr['I'][n] = I[rec]
    out = dict(i=np.concatenate(sp_i) if sp_i else np.zeros(0, np.int64),
               step=np.concatenate(sp_step) if sp_step else np.zeros(0, np.int64))
    if rec:
        out.update(tr)
    return out


def sorted_spikes(res):
    """Spikes as a sorted list of (step, index) tuples."""
    return sorted(zip(res['step'].tolist(), res['i'].tolist()))


def compare_spikes(a, b):
    sa, sb = sorted_spikes(a), sorted_spikes(b)
    common = len(set(sa) & set(sb))
    first_diff = None
    for k, (x, y) in enumerate(zip(sa, sb)):
        if x != y:
            first_diff = dict(position=k, brian2=list(x), numpy_loop=list(y))
            break
    if first_diff is None and len(sa) != len(sb):
        k = min(len(sa), len(sb))
        first_diff = dict(position=k, note='one train is a prefix of the other')
    return dict(n_brian2=len(sa), n_numpy_loop=len(sb), n_matching=common,
                identical=(sa == sb), first_difference=first_diff)


# ----------------------------------------------------------------------------------------
# schedule check: a tiny network where we know when things must happen
# ----------------------------------------------------------------------------------------
def schedule_check(target):
    """Three neurons, COBA parameters.  Neuron 0 (E) starts so that, with no input but the
    constant 20, it crosses threshold at step 21 (V_n = -40 - 10*a**(n + 1 - 21.5), a =
    exp(-dt/tau)).  Synapses 0->1 (E), 0->2 (E), 2->1 (I).  Neurons 1, 2 start far below
    threshold.  Expected, BrainPy-style:
      * ge of neurons 1 and 2 is 0 up to and including step s (the spike step) and exactly
        we at step s+1 (decay of 0, then + we);
      * V of neuron 1 at step s+1 is computed with I = we*(0 - V_s) + 20;
      * neuron 0's V equals V_reset at steps s..s+50 (s+1..s+50 held) and moves at s+51."""
    p = dict(NETWORKS['coba'])
    a = math.exp(-DT / p['tau'])
    v0_0 = -40.0 - 10.0 * a ** (-21.5)
    net = dict(N=3, N_E=2, v0=np.array([v0_0, -70.0, -70.0]),
               pre_e=np.array([0, 0]), post_e=np.array([1, 2]),
               pre_i=np.array([2]), post_i=np.array([1]))
    n_steps = 80
    b = run_brian2(p, net, n_steps, target=target, record_v=[0, 1, 2])
    r = reference_loop(p, net, n_steps, record_v=[0, 1, 2])
    s_list = b['step'][b['i'] == 0].tolist()
    s = s_list[0]
    ge1 = b['ge'][:, 1]
    v0t = b['v'][:, 0]
    held = [k for k in range(n_steps) if v0t[k] == p['V_reset']]
    # V of neuron 1 at step s+1, from its own recorded previous value, by the formula
    v_prev = b['v'][s, 1]
    I_exp = p['we'] * (p['E_e'] - v_prev) + I_EXT
    v_inf = p['V_rest'] + I_exp
    v_exp = v_inf + (v_prev - v_inf) * a
    res = dict(
        pre_spike_steps_brian2=s_list,
        pre_spike_steps_numpy_loop=r['step'][r['i'] == 0].tolist(),
        post_ge_at_step_s=float(ge1[s]), post_ge_at_step_s_plus_1=float(ge1[s + 1]),
        post_ge_first_nonzero_step=int(np.nonzero(ge1)[0][0]),
        post_I_at_step_s_plus_1=float(b['I'][s + 1, 1]),
        post_V_at_step_s_plus_1_brian2=float(b['v'][s + 1, 1]),
        post_V_at_step_s_plus_1_expected=v_exp,
        pre_V_equal_V_reset_steps=[held[0], held[-1]] if held else None,
        pre_V_held_steps_after_spike=len(held) - 1 if held else 0,
        max_abs_dV_brian2_vs_numpy_loop=float(np.max(np.abs(b['v'] - r['v']))),
        max_abs_dge_brian2_vs_numpy_loop=float(np.max(np.abs(b['ge'] - r['ge']))),
        max_abs_dgi_brian2_vs_numpy_loop=float(np.max(np.abs(b['gi'] - r['gi']))),
    )
    ok = (s == 21 and ge1[s] == 0.0 and ge1[s + 1] == p['we']
          and abs(res['post_V_at_step_s_plus_1_brian2'] - v_exp) < 1e-12
          and held == list(range(s, s + 51))
          and res['pre_spike_steps_brian2'] == res['pre_spike_steps_numpy_loop']
          and res['max_abs_dV_brian2_vs_numpy_loop'] < 1e-9)
    res['passed'] = bool(ok)
    res['meaning'] = ('pre neuron 0 spikes at step s (t = s*dt); the postsynaptic ge is 0 at '
                      'the end of step s and equals we at the end of step s+1, and V_post at '
                      'step s+1 already uses it (I = ge*(0 - V_old) + 20); the spiking neuron '
                      'is at V_reset from step s through s+50 (50 held steps) and integrates '
                      'again at step s+51 - BrainPy\'s order and refractoriness')
    return res, b['schedule']


def refractory_check(target):
    """Hold length with Brian2's refractory=5*ms vs 5*ms + dt/2 on a single tonic neuron."""
    import brian2 as b2
    out = {}
    for label, ref in (('5*ms', 5.0), ('5*ms + dt/2', 5.0 + DT / 2), ('5*ms + dt', 5.0 + DT)):
        b2.start_scope()
        b2.prefs.codegen.target = target
        b2.defaultclock.dt = DT * b2.ms
        G = b2.NeuronGroup(1, 'dv/dt = (-v - 60 + 20)/(20*ms) : 1 (unless refractory)',
                           threshold='v >= -50', reset='v = -60', refractory=ref * b2.ms,
                           method='exact')
        G.v = -49.0
        mon = b2.StateMonitor(G, 'v', record=0, when='end')
        sm = b2.SpikeMonitor(G)
        b2.Network(G, mon, sm).run(10 * b2.ms, namespace={})
        trace = mon.v[0]
        st = int(round(float(sm.t[0] / b2.ms) / DT))
        held = 0
        k = st + 1
        while trace[k] == -60.0:
            held += 1
            k += 1
        out[label] = held
    return out


# ----------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--target', default='cython', choices=['cython', 'numpy'])
    ap.add_argument('--seeds', default='1,2,3,4,5,6,7,8,9,10')
    ap.add_argument('--networks', default=','.join(NETWORKS))
    ap.add_argument('--duration', type=float, default=COMMON['duration'])
    ap.add_argument('--no-crosscheck', dest='crosscheck', action='store_false',
                    help='skip the plain numpy loop run on every network/seed (on by default)')
    ap.add_argument('--out', default=OUT_DEFAULT)
    args = ap.parse_args()
    import brian2 as b2
    seeds = [int(s) for s in args.seeds.split(',')]
    n_steps = int(round(args.duration / DT))

    log('schedule check ...')
    sched, sched_summary = schedule_check(args.target)
    log(json.dumps(sched, indent=1))
    refr = refractory_check(args.target)
    log('refractory hold (steps):', refr)

    result = dict(
        description='Mean firing rates (Hz) of the E and I populations of three E/I LIF networks '
                    'in BrainPy\'s formulation, simulated with Brian2. rate_*_Hz counts every '
                    'spike in [0, duration) / (population size * duration); *_after_100ms '
                    'counts [100 ms, duration) only; binned_rate_* is the population rate in '
                    '10 ms bins averaged over seeds. sd_* is the sample SD (ddof=1) across seeds.',
        generator='test/reference/brian2/ei_networks.py',
        brian2_version=b2.__version__, numpy_version=np.__version__,
        target=args.target, float='float64',
        common=dict(COMMON, duration=args.duration, n_steps=n_steps),
        formulation=(
            'Per step n (t = n*dt): (a) g <- g*exp(-dt/tau_syn), then g += w once per synapse '
            'whose presynaptic neuron spiked at step n-1 (no extra delay; sequential float64 '
            'adds); (b) I = ge*(E_e - V) + gi*(E_i - V) + 20 (COBA) or ge + gi + 20 (CUBA) '
            'from the new g and the old V; (c) V_new = V_inf + (V - V_inf)*exp(-dt/tau), '
            'V_inf = V_rest + I (Brian2 method "exact", I a per-step parameter); (d) V held '
            '(integration discarded) while n - n_last_spike <= 50 (tau_ref/dt); (e) spike if '
            'V_new >= V_th, then V = V_reset. Brian2: ge/gi decay by run_regularly and '
            'pathways on_pre "ge_post += we" / "gi_post += wi" scheduled before_groups, '
            'I computed by a run_regularly before_groups, refractory = 5*ms + dt = 5.1 ms (Brian2 '
            'holds timestep(refractory) - 1 steps: 5*ms would hold 49, see '
            'refractory_hold_steps). Brian2\'s exact solver evaluates V_new as '
            'I + V_rest + V*a + (-I - V_rest)*a (a = exp(-dt/tau)), which rounds differently '
            'from V_inf + (V - V_inf)*a by ~1e-13 mV; spike trains were nevertheless identical '
            'to a plain numpy loop of the latter form (see numpy_loop).'),
        network_construction=(
            'One index space 0..3999, neurons 0..3199 excitatory. rng = numpy.random.'
            'default_rng(seed); v0 = rng.normal(V_init_mean, V_init_sd, 4000); then for E->all '
            'and then I->all, Bernoulli(0.02) per (pre, post) pair from rng.random in row '
            'chunks of 400 presynaptic neurons. Passed to Brian2 explicitly (connect(i=, j=)), '
            'so the networks do not depend on the Brian2 target. Our simulator cannot rebuild '
            'these exact networks (different RNG); compare rates over seeds, not spikes.'),
        schedule_check=sched,
        brian2_schedule=sched_summary,
        refractory_hold_steps=dict(refr, note='steps V is held after a spike; BrainPy holds 50'),
        networks={},
    )
    for name in args.networks.split(','):
        p = NETWORKS[name]
        entry = dict(params=dict(p), seeds=seeds, rate_E_Hz=[], rate_I_Hz=[],
                     rate_E_Hz_after_100ms=[], rate_I_Hz_after_100ms=[],
                     n_synapses=[], wall_s=[], loop_s=[])
        n_bins = int(round(args.duration / BIN_MS))
        hist = {'E': np.zeros(n_bins), 'I': np.zeros(n_bins)}
        if args.crosscheck:
            entry['numpy_loop'] = []
        for seed in seeds:
            net = make_network(p, seed, COMMON['N_E'], COMMON['N_I'], COMMON['prob'])
            b = run_brian2(p, net, n_steps, target=args.target)
            T = args.duration / 1000.0
            nE = int(np.sum(b['i'] < COMMON['N_E']))
            nI = int(np.sum(b['i'] >= COMMON['N_E']))
            rE, rI = nE / (COMMON['N_E'] * T), nI / (COMMON['N_I'] * T)
            entry['rate_E_Hz'].append(rE)
            entry['rate_I_Hz'].append(rI)
            steps_bin = int(round(BIN_MS / DT))
            late = b['step'] >= int(round(100.0 / DT))
            T_late = (args.duration - 100.0) / 1000.0
            for k, sel, n_pop in (('E', b['i'] < COMMON['N_E'], COMMON['N_E']),
                                  ('I', b['i'] >= COMMON['N_E'], COMMON['N_I'])):
                entry[f'rate_{k}_Hz_after_100ms'].append(
                    float(np.sum(sel & late)) / (n_pop * T_late))
                hist[k] += np.bincount(b['step'][sel] // steps_bin, minlength=n_bins)[:n_bins] \
                    / (n_pop * BIN_MS / 1000.0)
            entry['n_synapses'].append(int(net['pre_e'].size + net['pre_i'].size))
            entry['wall_s'].append(round(b['wall_s'], 2))
            entry['loop_s'].append(None if b['loop_s'] is None else round(b['loop_s'], 2))
            msg = f'{name} seed {seed}: E {rE:.3f} Hz, I {rI:.3f} Hz, {b["wall_s"]:.1f} s'
            if args.crosscheck:
                t0 = time.time()
                r = reference_loop(p, net, n_steps)
                c = compare_spikes(b, r)
                rE2 = float(np.sum(r['i'] < COMMON['N_E'])) / (COMMON['N_E'] * T)
                rI2 = float(np.sum(r['i'] >= COMMON['N_E'])) / (COMMON['N_I'] * T)
                c.update(rate_E_Hz=rE2, rate_I_Hz=rI2, wall_s=round(time.time() - t0, 2))
                entry['numpy_loop'].append(c)
                msg += f' | numpy loop E {rE2:.3f} I {rI2:.3f}, identical={c["identical"]}'
            log(msg)
        for k in ('E', 'I'):
            for suffix in ('', '_after_100ms'):
                x = np.array(entry[f'rate_{k}_Hz{suffix}'])
                entry[f'mean_rate_{k}_Hz{suffix}'] = float(x.mean())
                entry[f'sd_rate_{k}_Hz{suffix}'] = float(x.std(ddof=1)) if x.size > 1 else 0.0
            entry[f'binned_rate_{k}_Hz_mean_over_seeds'] = [round(float(x), 4)
                                                           for x in hist[k] / len(seeds)]
        entry['bin_ms'] = BIN_MS
        result['networks'][name] = entry
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w') as f:
        json.dump(result, f, indent=1)
        f.write('\n')
    log('wrote', args.out)


if __name__ == '__main__':
    main()
