"""Brunel & Hakim (1999) fast global oscillation in Brian2, for the `brunel-hakim` gallery entry.

The network of seed 001 (and Brian2's own example of the paper): 5000 LIF neurons, each receiving
C = 1000 random inhibitory connections (J = 0.1 mV, delay 2 ms), external drive mu_ext = 25 mV
with white noise sigma_ext = 1 mV, threshold 20 mV, reset 10 mV, tau = 20 ms, refractory 2 ms,
dt = 0.1 ms, Euler-Maruyama, 100 ms. The statistics the entry compares with, over several seeds:
the mean firing rate per neuron after the first 20 ms, and the frequency of the highest peak of
the population rate's spectrum between 50 and 500 Hz (rate in 0.5 ms bins, 20..100 ms, mean
removed). Writes test/reference/brunel-hakim-brian2.json.
"""
import json
import sys
import time

import numpy as np
from brian2 import (Network, NeuronGroup, PopulationRateMonitor, SpikeMonitor, Synapses, defaultclock, ms, mV, prefs,
                    seed)

prefs.codegen.target = 'numpy'

N, C, J = 5000, 1000, 0.1 * mV
params = dict(Vr=10 * mV, theta=20 * mV, tau=20 * ms, delta=2 * ms, taurefr=2 * ms, muext=25 * mV, sigmaext=1 * mV)
duration = 100 * ms
BIN_MS = 0.5


def spectrum_peak(spike_t_ms, n, start=20.0, stop=100.0, bin_ms=BIN_MS, fmin=50.0, fmax=500.0):
    edges = np.arange(start, stop + bin_ms / 2, bin_ms)
    counts, _ = np.histogram(spike_t_ms, edges)
    rate = counts / n / (bin_ms / 1000.0)
    rate = rate - rate.mean()
    freqs = np.arange(fmin, fmax + 1, 1.0)
    t = (edges[:-1] + bin_ms / 2) / 1000.0
    power = [abs(np.sum(rate * np.exp(-2j * np.pi * f * t))) ** 2 for f in freqs]
    return float(freqs[int(np.argmax(power))])


def run(s):
    seed(s)
    defaultclock.dt = 0.1 * ms
    eqs = 'dV/dt = (-V + muext + sigmaext * sqrt(tau) * xi) / tau : volt (unless refractory)'
    group = NeuronGroup(N, eqs, threshold='V > theta', reset='V = Vr', refractory='taurefr', method='euler', namespace=params)
    group.V = params['Vr']
    conn = Synapses(group, group, on_pre='V += -J', delay=params['delta'], namespace={'J': J})
    conn.connect(p=float(C) / N)
    spikes = SpikeMonitor(group)
    net = Network(group, conn, spikes)
    started = time.time()
    net.run(duration)
    t_ms = np.asarray(spikes.t / ms)
    late = t_ms[t_ms >= 20.0]
    rate = len(late) / N / 0.080
    peak = spectrum_peak(t_ms, N)
    print(f'seed {s}: {len(t_ms)} spikes, rate {rate:.2f} Hz, peak {peak:.0f} Hz, {time.time() - started:.0f} s', file=sys.stderr)
    return rate, peak


seeds = [1, 2, 3]
results = [run(s) for s in seeds]
rates = [r for r, _ in results]
peaks = [p for _, p in results]
out = {
    'target': 'numpy',
    'brian2_version': __import__('brian2').__version__,
    'model': 'Brunel & Hakim 1999, seed 001 parameters; Euler-Maruyama at dt = 0.1 ms; (unless refractory)',
    'seeds': seeds,
    'rate_after_20ms_Hz': rates,
    'mean_rate_Hz': float(np.mean(rates)),
    'sd_rate_Hz': float(np.std(rates, ddof=1)),
    'spectrum_peak_Hz': peaks,
    'mean_peak_Hz': float(np.mean(peaks)),
    'analysis': {'bin_ms': BIN_MS, 'window_ms': [20, 100], 'band_Hz': [50, 500]},
}
with open('test/reference/brunel-hakim-brian2.json', 'w') as f:
    json.dump(out, f, indent=1)
print(json.dumps(out), file=sys.stderr)
