import { JointEq } from '../integrators/joint-eq.js';
import { odeIntegrator } from '../integrators/field-integrator.js';
import { fdeint } from '../integrators/fde.js';
import { IntegratorRunner } from '../integrators/integrator-runner.js';
import type { Args, VectorField } from '../integrators/vector-field.js';
import { Runner } from '../runner/runner.js';
import { seed as seedGlobal } from '../core/random.js';
import {
  chen,
  chua,
  fractionalChen,
  fractionalChua,
  fractionalLorenz,
  liu,
  lorenz as lorenzField,
  luChen,
  MackeyGlassEq,
  mackeyGlassSeries,
  ModifiedLuChenSystem,
  modifiedChua,
  modifiedLorenz,
  pwlDuffing,
  qi,
  rabinovichFabrikant,
} from '../models/chaos/index.js';
import type { PlotSpec } from '../plot/specs.js';
import { phaseSpec } from '../plot/phase-spec.js';
import type { Check, Example, ExampleResult } from './example.js';
import { largestLyapunov, maxAbs, mean, rangeCheck, standardDeviation } from './chaos-measures.js';
import { projections, saveGrid } from './chaos-panels.js';

const result = (duration: number, steps: number, wall: number, figures: string[], checks: Record<string, Check>): ExampleResult => ({
  duration_ms: duration,
  steps,
  wall_s: wall,
  groups: {},
  figures,
  checks,
});

const boundedCheck = (value: number, limit: number): Check => ({ value, expected: `finite and < ${limit} (bounded attractor)`, pass: Number.isFinite(value) && value < limit });

export const lorenz: Example = {
  name: 'lorenz',
  title: 'Lorenz system',
  description:
    'Seed 001: JointEq of dx, dy, dz with exp_auto, IntegratorRunner from (8, 1, 1) at dt = 0.01. exp_auto is first order: at this dt its attractor is inflated (<z> about 25.1 instead of 23.5), so <z> is checked on an rk4 run at the same dt; also the largest Lyapunov exponent.',
  defaultDuration: 100,
  async run(o) {
    const duration = o.duration ?? this.defaultDuration;
    const sigma = 10, rho = 28, beta = 8 / 3;
    const system = new JointEq({ x: (s) => sigma * (s.y - s.x), y: (s) => s.x * (rho - s.z) - s.y, z: (s) => s.x * s.y - beta * s.z });
    const runner = new IntegratorRunner(odeIntegrator(system, { method: 'exp_auto' }), { monitors: ['x', 'y', 'z'], inits: { x: 8, y: 1, z: 1 }, dt: 0.01 });
    o.log(`lorenz: exp_auto, dt = 0.01, ${duration} time units (the seed's dt; --dt is not used)`);
    const wall = runner.run(duration);
    const z = runner.mon.get('z').data;
    const accurate = new IntegratorRunner(odeIntegrator(lorenzField(), { method: 'rk4' }), { monitors: ['z'], inits: { x: 8, y: 1, z: 1 }, dt: 0.01 });
    accurate.run(duration);
    const zRk4 = mean(accurate.mon.get('z').data, 100);
    const checks: Record<string, Check> = {};
    if (duration >= 50) checks.mean_z_rk4 = rangeCheck(zRk4, 22.5, 24.5, '<z> = 23.5 on the attractor, Sprott 2003; finite-time average of an rk4 run');
    const lyapunov = largestLyapunov(lorenzField(), [8, 1, 1], 0.01, Math.max(duration, 50), 10);
    checks.lyapunov = rangeCheck(lyapunov, 0.8, 1.0, 'largest exponent 0.9056, Sprott 2003');
    o.log(`lorenz: <z> = ${mean(z, 100).toFixed(3)} with the seed's exp_auto (first order, biased at dt = 0.01), ${zRk4.toFixed(3)} with rk4; largest Lyapunov exponent = ${lyapunov.toFixed(3)}`);
    const figures = await saveGrid(projections(runner.mon, ['x', 'y', 'z'], 'Lorenz'), 3, 'Lorenz attractor (exp_auto, dt = 0.01)', o.outDir, 'lorenz');
    return result(duration, z.length, wall, figures, checks);
  },
};

