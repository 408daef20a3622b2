#!/usr/bin/python3
"""Brian2 side of Neurodyn's decision-making benchmark: Wang (2002) as src/examples/decision-making.ts builds it.

Prints one JSON line last, with the same fields as brette.py (whose device set-up and report it
uses).  Run from the repository root::

    /usr/bin/python3 bench/brian2/decision_making.py --n 2000 --duration 1600 --target cpp_standalone

The network (seed 000's version, scale = n / 2000): LIF groups A, B (240 each), N (1120) and I
(400): V_rest -70, V_reset -55, V_th -50 mV, tau 20 ms, R 0.04, tau_ref 2 ms (I: tau 10 ms,
R 0.05, tau_ref 1 ms), V(0) = -70.  All-to-all AMPA (exponential, tau 2 ms, E 0), GABA
(exponential, tau 5 ms, E -70) and NMDA (dg/dt = -g/100 + 0.5 x (1 - g), dx/dt = -x/2, x += 1 per
spike, Mg block 1/(1 + exp(-0.062 V)/3.57)), all with 0.5 ms delays; weights 0.05, 0.04 (AMPA
E->E, E->I), 0.165, 0.13 (NMDA), 1.3, 1.0 (GABA I->E, I->I), divided by the scale, times
w+ = 1.7 within A and within B, w- = 1 - 0.15 (w+ - 1)/0.85 from the other selective group and
from N, 1 towards N.  2400 Hz Poisson noise on every neuron (weights 2.1 on E, 1.62 on I) and
stimuli on A and B at 40 +- 40 c/100 Hz (c = 25.6 %), redrawn from N(mean, 10 Hz) every 50 ms
during the 1000 ms after the first 100 ms (weight 2.1).

The same update order as Neurodyn (BrainPy's): before the neurons' step, the AMPA and GABA
conductances decay and then receive the spikes that arrive; the NMDA state of each presynaptic
neuron advances one exponential-Euler step, then its arriving spikes add to x; the currents are
computed from the new conductances and the old v; then v is integrated exactly with the current
held constant, held for tau_ref/dt steps after a spike (refractory = tau_ref + dt in Brian2), and
a spike is v >= V_th followed by the reset.

Like Neurodyn (one NMDA state per presynaptic neuron, BrainPy's choice), the NMDA conductance of
a postsynaptic neuron is w_A S_A + w_B S_B + w_N S_N, with S_P the sum of g over group P (a
summed variable onto a three-element group), rather than a sum over 3.2 million synapses.  The
noise is a PoissonInput (a Bernoulli draw per neuron and step, as Neurodyn's PoissonGroup; the
noise carries no delay, which does not change a Poisson process).  ``synapses`` counts the
connections as Neurodyn does (all-to-all AMPA, NMDA, GABA, one-to-one noise and stimulus).
"""
import argparse
import math

import numpy as np

from brette import DT, add_run_arguments, run_benchmark

SIZE = 2000
COHERENCE = 25.6
MU0 = 40.0
PRE_STIMULUS, STIMULUS = 100.0, 1000.0   # ms
DELAY = 0.5                              # ms, every recurrent and stimulus synapse

NEURON = '''
dv/dt = (-v + V_rest + R*I)/tau : 1 (unless refractory)
I : 1
g_ampa : 1
g_gaba : 1
S_A : 1 (linked)
S_B : 1 (linked)
S_N : 1 (linked)
w_A : 1 (constant)
w_B : 1 (constant)
w_N : 1 (constant)
'''
# E groups also carry the NMDA state of their own spikes (BrainPy keeps it per presynaptic neuron).
NMDA_STATE = '''
s : 1
x : 1
'''
CURRENT = ('I = g_ampa*(0 - v) + g_gaba*(-70 - v)'
           ' + g_nmda*(w_A*S_A + w_B*S_B + w_N*S_N)*(0 - v)/(1 + exp(-0.062*v)/3.57)')


class SpikeTotal:
    """The spike count of several monitors, read after the run."""

    def __init__(self, *monitors):
        self.monitors = monitors

    @property
    def num_spikes(self):
        return sum(int(m.num_spikes) for m in self.monitors)


