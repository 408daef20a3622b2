#!/usr/bin/python3
"""Brian2 reference for Neurodyn's CondNeuGroup: two thalamic cells of Li et al. (2017).

Writes ``test/reference/neurons-thalamus-brian2.json``.  Regenerate with (from the repo root)::

    /usr/bin/python3 test/reference/brian2/neurons_thalamus.py

The TRN and HTC cells of seed 001 (single cells: gL = 0.01, gKL = 0.01), written out here from
BrainPy 2.3's channel sources (IL, IKL, INa_Ba2002, IKDR_Ba2002, Ih_HM1992, ICaL_IS2008,
ICaN_IS2008, ICaT_HM1992, ICaT_HP1992, ICaHT_HM1992, IAHP_De1994, CalciumDetailed), with the
seed's try_trn_neuron input (0, -0.05, 0 for 100, 100, 200 ms: the seed's 700 ms cut to 400 ms),
rk4 at dt = 0.01 ms, Brian2's cython target (about 2 minutes with a cold compile cache).  All states
advance together from the step's start (Brian2's and Neurodyn's formulation; BrainPy advances
the gates before the calcium).  Gates start at steady state for V0.  States are recorded after
each step; spikes are upward crossings of V_th = 20 mV; traces are stored every ``every`` steps.
"""
import json
import os
import sys

import brian2 as b2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'neurons-thalamus-brian2.json'))
DT, EVERY, V_TH, DURATION = 0.01, 50, 20.0, 400.0
F, R = 96.489, 8.31441

# q10 factors, as BrainPy computes them from T = 36
PHI_NA = 3 ** ((36 - 36) / 10)
PHI_HM_P, PHI_HM_Q = 3.55 ** ((36 - 24) / 10), 3 ** ((36 - 24) / 10)
PHI_HP_P, PHI_HP_Q = 5 ** ((36 - 24) / 10), 3 ** ((36 - 24) / 10)

COMMON = '''
dV/dt = (I * (0.001 / A) + I_ch) / ms : 1
dCa/dt = (clip(-I_ca / (2 * F * d_ca), 0, inf) + (C_rest - Ca) / tau_ca) / ms : 1
E_Ca = R / (2 * F) * (273.15 + 36) * log(2 / Ca) : 1
dna_p/dt = phi_na * (a_np * (1 - na_p) - b_np * na_p) / ms : 1
dna_q/dt = phi_na * (a_nq * (1 - na_q) - b_nq * na_q) / ms : 1
a_np = 0.32 * (V - Vsh - 13) / (1 - exp(-(V - Vsh - 13) / 4)) : 1
b_np = -0.28 * (V - Vsh - 40) / (1 - exp((V - Vsh - 40) / 5)) : 1
a_nq = 0.128 * exp(-(V - Vsh - 17) / 18) : 1
b_nq = 4 / (1 + exp(-(V - Vsh - 40) / 5)) : 1
dk_p/dt = phi_k * (a_kp * (1 - k_p) - b_kp * k_p) / ms : 1
a_kp = 0.032 * (V - Vsh - 15) / (1 - exp(-(V - Vsh - 15) / 5)) : 1
b_kp = 0.5 * exp(-(V - Vsh - 10) / 40) : 1
dahp_p/dt = (48 * Ca**2 / (48 * Ca**2 + 0.09) - ahp_p) * (48 * Ca**2 + 0.09) / ms : 1
dcan_p/dt = (1 / (1 + exp(-(V + 43) / 5.2)) - can_p) / (2.7 / (exp(-(V + 55) / 15) + exp((V + 55) / 15)) + 1.6) / ms : 1
I_na = 90 * na_p**3 * na_q * (50 - V) : 1
I_k = 10 * k_p**4 * (-90 - V) : 1
I_ahp = g_ahp * ahp_p**2 * (-90 - V) : 1
I_can = g_can * Ca / (Ca + 0.2) * can_p * (10 - V) : 1
I : 1
'''

TRN = COMMON + '''
I_ch = 0.01 * (-60 - V) + 0.01 * (-90 - V) + I_na + I_k + I_ca : 1
I_ca = I_ahp + I_can + I_t : 1
dt_p/dt = phi_tp * (1 / (1 + exp(-(V + 52 + 3) / 7.4)) - t_p) / (3 + 1 / (exp((V + 27 + 3) / 10) + exp(-(V + 102 + 3) / 15))) / ms : 1
dt_q/dt = phi_tq * (1 / (1 + exp((V + 80 + 3) / 5)) - t_q) / (85 + 1 / (exp((V + 48 + 3) / 4) + exp(-(V + 407 + 3) / 50))) / ms : 1
I_t = 1.3 * t_p**2 * t_q * (E_Ca - V) : 1
'''

HM_T = '''
d{n}_p/dt = phi_hp * (1 / (1 + exp(-(V + 59 - {sh}) / 6.2)) - {n}_p) / (1 / (exp(-(V + 132 - {sh}) / 16.7) + exp((V + 16.8 - {sh}) / 18.2)) + 0.612) / ms : 1
d{n}_q/dt = phi_hq * (1 / (1 + exp((V + 83 - {sh}) / 4)) - {n}_q) / {n}_tau_q / ms : 1
{n}_tau_q = int(V >= -80 + {sh}) * (exp(-(V + 22 - {sh}) / 10.5) + 28) + int(V < -80 + {sh}) * exp((V + 467 - {sh}) / 66.6) : 1
I_{n} = {g} * {n}_p**2 * {n}_q * (E_Ca - V) : 1
'''

