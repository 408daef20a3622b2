#!/usr/bin/python3
"""Brian2 references for Neurodyn's HH neuron (BrainPy's equations and rate functions).

Writes ``test/reference/neurons-hh-brian2.json``.  Regenerate with (from the repo root)::

    /usr/bin/python3 test/reference/brian2/neurons_hh.py

Two HH neurons (V0 = -65 and -70 mV; m, h, n at their steady states) with constant inputs
(10 and 4 uA/cm^2), 100 ms at dt = 0.05 ms, with Brian2's
``exponential_euler`` and ``rk4``.  Brian2's exponential Euler solves each equation as linear in
its own variable with the others held at the step's start, which is BrainPy's (and Neurodyn's)
``exp_auto`` for these conditionally linear equations.  The StateMonitor records after each
step (``when='end'``); spikes are upward crossings of V_th = 20 mV between consecutive steps,
computed from the full trace.  Traces are stored every ``every`` steps.
"""
import json
import os
import sys

import brian2 as b2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'neurons-hh-brian2.json'))

EQS = '''
dV/dt = (-gNa * m**3 * h * (V - ENa) - gK * n**4 * (V - EK) - gL * (V - EL) + I) / C / ms : 1
dm/dt = (alpha_m * (1 - m) - beta_m * m) / ms : 1
dh/dt = (alpha_h * (1 - h) - beta_h * h) / ms : 1
dn/dt = (alpha_n * (1 - n) - beta_n * n) / ms : 1
alpha_m = 0.1 * (V + 40) / (1 - exp(-(V + 40) / 10)) : 1
beta_m = 4 * exp(-(V + 65) / 18) : 1
alpha_h = 0.07 * exp(-(V + 65) / 20) : 1
beta_h = 1 / (1 + exp(-(V + 35) / 10)) : 1
alpha_n = 0.01 * (V + 55) / (1 - exp(-(V + 55) / 10)) : 1
beta_n = 0.125 * exp(-(V + 65) / 80) : 1
I : 1 (constant)
'''
PARAMS = dict(ENa=50.0, gNa=120.0, EK=-77.0, gK=36.0, EL=-54.387, gL=0.03, C=1.0)
V_TH = 20.0
DT, DURATION, EVERY = 0.05, 100.0, 4
V0 = [-65.0, -70.0]
INPUTS = [10.0, 4.0]


def rates(V):
    am = 0.1 * (V + 40) / (1 - np.exp(-(V + 40) / 10)); bm = 4 * np.exp(-(V + 65) / 18)
    ah = 0.07 * np.exp(-(V + 65) / 20); bh = 1 / (1 + np.exp(-(V + 35) / 10))
    an = 0.01 * (V + 55) / (1 - np.exp(-(V + 55) / 10)); bn = 0.125 * np.exp(-(V + 65) / 80)
    return dict(m=am / (am + bm), h=ah / (ah + bh), n=an / (an + bn))


def run(method):
    b2.start_scope()
    b2.prefs.codegen.target = 'numpy'
    b2.defaultclock.dt = DT * b2.ms
    g = b2.NeuronGroup(len(V0), EQS, method=method, namespace=dict(PARAMS))
    V0a = np.array(V0)
    g.V = V0a
    for k, v in rates(V0a).items():
        setattr(g, k, v)
    g.I = INPUTS
    mon = b2.StateMonitor(g, ['V', 'm', 'h', 'n'], record=True, when='end')
    b2.run(DURATION * b2.ms)
    V = np.asarray(mon.V)                          # (neurons, steps)
    prev = np.concatenate([V0a[:, None], V[:, :-1]], axis=1)
    crossing = (V >= V_TH) & (prev < V_TH)
    return dict(
        method=method,
        spike_steps=[[int(s) for s in np.nonzero(crossing[k])[0]] for k in range(len(V0))],
        traces={s: np.asarray(getattr(mon, s))[:, EVERY - 1::EVERY].T.tolist() for s in ['V', 'm', 'h', 'n']},
    )


def main():
    runs = [run(m) for m in ('exponential_euler', 'rk4')]
    out = dict(
        description='Two HH neurons in BrainPy\'s formulation simulated with Brian2 (numpy target, float64). '
                    'traces[s][j][k] is state s of neuron k after step (j+1)*every-1 (0-based); '
                    'spike_steps[k] are the 0-based steps where V crosses V_th upwards.',
        generator='test/reference/brian2/neurons_hh.py', brian2_version=b2.__version__,
        params=PARAMS, V_th=V_TH, dt=DT, duration=DURATION, every=EVERY, V0=V0, inputs=INPUTS,
        initial_gates={k: v.tolist() for k, v in rates(np.array(V0)).items()},
        runs=runs,
    )
    with open(OUT, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
    for r in runs:
        print(r['method'], [len(s) for s in r['spike_steps']], 'spikes', file=sys.stderr)


if __name__ == '__main__':
    main()