export const mackeyGlass: Example = {
  name: 'mackey-glass',
  title: 'Mackey-Glass equation',
  description:
    'Seed 001: MackeyGlassEq(beta 0.2, gamma 0.1, tau 17, n 10) with a LengthDelay of 340 steps at dt = 0.05, exp_auto; compared with an independent rk4 solution (dt 0.1).',
  defaultDuration: 1000,
  async run(o) {
    const duration = o.duration ?? this.defaultDuration;
    seedGlobal(o.seed);
    const eq = new MackeyGlassEq(1, { beta: 0.2, gamma: 0.1, tau: 17, n: 10 });
    const runner = new Runner(eq, { monitors: ['x', 'x_oldest'], dt: 0.05, progress: o.progress });
    o.log(`mackey-glass: dt = 0.05 (the seed's), delay ${eq.delaySteps(0.05)} steps, ${duration} time units`);
    const wall = runner.run(duration);
    const x = runner.mon.get('x').data;
    const old = runner.mon.get('x_oldest').data;
    const reference = mackeyGlassSeries(duration, { dt: 0.1 });
    const skip = Math.min(1000, x.length - 1);
    const checks: Record<string, Check> = {
      delay_steps: { value: eq.delaySteps(0.05), expected: '340 = int(17 / 0.05) (seed)', pass: eq.delaySteps(0.05) === 340 },
    };
    if (duration >= 500) {
      const m = mean(x, skip);
      const mRef = mean(reference.xs, skip / 2);
      checks.mean_vs_rk4 = rangeCheck(m, mRef * 0.97, mRef * 1.03, `rk4 solution mean ${mRef.toFixed(4)} ± 3 %`);
      const s = standardDeviation(x, skip);
      const sRef = standardDeviation(reference.xs, skip / 2);
      checks.sd_vs_rk4 = rangeCheck(s, sRef * 0.9, sRef * 1.1, `rk4 solution sd ${sRef.toFixed(4)} ± 10 %`);
    }
    const figure = phaseSpec(x.subarray(skip), old.subarray(skip), { title: 'Mackey-Glass: x(t) against x(t - 17)', xlabel: 'x(t)', ylabel: 'x(t - tau)', width: 360, height: 360 });
    const figures = await saveGrid([figure], 1, 'Mackey-Glass (tau = 17)', o.outDir, 'mackey-glass');
    return result(duration, x.length, wall, figures, checks);
  },
};

interface FlowRun {
  label: string;
  field: VectorField;
  method: string;
  inits: Readonly<Record<string, number | readonly number[]>>;
  dt: number;
  duration: number;
  args?: Args;
}

/** Runs each flow, draws its projections, and returns the runners' monitors for checks. */
async function runFlows(runs: readonly FlowRun[], scale: number, o: Parameters<Example['run']>[0], file: string, title: string) {
  const panels: PlotSpec[] = [];
  const outcomes: { label: string; mon: IntegratorRunner['mon']; vars: readonly string[] }[] = [];
  let steps = 0;
  let wall = 0;
  for (const r of runs) {
    const runner = new IntegratorRunner(odeIntegrator(r.field, { method: r.method }), { inits: r.inits, dt: r.dt });
    const duration = r.duration * scale;
    wall += runner.run(duration, r.args);
    steps += Math.round(duration / r.dt);
    o.log(`${r.label}: ${r.method}, dt = ${r.dt}, ${duration} time units`);
    panels.push(...projections(runner.mon, r.field.vars, r.label));
    outcomes.push({ label: r.label, mon: runner.mon, vars: r.field.vars });
  }
  const figures = await saveGrid(panels, 3, title, o.outDir, file);
  return { outcomes, figures, steps, wall };
}

