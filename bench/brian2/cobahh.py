#!/usr/bin/python3
"""Brian2 side of Neurodyn's cobahh benchmark: Brette et al. (2007) COBA-HH in the formulation of bench/cobahh.ts.

Prints one JSON line last, with the same fields as brette.py (whose device set-up and report it
uses).  Run from the repository root::

    /usr/bin/python3 bench/brian2/cobahh.py --n 4000 --duration 1000 --target cpp_standalone

The network of Brian2's example COBAHH (Traub-Miles HH neurons in pF, nS, mV, ms: Cm 200, gl 10,
gNa 20000, gKd 6000, El -60, ENa 50, EK -90, VT -63; 80 % excitatory; we 6 nS, tau 5 ms,
E 0 mV; wi 67 nS, tau 10 ms, E -80 mV; exponential_euler), with these choices, made the same way
in bench/cobahh.ts:

* connection probability 80 / N (80 synapses per neuron at every size, as in brette.py);
* v(0) = El - 5 + 5 randn(); m, h, n and the conductances start at 0; no external input;
* BrainPy's update order, as in brette.py: (a) ge, gi decay by exp(-dt/tau), then the spikes of
  the previous step add their weights; (b) I = ge*(E_e - v) + gi*(E_i - v) from the new g and
  the old v; (c) v, m, h, n advance one exponential_euler step with I constant;
* a spike is an upward crossing of -20 mV: threshold 'v > V_th' with the refractory condition
  'v > V_th' evaluated on the old v, so a neuron fires once per action potential.

The rate functions use exprel(), as Brian2's example and bench/cobahh.ts do (since the seventh
round): 0.32*(13 - v + VT)/(exp((13 - v + VT)/4) - 1) is 0.32*4/exprel((13 - v + VT)/4),
without the 0/0 at v = VT + 13 exactly, which float32 runs hit.
"""
import argparse
import math

from brette import DT, EXC_FRACTION, SYN_PER_NEURON, add_run_arguments, run_benchmark, wire_synapses

PARAMS = dict(Cm=200.0, gl=10.0, gNa=20000.0, gKd=6000.0, El=-60.0, ENa=50.0, EK=-90.0, VT=-63.0,
              V_th=-20.0, we=6.0, E_e=0.0, wi=67.0, E_i=-80.0,
              decay_e=math.exp(-DT / 5.0), decay_i=math.exp(-DT / 10.0))

EQUATIONS = '''
dv/dt = (gl*(El - v) + gNa*(m*m*m)*h*(ENa - v) + gKd*(n*n*n*n)*(EK - v) + I)/Cm/ms : 1
dm/dt = (alpha_m*(1 - m) - beta_m*m)/ms : 1
dh/dt = (alpha_h*(1 - h) - beta_h*h)/ms : 1
dn/dt = (alpha_n*(1 - n) - beta_n*n)/ms : 1
alpha_m = 0.32*4/exprel((13 - v + VT)/4) : 1
beta_m = 0.28*5/exprel((v - VT - 40)/5) : 1
alpha_h = 0.128*exp((17 - v + VT)/18) : 1
beta_h = 4/(1 + exp((40 - v + VT)/5)) : 1
alpha_n = 0.032*5/exprel((15 - v + VT)/5) : 1
beta_n = 0.5*exp((10 - v + VT)/40) : 1
I : 1
ge : 1
gi : 1
'''


def build(b2, n, seed):
    n_e = int(round(n * EXC_FRACTION))
    prob = min(1.0, SYN_PER_NEURON / n)
    b2.seed(seed)
    G = b2.NeuronGroup(n, EQUATIONS, threshold='v > V_th', refractory='v > V_th',
                       method='exponential_euler', namespace=PARAMS, name='G')
    G.v = 'El - 5 + 5*randn()'
    net, spikes, synapses = wire_synapses(b2, G, n_e, prob, PARAMS, 'I = ge*(E_e - v) + gi*(E_i - v)')
    return net, spikes, synapses, prob


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    add_run_arguments(ap)
    args = ap.parse_args()
    run_benchmark(args, 'cobahh', lambda b2: build(b2, args.n, args.seed))


if __name__ == '__main__':
    main()
