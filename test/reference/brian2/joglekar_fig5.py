"""Reference for joglekar-fig5: seed 001's MultiAreaNet (Joglekar et al. 2018, Fig. 5) in Brian2.

Written from the seed's BrainPy code: 29 areas of noisy LIF neurons (euler), delta synapses onto V
blocked while the target is refractory, Bernoulli connectivity for every pair of populations,
long-range E->E / E->I weights (1 + alpha hier[target]) mu fln[target, source], delays
int(distance / 3.5 / dt) steps (2 ms inside an area), V1 driven by 15 for 300-450 ms.
Reduced size as the gallery entry reduces it: 1600 * SCALE E and 400 * SCALE I neurons per area,
connection probability 0.1 / SCALE (in-degrees of the full network). Weak GBA are the seed's
parameters; strong GBA raises wEI and muEE to 0.05 (the authors' code). Numpy target, ~10 min.
Output: per area, the baseline rate (100-300 ms) and the peak rise (300-650 ms) of the 10 ms
box-smoothed E rate, and the mean E rate over all areas per 50 ms, for each regime and seed.
"""
import json
import os
import sys

import numpy as np
from brian2 import (NeuronGroup, Network, SpikeMonitor, Synapses, TimedArray, defaultclock, mV, ms,
                    prefs, seed as b2seed)
from scipy.io import loadmat

prefs.codegen.target = 'numpy'
DATA = os.environ.get('NEURODYN_DATA', os.path.join(os.path.dirname(__file__), '../../../../shared/data'))
SCALE = 0.125
DT = 0.1
DURATION = 650.0
WEAK = dict(extE=14.2, extI=14.7, wII=.075, wEE=.01, wIE=.075, wEI=.0375, muEE=.0375, muIE=.0475, alpha=4.)
STRONG = dict(WEAK, wEI=.05, muEE=.05)


def load():
    d = os.path.join(DATA, 'joglekar2018')
    hier = loadmat(os.path.join(d, 'hierValspython.mat'))['hierVals'].flatten()
    fln = loadmat(os.path.join(d, 'efelenMatpython.mat'))['flnMatpython']
    dist = loadmat(os.path.join(d, 'subgraphWiring29.mat'))['wiring']
    return hier / hier.max(), fln, dist / 3.5


def bernoulli_pairs(rng, n_pre, n_post, p):
    pre, post = np.nonzero(rng.random((n_pre, n_post)) < p)
    return pre, post


def run(par, rng_seed):
    hier, fln, delay = load()
    n = hier.size
    nE, nI = round(1600 * SCALE), round(400 * SCALE)
    p = 0.1 / SCALE
    defaultclock.dt = DT * ms
    b2seed(rng_seed)
    rng = np.random.default_rng(rng_seed)
    steps = int(round(DURATION / DT))
    pulse = np.zeros((steps, n * nE))
    pulse[int(300 / DT):int(450 / DT), :nE] = 15.
    drive = TimedArray(pulse * mV, dt=DT * ms)
    eqs = '''dV/dt = (-(V - Vr) + drive(t, i) + mu) / tau + sigma * (1 / tau) ** 0.5 * xi : volt (unless refractory)
             mu : volt
             tau : second'''
    common = dict(threshold='V >= -50*mV', reset='V = -60*mV', refractory=2 * ms, method='euler')
    ns = dict(Vr=-70 * mV, sigma=3 * mV, drive=drive)
    E = NeuronGroup(n * nE, eqs, namespace=ns, **common)
    I = NeuronGroup(n * nI, eqs.replace('drive(t, i) + ', ''), namespace=ns, **common)
    E.mu, E.tau, I.mu, I.tau = par['extE'] * mV, 20 * ms, par['extI'] * mV, 10 * ms
    E.V = (-70 + 20 * rng.random(n * nE)) * mV
    I.V = (-70 + 20 * rng.random(n * nI)) * mV
    intra = int(2 / DT)
    syns = []
    for src, tgt, ns_, nt in [(E, E, nE, nE), (E, I, nE, nI), (I, E, nI, nE), (I, I, nI, nI)]:
        pre_all, post_all, w_all, d_all = [], [], [], []
        for a in range(n):
            for b in range(n):
                if src is I and a != b:
                    continue
                if src is E:
                    gain = 1 + par['alpha'] * hier[b]
                    weight = gain * (par['wEE'] if tgt is E else par['wIE']) if a == b else gain * (par['muEE'] if tgt is E else par['muIE']) * fln[b, a]
                    steps_d = intra if a == b else int(delay[b, a] / DT)
                else:
                    weight, steps_d = -(par['wEI'] if tgt is E else par['wII']), intra
                if weight == 0:
                    continue
                pre, post = bernoulli_pairs(rng, ns_, nt, p)
                pre_all.append(pre + a * ns_)
                post_all.append(post + b * nt)
                w_all.append(np.full(pre.size, weight))
                d_all.append(np.full(pre.size, steps_d * DT))
        S = Synapses(src, tgt, 'w : volt', on_pre='V_post += w * int(not_refractory_post)')
        S.connect(i=np.concatenate(pre_all), j=np.concatenate(post_all))
        S.w = np.concatenate(w_all) * mV
        # a spike of step m reaches V after step m + d's update, so it counts from step m + 1 + d on,
        # as Neurodyn's delay_step d (and the seed's LengthDelay, up to one step)
        S.delay = np.concatenate(d_all) * ms
        syns.append(S)
    mon = SpikeMonitor(E)
    net = Network(E, I, *syns, mon)
    net.run(DURATION * ms)
    counts = np.zeros((steps, n))
    step = np.round(np.asarray(mon.t / ms) / DT).astype(int)
    np.add.at(counts, (np.minimum(step, steps - 1), np.asarray(mon.i) // nE), 1)
    width = int(round(10 / DT))
    kernel = np.ones(width) / (width * DT / 1000) / nE
    rates = np.stack([np.convolve(counts[:, a], kernel, mode='same') for a in range(n)], axis=1)
    b0, b1, r0, r1 = [int(round(t / DT)) for t in (100, 300, 300, 650)]
    base = rates[b0:b1].mean(axis=0)
    return dict(
        baseline_hz=base.round(4).tolist(),
        baseline_sd_hz=rates[b0:b1].std(axis=0).round(4).tolist(),
        peak_rise_hz=(rates[r0:r1].max(axis=0) - base).round(4).tolist(),
        mean_rate_per_50ms=[round(float(rates[k:k + 500].mean()), 3) for k in range(0, steps, 500)],
    )


if __name__ == '__main__':
    seeds = [int(s) for s in sys.argv[1:]] or [1]
    out = dict(source='test/reference/brian2/joglekar_fig5.py (Brian2 2.5.1, numpy target)', scale=SCALE, dt=DT,
               duration_ms=DURATION, runs=[])
    for name, par in [('weak', WEAK), ('strong', STRONG)]:
        for s in seeds:
            out['runs'].append(dict(regime=name, seed=s, **run(par, s)))
            print(name, s, out['runs'][-1]['mean_rate_per_50ms'], flush=True)
    with open(os.path.join(os.path.dirname(__file__), '..', 'joglekar-fig5-brian2.json'), 'w') as f:
        json.dump(out, f, indent=1)