export const multiscroll: Example = {
  name: 'multiscroll',
  title: 'Multiscroll chaotic attractor',
  description:
    'Seed 001: Chen, Lu-Chen (u = -15.15, -8, 11, 12), modified Lu-Chen with a delay, Chua (three settings), modified Chua, PWL Duffing, modified Lorenz, with the seed methods, steps and initial values; --duration scales every run (1 = the seed).',
  defaultDuration: 1,
  async run(o) {
    const scale = o.duration ?? 1;
    const chuaArgs = { alpha: 8.8, beta: 12.0732, gamma: 0.0052, a: -0.1768, b: -1.1468 };
    const runs: FlowRun[] = [
      { label: 'Chen', field: chen(), method: 'euler', inits: { x: -0.1, y: 0.5, z: -0.6 }, dt: 0.001, duration: 100 },
      ...[-15.15, -8, 11, 12].map((u) => ({ label: `Lu-Chen u = ${u}`, field: luChen(), method: 'rk4', inits: { x: 0.1, y: 0.3, z: -0.6 }, dt: 0.002, duration: 100, args: { u } })),
      { label: 'Chua', field: chua(), method: 'rk4', inits: { x: 0.001, y: 0, z: 0 }, dt: 0.002, duration: 100 },
      { label: 'Chua (2)', field: chua(), method: 'rk4', inits: { x: 9.4287, y: -0.5945, z: -13.4705 }, dt: 0.002, duration: 100, args: chuaArgs },
      { label: 'Chua (two orbits)', field: chua(), method: 'rk4', inits: { x: [-6.0489, 6.0489], y: [0.0839, -0.0839], z: [8.7739, -8.7739] }, dt: 0.002, duration: 100, args: { ...chuaArgs, alpha: 8.4562 } },
      { label: 'Modified Chua', field: modifiedChua(), method: 'rk4', inits: { x: 1, y: 1, z: 0 }, dt: 0.01, duration: 1000 },
      { label: 'PWL Duffing', field: pwlDuffing(), method: 'rk4', inits: { x: 0, y: 0 }, dt: 0.01, duration: 1000 },
      { label: 'Modified Lorenz', field: modifiedLorenz(), method: 'euler', inits: { x: -8, y: 4, z: 10 }, dt: 0.001, duration: 100 },
    ];
    const { outcomes, figures, steps, wall } = await runFlows(runs, scale, o, 'multiscroll', 'Multiscroll chaotic attractors');
    const checks: Record<string, Check> = {};
    for (const { label, mon, vars } of outcomes) {
      checks[`bounded ${label}`] = boundedCheck(Math.max(...vars.map((v) => maxAbs(mon.get(v).data))), 1e3);
    }
    const meanX = (label: string) => {
      const x = (outcomes.find((r) => r.label === label) as (typeof outcomes)[number]).mon.get('x').data;
      return mean(x, Math.floor(x.length / 10));
    };
    checks.luchen_left_scroll = { value: meanX('Lu-Chen u = -15.15'), expected: '< -2: u <= -11 gives a left-scroll attractor (seed text)', pass: meanX('Lu-Chen u = -15.15') < -2 };
    checks.luchen_right_scroll = { value: meanX('Lu-Chen u = 12'), expected: '> 2: u >= 11 gives a right-scroll attractor (seed text)', pass: meanX('Lu-Chen u = 12') > 2 };
    seedGlobal(o.seed);
    const delayed = new ModifiedLuChenSystem(1);
    const runner = new Runner(delayed, { monitors: ['x', 'y', 'z'], dt: 0.001, progress: false });
    const delayedWall = runner.run(50 * scale);
    o.log(`Modified Lu-Chen (delay tau = 0.2, ${Math.floor(0.2 / 0.001)} steps): rk4, dt = 0.001, ${50 * scale} time units`);
    checks['bounded Modified Lu-Chen'] = boundedCheck(Math.max(maxAbs(runner.mon.get('x').data), maxAbs(runner.mon.get('z').data)), 1e3);
    figures.push(...(await saveGrid(projections(runner.mon, ['x', 'y', 'z'], 'Modified Lu-Chen'), 3, 'Modified Lu-Chen attractor with delayed feedback', o.outDir, 'modified-lu-chen')));
    return result(100 * scale, steps + runner.mon.ts.length, wall + delayedWall, figures, checks);
  },
};

