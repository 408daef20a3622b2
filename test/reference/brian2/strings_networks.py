"""Brian2 runs of the seed-004 networks, for the gallery's rate checks (test/reference/strings-networks-brian2.json).

izhikevich-network: the 1000-neuron Izhikevich (2003) network as the forum's refactored script
writes it (reset 'v = c; u += d; g_exc=0; g_inh=0', refractory 0.1 ms, euler), 1 s at dt 0.5 ms
and 0.1 ms, five seeds each: mean and SD across seeds of the E and I rates.
izhikevich-forum-network: the N=125 network with y in the neuron equations, 1 s at dt 0.1 ms
(Brian2's default), five seeds. Run: /usr/bin/python3 test/reference/brian2/strings_networks.py
"""
import json
import os

import numpy as np
from brian2 import NeuronGroup, Synapses, SpikeMonitor, Network, defaultclock, prefs, seed, ms, mV, second

prefs.codegen.target = 'numpy'
OUT = os.path.join(os.path.dirname(__file__), '..', 'strings-networks-brian2.json')

IZH_NET = '''dv/dt = (0.04*v**2+5.*v+140- u + g_exc - g_inh + noise * randn())/ms : 1 (unless refractory)
du/dt = a*(b*v-u)/ms : 1 (unless refractory)
g_exc :1
g_inh :1
noise :1
a :1
b :1
c :1
d :1'''


def izhikevich_network(dt, s):
    seed(s)
    np.random.seed(s)
    defaultclock.dt = dt * ms
    n, ne = 1000, 800
    N = NeuronGroup(n, IZH_NET, threshold='v>=30', reset='v = c; u += d; g_exc=0; g_inh=0', refractory=0.1 * ms,
                    method='euler')
    Ne, Ni = N[:ne], N[ne:]
    re, ri = np.random.random(ne), np.random.random(n - ne)
    Ne.noise, Ni.noise = 5.0, 2.0
    Ne.a, Ni.a = 0.02, 0.02 + 0.08 * ri
    Ne.b, Ni.b = 0.2, 0.25 - 0.05 * ri
    Ne.c, Ni.c = -65.0 + 15.0 * re ** 2, -65.0
    Ne.d, Ni.d = 8.0 - 6.0 * re ** 2, 2.0
    Ne.v, Ni.v = -65.0, -65.0
    Ne.u, Ni.u = Ne.v * Ne.b, Ni.v * Ni.b
    Se = Synapses(Ne, N, model='w:1', on_pre='g_exc_post += w')
    Si = Synapses(Ni, N, model='w:1', on_pre='g_inh_post += w')
    Se.connect(p=0.1)
    Si.connect(p=0.1)
    Se.w = 'rand() * 0.5'
    Si.w = 'rand() * 1'
    M = SpikeMonitor(N)
    Network(N, Se, Si, M).run(1 * second)
    i = np.asarray(M.i)
    return float((i < ne).sum() / ne), float((i >= ne).sum() / (n - ne))


FORUM = '''dVm/dt = ((k/ms/mV)*(Vm**2 - Vm*Vr - Vm*Vt + Vr*Vt) - Um + Iext + y) / Cm : volt
dUm/dt = a*(b*(Vm - Vr) - Um) : volt/second
Iext : volt/second
dy/dt = -y / psc_excxpire_time  : volt/second'''
FORUM_NS = dict(a=0.02 / ms, b=0.5 / ms, c=-40 * mV, d=100 * mV / ms, k=0.5, Vr=-60 * mV, Vt=-45 * mV, Vpeak=35 * mV,
                Cm=50, psc_excxpire_time=4 * ms, Iext_max=40 * mV / ms, minWeight=50 * mV / ms, maxWeight=100 * mV / ms)


def forum_network(s):
    seed(s)
    defaultclock.dt = 0.1 * ms
    N = 125
    P = NeuronGroup(N, FORUM, threshold='Vm>Vpeak', reset='Vm = c; Um = Um + d', method='euler', namespace=FORUM_NS)
    Pe, Pi = P[:100], P[100:]
    Ce = Synapses(Pe, P, model='w:volt/second', on_pre='y += w', namespace=FORUM_NS)
    Ci = Synapses(Pi, P, model='w:volt/second', on_pre='y += w', namespace=FORUM_NS)
    Ce.connect(p=0.2)
    Ci.connect(p=0.2)
    P.namespace = FORUM_NS
    P.Iext = 'rand() * Iext_max'
    P.Vm = -60 * mV
    P.Um = 0 * mV / ms
    Ce.w = 'rand() * (maxWeight - minWeight) + minWeight'
    Ci.w = '(-1)*(rand() * (maxWeight - minWeight) + minWeight)'
    M = SpikeMonitor(P)
    Network(P, Ce, Ci, M).run(1 * second)
    return float(M.num_spikes / N)


def summary(values):
    values = np.asarray(values)
    return dict(values=values.tolist(), mean=float(values.mean()), sd=float(values.std(ddof=1)))


if __name__ == '__main__':
    seeds = [1, 2, 3, 4, 5]
    out = dict(brian2='2.5.1', target='numpy', seeds=seeds)
    for dt in (0.5, 0.1):
        rates = [izhikevich_network(dt, s) for s in seeds]
        out[f'izhikevich_network_dt{dt}'] = dict(dt=dt, duration_ms=1000, rate_E_Hz=summary([r[0] for r in rates]),
                                                  rate_I_Hz=summary([r[1] for r in rates]))
        print(dt, out[f'izhikevich_network_dt{dt}'])
    out['forum_network'] = dict(dt=0.1, duration_ms=1000, rate_Hz=summary([forum_network(s) for s in seeds]))
    print(out['forum_network'])
    with open(OUT, 'w') as f:
        json.dump(out, f, indent=1)
