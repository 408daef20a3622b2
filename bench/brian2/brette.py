#!/usr/bin/python3
"""Brian2 side of Neurodyn's benchmarks: Brette et al. (2007) COBA and CUBA in BrainPy's formulation.

Prints one JSON line last (the same fields as the Neurodyn scripts in bench/); the compiler's
output goes to stderr.  Run from the repository root::

    /usr/bin/python3 bench/brian2/brette.py coba --n 4000 --duration 5000 --target cpp_standalone
    /usr/bin/python3 bench/brian2/brette.py cuba --target cython --seed 3

The network is the one of test/reference/brian2/ei_networks.py (which checks this schedule
spike for spike against a plain numpy loop), with two differences that do not change the
formulation: connectivity and initial V come from Brian2's own generator (``seed(seed)``,
``connect(p=...)``, ``randn()``) so the cpp_standalone build generates them in C++, and the
connection probability is 80 / N so every neuron receives 80 synapses on average at every size.

Per step, as BrainPy does it: (a) ge, gi decay by exp(-dt/tau_syn), then every synapse whose
presynaptic neuron spiked in the previous step adds its weight; (b) I = ge*(E_e - v) +
gi*(E_i - v) + 20 (COBA) or ge + gi + 20 (CUBA) from the new g and the old v; (c) v integrated
exactly with I constant; (d) v held for 50 steps after a spike (refractory = 5 ms + dt, since
Brian2 holds timestep(refractory) - 1 steps); (e) spike if v >= V_th, then v = V_reset.

wall_run_s is the simulation loop alone (cpp_standalone: results/last_run_info.txt; runtime
targets: device._last_run_time).  Beware: without OpenMP, Brian2's standalone network.cpp times
the loop with std::clock(), i.e. in CPU time, not wall time (``loop_clock`` says which).
wall_total_s is from the start of this script to the rates, code generation and compilation
included.  cpu_run_s and wall_binary_s (cpp_standalone only) are the CPU and wall time of the
compiled binary, its set-up (building the synapses) and result files included.  peak_rss_mb is this Python process, or for
cpp_standalone the compiled binary (measured with /usr/bin/time; the compiler is excluded).
"""
import argparse
import json
import math
import os
import resource
import shutil
import sys
import tempfile
import time

T_START = time.time()

DT = 0.1            # ms
TAU_REF = 5.0       # ms
I_EXT = 20.0
SYN_PER_NEURON = 80
EXC_FRACTION = 0.8

MODELS = {
    'coba': dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, V_init_mean=-55.0,
                 V_init_sd=2.0, tau_e=5.0, we=0.6, E_e=0.0, tau_i=10.0, wi=6.7, E_i=-80.0),
    'cuba': dict(V_rest=-49.0, V_th=-50.0, V_reset=-60.0, tau=20.0, V_init_mean=-55.0,
                 V_init_sd=2.0, tau_e=5.0, we=1.62, tau_i=10.0, wi=-9.0),
}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class StdoutToStderr:
    """Send file descriptor 1 to stderr (the C++ compiler and make write there)."""

    def __enter__(self):
        sys.stdout.flush()
        self.saved = os.dup(1)
        os.dup2(2, 1)

    def __exit__(self, *exc):
        sys.stdout.flush()
        os.dup2(self.saved, 1)
        os.close(self.saved)


def build(b2, model, n, seed):
    p = MODELS[model]
    n_e = int(round(n * EXC_FRACTION))
    prob = min(1.0, SYN_PER_NEURON / n)
    ns = dict(V_rest=p['V_rest'], V_th=p['V_th'], V_reset=p['V_reset'], tau=p['tau'] * b2.ms,
              I_ext=I_EXT, we=p['we'], wi=p['wi'], V_init_mean=p['V_init_mean'],
              V_init_sd=p['V_init_sd'],
              decay_e=math.exp(-DT / p['tau_e']), decay_i=math.exp(-DT / p['tau_i']))
    if model == 'coba':
        ns.update(E_e=p['E_e'], E_i=p['E_i'])
        current = 'I = ge*(E_e - v) + gi*(E_i - v) + I_ext'
    else:
        current = 'I = ge + gi + I_ext'
    b2.seed(seed)
    G = b2.NeuronGroup(n, '''
        dv/dt = (-v + V_rest + I)/tau : 1 (unless refractory)
        I : 1
        ge : 1
        gi : 1
        ''', threshold='v >= V_th', reset='v = V_reset', refractory=(TAU_REF + DT) * b2.ms,
        method='exact', namespace=ns, name='G')
    G.v = 'V_init_mean + V_init_sd*randn()'
    net, spikes, synapses = wire_synapses(b2, G, n_e, prob, ns, current)
    return net, spikes, synapses, prob