export const rabinovichFabrikantExample: Example = {
  name: 'rabinovich-fabrikant',
  title: 'Rabinovich-Fabrikant equations',
  description: 'Seed 001: rk4 at dt = 0.001 from (-1, 0, 0.5) for the seed\'s seven (alpha, gamma) settings; --duration scales every run (1 = the seed).',
  defaultDuration: 1,
  async run(o) {
    const scale = o.duration ?? 1;
    const settings: [number, number, number, Record<string, number>?][] = [
      [100, 1.1, 0.87],
      [100, 0.98, 0.1],
      [300, 0.14, 0.1],
      [50, 0.05, 0.1],
      [100, 0.25, 0.1],
      [100, 1.1, 13 / 15],
      [60, 0.05, 0.1, { x: 0.1, y: -0.1, z: 0.1 }],
    ];
    const runs: FlowRun[] = settings.map(([duration, alpha, gamma, inits]) => ({
      label: `alpha = ${alpha}, gamma = ${gamma.toFixed(3)}${inits ? ' from (0.1, -0.1, 0.1)' : ''}`,
      field: rabinovichFabrikant(),
      method: 'rk4',
      inits: inits ?? { x: -1, y: 0, z: 0.5 },
      dt: 0.001,
      duration,
      args: { alpha, gamma },
    }));
    const { outcomes, figures, steps, wall } = await runFlows(runs, scale, o, 'rabinovich-fabrikant', 'Rabinovich-Fabrikant attractors');
    const checks: Record<string, Check> = {};
    for (const { label, mon, vars } of outcomes) checks[`bounded ${label}`] = boundedCheck(Math.max(...vars.map((v) => maxAbs(mon.get(v).data))), 1e2);
    return result(810 * scale, steps, wall, figures, checks);
  },
};

export const fractionalChaos: Example = {
  name: 'fractional-chaos',
  title: 'Fractional-order chaos gallery',
  description:
    'Seed 001: Chua, Qi, Lorenz, Liu and Chen of fractional order, Grünwald-Letnikov short memory (num_memory 1000) with the seed orders, steps and initial values; --duration scales every run (1 = the seed).',
  defaultDuration: 1,
  async run(o) {
    const scale = o.duration ?? 1;
    const systems: [string, VectorField, number | number[], number, number, number[]][] = [
      ['Chua', fractionalChua(), [0.93, 0.99, 0.92], 0.001, 200, [0.2, -0.1, 0.1]],
      ['Qi', qi(), 0.98, 0.001, 200, [0.1, 0.2, 0.3]],
      ['Lorenz', fractionalLorenz(), 0.99, 0.001, 50, [1, 2, 3]],
      ['Liu', liu(), 0.95, 0.001, 100, [0.2, 0, 0.5]],
      ['Chen', fractionalChen(), 0.9, 0.005, 50, [-9, -5, 14]],
    ];
    const panels: PlotSpec[] = [];
    const checks: Record<string, Check> = {};
    let steps = 0;
    let wall = 0;
    for (const [label, field, alpha, dt, duration, inits] of systems) {
      const runner = new IntegratorRunner(fdeint(field, { alpha, numMemory: 1000, method: 'short-memory' }), { inits, dt });
      wall += runner.run(duration * scale);
      steps += Math.round((duration * scale) / dt);
      o.log(`fractional ${label}: alpha = ${JSON.stringify(alpha)}, dt = ${dt}, ${duration * scale} time units`);
      panels.push(...projections(runner.mon, field.vars, `${label} (alpha ${JSON.stringify(alpha)})`, 0));
      const x = runner.mon.get('x').data;
      checks[`bounded ${label}`] = boundedCheck(Math.max(...field.vars.map((v) => maxAbs(runner.mon.get(v).data))), 1e3);
      // Still moving in the last half: not collapsed onto an equilibrium.
      const spread = standardDeviation(x, Math.floor(x.length / 2));
      checks[`oscillating ${label}`] = { value: spread, expected: '> 0.05: sd of x over the second half (no collapse to an equilibrium)', pass: spread > 0.05 };
    }
    const figures = await saveGrid(panels, 3, 'Fractional-order chaotic systems (GL short memory)', o.outDir, 'fractional-chaos');
    return result(600 * scale, steps, wall, figures, checks);
  },
};
