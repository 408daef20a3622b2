"""Brian2 runs of the equation strings that test/strings-brian2.test.ts runs in Neurodyn.

Deterministic models only (no rand() during the run): Izhikevich single neurons written as in
seed 004 (dimensionless v with '/ms'), an AdEx neuron with units and exponential_euler, and a
50-neuron LIF network with fixed (stored) connectivity, current-based synapses
(on_pre: 'I_post += w') and a 2 ms refractory period, and seed 004's 125-neuron forum network
with stored connectivity. Same method and dt as the test.
Writes test/reference/strings-brian2.json. Run: /usr/bin/python3 test/reference/brian2/strings_models.py
"""
import json
import os

import numpy as np
from brian2 import (NeuronGroup, Synapses, StateMonitor, SpikeMonitor, Network, defaultclock, prefs,
                    ms, mV, nS, pF, nA, pA, Mohm)

prefs.codegen.target = 'numpy'
OUT = os.path.join(os.path.dirname(__file__), '..', 'strings-brian2.json')

IZH = '''dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1 (unless refractory)
du/dt = a*(b*v - u)/ms : 1 (unless refractory)
I : 1
a : 1
b : 1
c : 1
d : 1'''

IZH_TYPES = {  # a, b, c, d, I  (Izhikevich 2003, Fig. 2)
    'regular_spiking': (0.02, 0.2, -65.0, 8.0, 10.0),
    'intrinsically_bursting': (0.02, 0.2, -55.0, 4.0, 10.0),
    'chattering': (0.02, 0.2, -50.0, 2.0, 10.0),
    'fast_spiking': (0.1, 0.2, -65.0, 2.0, 10.0),
}

ADEX = '''dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) - w + I)/C : volt
dw/dt = (a*(v - EL) - w)/tauw : amp
I : amp'''
ADEX_NS = dict(gL=10 * nS, EL=-70 * mV, DeltaT=2 * mV, VT=-50 * mV, C=200 * pF, a=2 * nS, tauw=120 * ms)

LIF = '''dv/dt = (v_rest - v + R*(I + I_ext))/tau : volt (unless refractory)
dI/dt = -I/tau_s : amp
I_ext : amp'''
LIF_NS = dict(v_rest=-65 * mV, R=100 * Mohm, tau=10 * ms, tau_s=5 * ms)


def record_every(mon, var, every, scale):
    return (getattr(mon, var)[:, ::every] / scale).tolist()


def izhikevich(name, dt):
    a, b, c, d, I = IZH_TYPES[name]
    defaultclock.dt = dt * ms
    G = NeuronGroup(1, IZH, threshold='v >= 30', reset='v = c; u += d', refractory=0.1 * ms, method='euler')
    G.a, G.b, G.c, G.d, G.I = a, b, c, d, I
    G.v = -65
    G.u = 'b*v'
    mon = StateMonitor(G, 'v', record=True)
    spikes = SpikeMonitor(G)
    Network(G, mon, spikes).run(200 * ms)
    return dict(name=f'izhikevich_{name}', dt=dt, every=10, v=mon.v[0, ::10].tolist(),
                spikes=(spikes.t / ms).tolist())


def adex(dt):
    defaultclock.dt = dt * ms
    G = NeuronGroup(1, ADEX, threshold='v > -40*mV', reset='v = -58*mV; w += 0.08*nA', method='exponential_euler',
                    namespace=ADEX_NS)
    G.v = -70 * mV
    G.I = 0.5 * nA
    mon = StateMonitor(G, ['v', 'w'], record=True)
    spikes = SpikeMonitor(G)
    Network(G, mon, spikes).run(200 * ms)
    return dict(name='adex_exponential_euler', dt=dt, every=10, v_mV=(mon.v[0, ::10] / mV).tolist(),
                w_pA=(mon.w[0, ::10] / pA).tolist(), spikes=(spikes.t / ms).tolist())