HTC = COMMON + HM_T.format(n='t', sh=-3, g=2.1) + HM_T.format(n='ht', sh=25, g=3.0) + '''
I_ch = 0.01 * (-70 - V) + 0.01 * (-90 - V) + I_na + I_k + I_h + I_ca : 1
I_ca = I_ahp + I_can + I_t + I_ht + I_l : 1
dh_p/dt = (1 / (1 + exp((V + 75) / 5.5)) - h_p) * (exp(-0.086 * V - 14.59) + exp(0.0701 * V - 1.87)) / ms : 1
I_h = 0.01 * h_p * (-43 - V) : 1
dl_p/dt = phi_hp * (1 / (1 + exp(-(V + 10) / 4)) - l_p) / (0.4 + 0.7 / (exp(-(V + 5) / 15) + exp((V + 5) / 15))) / ms : 1
dl_q/dt = phi_hq * (1 / (1 + exp((V + 25) / 2)) - l_q) / (300 + 100 / (exp((V + 40) / 9.5) + exp(-(V + 40) / 9.5))) / ms : 1
I_l = 0.5 * l_p**2 * l_q * (E_Ca - V) : 1
'''


def steady(V, Ca, Vsh):
    def markov(a, b):
        return a / (a + b)
    s = dict(
        na_p=markov(0.32 * (V - Vsh - 13) / (1 - np.exp(-(V - Vsh - 13) / 4)), -0.28 * (V - Vsh - 40) / (1 - np.exp((V - Vsh - 40) / 5))),
        na_q=markov(0.128 * np.exp(-(V - Vsh - 17) / 18), 4 / (1 + np.exp(-(V - Vsh - 40) / 5))),
        k_p=markov(0.032 * (V - Vsh - 15) / (1 - np.exp(-(V - Vsh - 15) / 5)), 0.5 * np.exp(-(V - Vsh - 10) / 40)),
        ahp_p=48 * Ca**2 / (48 * Ca**2 + 0.09),
        can_p=1 / (1 + np.exp(-(V + 43) / 5.2)),
    )
    return s


def run(name, eqs, params, V0, Vsh, extra_init):
    b2.start_scope()
    b2.prefs.codegen.target = 'cython'
    b2.defaultclock.dt = DT * b2.ms
    ns = dict(F=F, R=R, Vsh=Vsh, phi_na=PHI_NA, phi_hp=PHI_HM_P, phi_hq=PHI_HM_Q, phi_tp=PHI_HP_P, phi_tq=PHI_HP_Q, inf=np.inf, **params)
    g = b2.NeuronGroup(1, eqs, method='rk4', namespace=ns)
    Ca0 = 2.4e-4
    g.V = V0
    g.Ca = Ca0
    for k, v in {**steady(V0, Ca0, Vsh), **extra_init(V0)}.items():
        setattr(g, k, v)
    current = np.concatenate([np.zeros(10000), np.full(10000, -0.05), np.zeros(20000)])
    g.run_regularly('I = current(t)', when='start')
    ns['current'] = b2.TimedArray(current, dt=DT * b2.ms)
    mon = b2.StateMonitor(g, ['V', 'Ca'], record=0, when='end')
    b2.run(DURATION * b2.ms)
    V = np.asarray(mon.V[0])
    prev = np.concatenate([[V0], V[:-1]])
    spikes = [int(s) for s in np.nonzero((V >= V_TH) & (prev < V_TH))[0]]
    print(name, len(spikes), 'spikes', file=sys.stderr)
    return dict(name=name, spike_steps=spikes,
                traces=dict(V=V[EVERY - 1::EVERY].tolist(), Ca_C=np.asarray(mon.Ca[0])[EVERY - 1::EVERY].tolist()))


def hm_init(V, names):
    out = {}
    for n, sh in names:
        out[f'{n}_p'] = 1 / (1 + np.exp(-(V + 59 - sh) / 6.2))
        out[f'{n}_q'] = 1 / (1 + np.exp((V + 83 - sh) / 4))
    return out


def main():
    trn = run('TRN', TRN, dict(A=1.43e-4, g_ahp=0.2, g_can=0.2, d_ca=0.5, C_rest=5e-5, tau_ca=100.0, phi_k=1.0), -70.0, -40.0,
              lambda V: dict(t_p=1 / (1 + np.exp(-(V + 52 + 3) / 7.4)), t_q=1 / (1 + np.exp((V + 80 + 3) / 5))))
    htc = run('HTC', HTC, dict(A=2.9e-4, g_ahp=0.3, g_can=0.5, d_ca=0.5, C_rest=5e-5, tau_ca=10.0, phi_k=0.25), -65.0, -30.0,
              lambda V: dict(**hm_init(V, [('t', -3), ('ht', 25)]), h_p=1 / (1 + np.exp((V + 75) / 5.5)),
                             l_p=1 / (1 + np.exp(-(V + 10) / 4)), l_q=1 / (1 + np.exp((V + 25) / 2))))
    out = dict(
        description='Single TRN and HTC cells of seed 001 (Li et al. 2017) simulated with Brian2 (cython target, rk4, '
                    'float64). traces[s][j] is state s after step (j+1)*every-1 (0-based); spike_steps are the 0-based '
                    'steps where V crosses 20 mV upwards.',
        generator='test/reference/brian2/neurons_thalamus.py', brian2_version=b2.__version__,
        dt=DT, duration=DURATION, every=EVERY, cells=[trn, htc],
    )
    with open(OUT, 'w') as f:
        json.dump(out, f, separators=(',', ':'))


if __name__ == '__main__':
    main()
