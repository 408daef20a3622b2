import { ParameterError, requirePositive } from '../core/errors.js';
import { compileFunction } from '../expr/emit.js';
import { simplify } from '../expr/simplify.js';
import { emitOdeStep } from './emit-step.js';
import { EquationField } from './joint-eq.js';
import { resolveMethod } from './methods.js';
import { type ButcherTableau, TABLEAUS } from './tableaus.js';
import type { Args, VectorField } from './vector-field.js';

/** Advances one trajectory in place from t to t + dt. */
export type Stepper = (y: Float64Array, t: number) => void;

/**
 * What IntegratorRunner drives: a system over named variables that makes a stepper for one
 * trajectory at a given dt and arguments. Steppers may keep state (fractional memory, random
 * streams, adaptive step sizes), so each trajectory gets its own.
 */
export interface Integrator {
  readonly vars: readonly string[];
  readonly args: Args;
  stepper(dt: number, y0: Float64Array, args: Args): Stepper;
}

/** One explicit Runge-Kutta step over a vector field, with preallocated stage buffers. */
export function rungeKuttaStepper(field: VectorField, tableau: ButcherTableau, dt: number, args: Args): Stepper {
  const n = field.vars.length;
  const stages = tableau.b.length;
  const k = Array.from({ length: stages }, () => new Float64Array(n));
  const ys = new Float64Array(n);
  return (y, t) => {
    for (let s = 0; s < stages; s++) {
      for (let i = 0; i < n; i++) {
        let v = y[i];
        for (let j = 0; j < s; j++) v += tableau.a[s][j] * dt * k[j][i];
        ys[i] = v;
      }
      field.evaluate(ys, t + tableau.c[s] * dt, args, k[s]);
    }
    for (let i = 0; i < n; i++) {
      let v = y[i];
      for (let s = 0; s < stages; s++) v += tableau.b[s] * dt * k[s][i];
      y[i] = v;
    }
  };
}

/**
 * Exponential Euler on a vector field given as functions: each variable is linearised in itself
 * (the diagonal of the Jacobian, by central differences), as odeint does for plain functions.
 */
function exponentialEulerStepper(field: VectorField, dt: number, args: Args): Stepper {
  const n = field.vars.length;
  const slope = new Float64Array(n);
  const probe = new Float64Array(n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const factor = new Float64Array(n);
  return (y, t) => {
    field.evaluate(y, t, args, slope);
    for (let i = 0; i < n; i++) {
      const h = 1e-6 * Math.max(1, Math.abs(y[i]));
      probe.set(y);
      probe[i] = y[i] + h;
      field.evaluate(probe, t, args, plus);
      probe[i] = y[i] - h;
      field.evaluate(probe, t, args, minus);
      const linear = (plus[i] - minus[i]) / (2 * h);
      factor[i] = linear === 0 ? dt : Math.expm1(linear * dt) / linear;
    }
    for (let i = 0; i < n; i++) y[i] += factor[i] * slope[i];
  };
}

type GeneratedStep = (y: Float64Array, t: number, P: Float64Array) => void;

/** For equation strings: the same generated step as an EquationGroup's (exp_auto with exact derivatives). */
function generatedStepper(field: EquationField, method: string, dt: number, args: Args): Stepper {
  const { model } = field;
  const P = field.packArgs(args);
  const argNames = Object.keys(field.args);
  const rhs = Object.fromEntries(model.states.map((v) => [v, simplify(model.equations[v])]));
  const step = emitOdeStep(
    { vars: model.states, rhs },
    method,
    dt,
    {
      current: (v) => `c_${v}`,
      time: 't',
      other: (name) => (argNames.includes(name) ? `p_${name}` : undefined),
      prefix: 's_',
    },
    model.name,
  );
  const body = [
    ...model.states.map((v, i) => `const c_${v} = y[${i}];`),
    ...argNames.map((name, i) => `const p_${name} = P[${i}];`),
    step.code,
    ...model.states.map((v, i) => `y[${i}] = ${step.next[v]};`),
  ].join('\n');
  const compiled = compileFunction<GeneratedStep>(['y', 't', 'P'], body);
  return (y, t) => compiled(y, t, P);
}

export interface OdeIntegratorOptions {
  /** Any explicit Runge-Kutta method of TABLEAUS (euler by default, as in BrainPy) or exp_auto. */
  method?: string;
}

/**
 * BrainPy's `odeint(JointEq([...]), method)` for IntegratorRunner: a fixed-step integrator of a
 * vector field. Equation strings get generated code; functions get the generic loop.
 */
export function odeIntegrator(field: VectorField, options: OdeIntegratorOptions = {}): Integrator {
  const method = resolveMethod(options.method ?? 'euler', 'odeIntegrator');
  return {
    vars: field.vars,
    args: field.args,
    stepper(dt, _y0, args) {
      requirePositive(dt, 'odeIntegrator dt');
      if (field instanceof EquationField) return generatedStepper(field, method, dt, args);
      if (method === 'exp_auto') return exponentialEulerStepper(field, dt, args);
      const tableau = TABLEAUS[method];
      if (!tableau) throw new ParameterError(`odeIntegrator: no tableau for '${method}'`);
      return rungeKuttaStepper(field, tableau, dt, args);
    },
  };
}
