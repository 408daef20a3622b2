#!/usr/bin/python3
"""The neuron of the cobahh benchmark in Brian2, for test/bench-cobahh.test.ts.

Five Traub-Miles HH neurons of bench/brian2/cobahh.py (its equations and parameters), driven by
constant currents 100, 250, 400, 550 and 700 pA, v(0) = -65 mV, gates at 0, exponential_euler at
dt 0.1 ms, 500 ms, spikes as upward crossings of -20 mV (threshold and refractory condition
'v > V_th').  Writes test/reference/cobahh-neuron-brian2.json: the spike steps of each neuron
(the step whose update crossed) and the final v.  numpy target, a few seconds.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', '..', 'bench', 'brian2'))

import brian2 as b2  # noqa: E402
from cobahh import EQUATIONS, PARAMS  # noqa: E402

CURRENTS = [100.0, 250.0, 400.0, 550.0, 700.0]
DURATION = 500.0

b2.prefs.codegen.target = 'numpy'
b2.defaultclock.dt = 0.1 * b2.ms
G = b2.NeuronGroup(len(CURRENTS), EQUATIONS, threshold='v > V_th', refractory='v > V_th',
                   method='exponential_euler', namespace=PARAMS)
G.v = -65.0
G.I = CURRENTS
M = b2.SpikeMonitor(G)
b2.run(DURATION * b2.ms)
trains = M.spike_trains()
out = dict(
    source='test/reference/brian2/cobahh_neuron.py (Brian2 %s, numpy)' % b2.__version__,
    dt_ms=0.1, duration_ms=DURATION, currents_pA=CURRENTS, v0_mV=-65.0,
    spike_steps=[[int(round(t / (0.1 * b2.ms))) for t in trains[k]] for k in range(len(CURRENTS))],
    final_v=[float(v) for v in G.v[:]],
)
with open(os.path.join(HERE, '..', 'cobahh-neuron-brian2.json'), 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
