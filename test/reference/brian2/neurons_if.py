#!/usr/bin/python3
"""Brian2 single-neuron references for Neurodyn's Izhikevich and AdExIF (BrainPy's equations).

Writes ``test/reference/neurons-if-brian2.json``.  Regenerate with (from the repo root)::

    /usr/bin/python3 test/reference/brian2/neurons_if.py

Each case integrates BrainPy's equations in dimensionless form (mV, ms) with Brian2's
``rk4``, ``midpoint`` or ``euler`` (exponential Euler is not applicable: both models are nonlinear in V),
then thresholds on the new state and resets, as BrainPy and Neurodyn do.  A StateMonitor with
``when='end'`` records the state after the reset of each step, i.e. what Neurodyn's monitor
holds for the same step; spike steps are t/dt of the SpikeMonitor.  Traces are kept every
``every`` steps to keep the file small.
"""
import json
import os

import brian2 as b2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'neurons-if-brian2.json'))

IZH = dict(
    model='''dV/dt = (0.04 * V * V + 5 * V + 140 - u + I) / ms : 1
             du/dt = a * (b * V - u) / ms : 1''',
    threshold='V >= V_th', reset='V = c\nu = u + d',
)
ADEX = dict(
    model='''dV/dt = (-V + V_rest + delta_T * exp((V - V_T) / delta_T) - R * w + R * I) / (tau * ms) : 1
             dw/dt = (a * (V - V_rest) - w) / (tau_w * ms) : 1''',
    threshold='V >= V_th', reset='V = V_reset\nw = w + b',
)

# Neurodyn's (BrainPy's) method names -> Brian2's: Brian2's rk2 is the midpoint rule.
BRIAN2_METHOD = {'midpoint': 'rk2'}

CASES = [
    dict(name='izhikevich_tonic_bursting_rk4', eqs=IZH, method='rk4', dt=0.1, duration=200.0, every=2,
         params=dict(a=0.02, b=0.2, c=-50.0, d=2.0, V_th=30.0, I=15.0), init=dict(V=-65.0, u=-13.0)),
    dict(name='izhikevich_regular_spiking_euler', eqs=IZH, method='euler', dt=0.1, duration=200.0, every=2,
         params=dict(a=0.02, b=0.2, c=-65.0, d=8.0, V_th=30.0, I=10.0), init=dict(V=0.0, u=1.0)),
    dict(name='adex_bursting_midpoint', eqs=ADEX, method='midpoint', dt=0.01, duration=300.0, every=25,
         params=dict(a=-0.5, b=7.0, R=0.5, delta_T=2.0, tau=5.0, tau_w=100.0, V_reset=-46.0,
                     V_rest=-70.0, V_th=-30.0, V_T=-50.0, I=65.0), init=dict(V=-70.0, w=0.0)),
    dict(name='adex_adapting_euler', eqs=ADEX, method='euler', dt=0.01, duration=200.0, every=25,
         params=dict(a=0.0, b=5.0, R=0.5, delta_T=2.0, tau=20.0, tau_w=100.0, V_reset=-55.0,
                     V_rest=-70.0, V_th=-30.0, V_T=-50.0, I=65.0), init=dict(V=-65.0, w=0.0)),
]


def run(case):
    b2.start_scope()
    b2.prefs.codegen.target = 'numpy'
    b2.defaultclock.dt = case['dt'] * b2.ms
    names = ' '.join(f'{k} : 1 (constant)\n' for k in case['params'])
    group = b2.NeuronGroup(1, case['eqs']['model'] + '\n' + names, threshold=case['eqs']['threshold'],
                           reset=case['eqs']['reset'], method=BRIAN2_METHOD.get(case['method'], case['method']))
    for k, v in {**case['params'], **case['init']}.items():
        setattr(group, k, v)
    states = list(case['init'])
    mon = b2.StateMonitor(group, states, record=0, when='end')
    spikes = b2.SpikeMonitor(group)
    b2.run(case['duration'] * b2.ms)
    every = case['every']
    return dict(
        name=case['name'], method=case['method'], dt=case['dt'], duration=case['duration'],
        params=case['params'], init=case['init'], every=every,
        spike_steps=[int(round(float(t / b2.ms) / case['dt'])) for t in spikes.t],
        traces={s: [float(x) for x in np.asarray(getattr(mon, s)[0])[every - 1::every]] for s in states},
    )


def main():
    cases = [run(c) for c in CASES]
    out = dict(
        description="Single Izhikevich and AdExIF neurons in BrainPy's equations, simulated with Brian2 "
                    "(numpy target, float64). traces[s][j] is the state after step (j+1)*every-1 "
                    "(0-based steps, after threshold and reset); spike_steps are 0-based steps.",
        generator='test/reference/brian2/neurons_if.py',
        brian2_version=b2.__version__, numpy_version=np.__version__, cases=cases,
    )
    with open(OUT, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
    for c in cases:
        print(c['name'], len(c['spike_steps']), 'spikes', file=__import__('sys').stderr)


if __name__ == '__main__':
    main()