def lif_network(dt):
    rng = np.random.default_rng(2024)
    n = 50
    pairs = [(i, j) for i in range(n) for j in range(n) if i != j and rng.random() < 0.2]
    i = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    weights = rng.uniform(-0.02, 0.06, len(pairs))  # nA
    i_ext = rng.uniform(0.14, 0.2, n)  # nA
    defaultclock.dt = dt * ms
    G = NeuronGroup(n, LIF, threshold='v > -50*mV', reset='v = -65*mV', refractory=2 * ms, method='euler',
                    namespace=LIF_NS)
    G.v = -65 * mV
    G.I_ext = i_ext * nA
    S = Synapses(G, G, model='w : amp', on_pre='I_post += w')
    S.connect(i=i, j=j)
    S.w = weights * nA
    mon = StateMonitor(G, 'v', record=True)
    spikes = SpikeMonitor(G)
    Network(G, S, mon, spikes).run(200 * ms)
    return dict(name='lif_network', dt=dt, every=20, i=i.tolist(), j=j.tolist(), w_nA=weights.tolist(),
                I_ext_nA=i_ext.tolist(), v_mV=(mon.v[:, ::20] / mV).tolist(),
                spike_i=spikes.i[:].tolist(), spike_t=(spikes.t / ms).tolist())


FORUM = '''dVm/dt = ((k/ms/mV)*(Vm**2 - Vm*Vr - Vm*Vt + Vr*Vt) - Um + Iext + y) / Cm : volt
dUm/dt = a*(b*(Vm - Vr) - Um) : volt/second
Iext : volt/second
dy/dt = -y / tau  : volt/second'''


def forum_network(dt):
    """Seed 004's N = 125 network (y on the neuron side) with stored connectivity, weights and Iext."""
    rng = np.random.default_rng(5)
    n = 125
    pe = [(i, j) for i in range(100) for j in range(n) if rng.random() < 0.2]
    pi = [(i, j) for i in range(25) for j in range(n) if rng.random() < 0.2]
    we = np.round(rng.uniform(50, 100, len(pe)), 4)
    wi = -np.round(rng.uniform(50, 100, len(pi)), 4)
    iext = np.round(rng.uniform(0, 40, n), 4)
    ns = dict(a=0.02 / ms, b=0.5 / ms, c=-40 * mV, d=100 * mV / ms, k=0.5, Vr=-60 * mV, Vt=-45 * mV, Vpeak=35 * mV,
              Cm=50, tau=4 * ms)
    defaultclock.dt = dt * ms
    P = NeuronGroup(n, FORUM, threshold='Vm>Vpeak', reset='Vm = c; Um = Um + d', method='euler', namespace=ns)
    Ce = Synapses(P[:100], P, model='w:volt/second', on_pre='y += w')
    Ce.connect(i=[p[0] for p in pe], j=[p[1] for p in pe])
    Ce.w = we * mV / ms
    Ci = Synapses(P[100:], P, model='w:volt/second', on_pre='y += w')
    Ci.connect(i=[p[0] for p in pi], j=[p[1] for p in pi])
    Ci.w = wi * mV / ms
    P.Iext = iext * mV / ms
    P.Vm = -60 * mV
    P.Um = 0 * mV / ms
    mon = StateMonitor(P, 'Vm', record=[0])
    spikes = SpikeMonitor(P)
    Network(P, Ce, Ci, mon, spikes).run(200 * ms)
    return dict(name='forum_network', dt=dt, every=10, i_e=[p[0] for p in pe], j_e=[p[1] for p in pe],
                i_i=[p[0] for p in pi], j_i=[p[1] for p in pi], w_e=we.tolist(), w_i=wi.tolist(), Iext=iext.tolist(),
                v0_mV=(mon.Vm[0, ::10] / mV).tolist(), spike_counts=np.bincount(spikes.i[:], minlength=n).tolist())


if __name__ == '__main__':
    cases = [izhikevich(name, 0.1) for name in IZH_TYPES] + [adex(0.1), lif_network(0.1), forum_network(0.1)]
    with open(OUT, 'w') as f:
        json.dump(dict(brian2='2.5.1', target='numpy', duration_ms=200, cases=cases), f)
    print('wrote', OUT, [(c['name'], len(c.get('spikes', c.get('spike_t', [])))) for c in cases])