def build(b2, n, seed):
    scale = n / SIZE
    f = 0.15
    n_e, n_i = int(1600 * scale), int(400 * scale)
    n_a = int(f * n_e)
    w_pos = 1.7
    w_neg = 1 - f * (w_pos - 1) / (1 - f)
    g = dict(ext2E=2.1, ext2I=1.62, E2E_AMPA=0.05 / scale, E2I_AMPA=0.04 / scale,
             E2E_NMDA=0.165 / scale, E2I_NMDA=0.13 / scale, I2E=1.3 / scale, I2I=1.0 / scale)
    common = dict(V_rest=-70.0, V_reset=-55.0, V_th=-50.0, decay_ampa=math.exp(-DT / 2.0),
                  decay_gaba=math.exp(-DT / 5.0), tau_decay=100.0, decay_x=math.exp(-DT / 2.0),
                  a_nmda=0.5, dt_ms=DT, w_pos=w_pos, w_neg=w_neg, n_a=n_a, **g)
    ns_e = dict(common, tau=20 * b2.ms, R=0.04, g_nmda=g['E2E_NMDA'])
    ns_i = dict(common, tau=10 * b2.ms, R=0.05, g_nmda=g['E2I_NMDA'])
    delay = DELAY * b2.ms
    b2.seed(seed)

    E = b2.NeuronGroup(n_e, NEURON + NMDA_STATE, threshold='v >= V_th', reset='v = V_reset',
                       refractory=(2.0 + DT) * b2.ms, method='exact', namespace=ns_e, name='E')
    I = b2.NeuronGroup(n_i, NEURON, threshold='v >= V_th', reset='v = V_reset',
                       refractory=(1.0 + DT) * b2.ms, method='exact', namespace=ns_i, name='I')
    E.v = -70.0
    I.v = -70.0
    # NMDA weights towards E: w+ within A and within B, w- from the other groups, 1 towards N.
    group_of = np.minimum(np.arange(n_e) // n_a, 2)      # 0: A, 1: B, 2: N
    for k, name in enumerate(['w_A', 'w_B', 'w_N']):
        setattr(E, name, np.where(group_of == 2, 1.0, np.where(group_of == k, w_pos, w_neg)))
        setattr(I, name, 1.0)
    totals = b2.NeuronGroup(3, 'S : 1', name='totals')
    for group in (E, I):
        for k, name in enumerate(['S_A', 'S_B', 'S_N']):
            setattr(group, name, b2.linked_var(totals, 'S', index=np.full(len(group), k)))

    before = dict(when='before_groups')
    for group in (E, I):
        group.run_regularly('g_ampa = g_ampa*decay_ampa\ng_gaba = g_gaba*decay_gaba', order=0, **before)
    # exp_auto for the NMDA gating, as Neurodyn integrates it (g and x from their old values).
    E.run_regularly('s = s + dt_ms*exprel((-1/tau_decay - a_nmda*x)*dt_ms)*(-s/tau_decay + a_nmda*x*(1 - s))\n'
                    'x = x*decay_x', order=0, name='nmda_state', **before)

    synapses = []

    def connect(pre, post, on_pre, order, condition=None, model='', **weights):
        S = b2.Synapses(pre, post, model=model, on_pre=on_pre, delay=delay, namespace=dict(common, **weights),
                        name=f'S{len(synapses)}')
        S.connect(True if condition is None else condition)
        S.pre.when, S.pre.order = 'before_groups', order
        synapses.append(S)
        return S

    # E -> E AMPA, weights by the groups of i and j; the others with one weight each.
    group_expr = lambda k: f'(int({k} >= n_a) + int({k} >= 2*n_a))'
    ee = connect(E, E, 'g_ampa_post += w', 1, model='w : 1 (constant)')
    ee.w = (f'E2E_AMPA*(int({group_expr("j")} == 2) + int({group_expr("j")} != 2)*'
            f'(int({group_expr("i")} == {group_expr("j")})*w_pos + int({group_expr("i")} != {group_expr("j")})*w_neg))')
    connect(E, I, 'g_ampa_post += E2I_AMPA', 1)
    connect(I, E, 'g_gaba_post += I2E', 1)
    connect(I, I, 'g_gaba_post += I2I', 1)
    connect(E, E, 'x_post += 1', 2, condition='i == j')
    summed = b2.Synapses(E, totals, 'S_post = s_pre : 1 (summed)', namespace=common, name='nmda_totals')
    summed.connect(j=group_expr('i'))
    summed.summed_updaters['S_post'].when = 'before_groups'
    summed.summed_updaters['S_post'].order = 3

    # Stimuli: Poisson groups whose shared rate is redrawn every 50 ms during the stimulus.
    stimuli = []
    for k, sign in enumerate([1, -1]):
        mean = MU0 + sign * MU0 / 100 * COHERENCE
        stim = b2.NeuronGroup(n_a, 'freq : 1 (shared)', threshold='rand() < freq*dt_ms/1000',
                              namespace=dict(dt_ms=DT), name=f'stim{k}')
        stim.run_regularly(f'freq = int(t >= {PRE_STIMULUS}*ms and t < {PRE_STIMULUS + STIMULUS}*ms)*({mean} + 10*randn())',
                           dt=50 * b2.ms, when='start')
        connect(stim, E, 'g_ampa_post += ext2E', 1, condition=f'j == i + {k * n_a}')
        stimuli.append(stim)
    noise = [b2.PoissonInput(group, 'g_ampa', 1, 2400 * b2.Hz, weight=w, when='before_groups', order=1)
             for group, w in ((E, g['ext2E']), (I, g['ext2I']))]
    for group in (E, I):
        group.run_regularly(CURRENT, order=4, **before)

    spikes = [b2.SpikeMonitor(group, record=False) for group in (E, I)]
    net = b2.Network(E, I, totals, summed, *synapses, *stimuli, *noise, *spikes)
    count = (n_e * n_e + n_e * n_i) * 2 + n_i * (n_e + n_i) + n_e + n_i + 2 * n_a
    return net, SpikeTotal(*spikes), count, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    add_run_arguments(ap)
    ap.set_defaults(n=SIZE, duration=PRE_STIMULUS + STIMULUS + 500.0)
    args = ap.parse_args()
    run_benchmark(args, 'decision-making', lambda b2: build(b2, args.n, args.seed))


if __name__ == '__main__':
    main()