def wire_synapses(b2, G, n_e, prob, namespace, current):
    """The synapses in BrainPy's update order, all before the neurons' step: ge, gi decay
    (namespace: decay_e, decay_i), the previous step's spikes add we or wi, then ``current``
    computes I from the new g and the old v.  Returns the network, its spike monitor and the
    two Synapses."""
    G.run_regularly('ge = ge*decay_e\ngi = gi*decay_i', when='before_groups', order=0,
                    name='decay')
    SE = b2.Synapses(G[:n_e], G, on_pre='ge_post += we', namespace=namespace, name='SE')
    SI = b2.Synapses(G[n_e:], G, on_pre='gi_post += wi', namespace=namespace, name='SI')
    SE.connect(p=prob)
    SI.connect(p=prob)
    SE.pre.when, SE.pre.order = 'before_groups', 1
    SI.pre.when, SI.pre.order = 'before_groups', 2
    G.run_regularly(current, when='before_groups', order=3, name='current')
    spikes = b2.SpikeMonitor(G, record=False, name='spk')
    return b2.Network(G, SE, SI, spikes), spikes, [SE, SI]


def add_run_arguments(ap):
    """The options every Brian2 benchmark script takes (the same as Neurodyn's bench/run.ts)."""
    ap.add_argument('--n', type=int, default=4000)
    ap.add_argument('--duration', type=float, default=1000.0, help='simulated ms')
    ap.add_argument('--target', default='cpp_standalone', choices=['cpp_standalone', 'cython', 'numpy'])
    ap.add_argument('--threads', type=int, default=1, help='OpenMP threads (cpp_standalone)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--dir', help='cpp_standalone project directory (default: a fresh temporary one, removed after)')
    ap.add_argument('--float32', action='store_true', help="Brian2's default_float_dtype float32 (default float64)")


def run_benchmark(args, model, build, dt=DT):
    """Set up the device, build the network with ``build(b2)`` -> (net, spike monitor, synapse
    objects or their number of connections, connection probability), run it and print the JSON
    line."""
    import brian2 as b2
    b2.prefs.logging.console_log_level = 'WARNING'
    if args.float32:
        b2.prefs.core.default_float_dtype = b2.float32
    tmp = None
    if args.target == 'cpp_standalone':
        directory = args.dir or (tmp := tempfile.mkdtemp(prefix='brian2-bench-'))
        b2.set_device('cpp_standalone', directory=directory, build_on_run=False)
        b2.prefs.devices.cpp_standalone.openmp_threads = args.threads if args.threads > 1 else 0
        b2.prefs.devices.cpp_standalone.run_cmd_unix = [
            '/usr/bin/time', '-f', '%M %U %S %e', '-o', 'results/peak_rss_kb.txt', './main']
    else:
        b2.prefs.codegen.target = args.target
    b2.defaultclock.dt = dt * b2.ms

    net, spikes, synapse_groups, prob = build(b2)
    with StdoutToStderr():
        net.run(args.duration * b2.ms)
        if args.target == 'cpp_standalone':
            b2.device.build(directory=directory, compile=True, run=True, with_output=False)
    device = b2.get_device()
    count = int(spikes.num_spikes)
    synapses = synapse_groups if isinstance(synapse_groups, int) else sum(int(len(S)) for S in synapse_groups)
    wall_total = time.time() - T_START
    wall_run = float(device._last_run_time)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu_run = None
    wall_binary = None
    if args.target == 'cpp_standalone':
        with open(os.path.join(directory, 'results', 'peak_rss_kb.txt')) as f:
            rss_kb, user_s, sys_s, wall_s = f.read().split()[-4:]
        rss_mb = int(rss_kb) / 1024
        cpu_run = float(user_s) + float(sys_s)
        wall_binary = float(wall_s)
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(dict(
        simulator='brian2', model=model, N=args.n, synapses=synapses, p=prob,
        duration_ms=args.duration, dt_ms=dt,
        backend=f'brian2-{b2.__version__}-{args.target}{"-float32" if args.float32 else ""}', threads=max(1, args.threads),
        seed=args.seed, wall_run_s=round(wall_run, 4), wall_total_s=round(wall_total, 3),
        loop_clock='cpu (std::clock)' if args.target == 'cpp_standalone' and args.threads <= 1 else 'wall',
        cpu_run_s=cpu_run, wall_binary_s=wall_binary,
        spikes=count, rate_hz=round(count / args.n / (args.duration / 1000), 4),
        peak_rss_mb=round(rss_mb, 1))), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('model', choices=sorted(MODELS))
    add_run_arguments(ap)
    args = ap.parse_args()
    run_benchmark(args, args.model, lambda b2: build(b2, args.model, args.n, args.seed))


if __name__ == '__main__':
    main()
