/**
 * Explicit Runge-Kutta methods as Butcher tableaus: stage k_s = f(t + c_s dt, y + dt sum_j a_sj k_j),
 * then y_new = y + dt sum_s b_s k_s. Names follow BrainPy's integrator registry.
 */
export interface ButcherTableau {
  readonly a: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly c: readonly number[];
}

/** BrainPy's generic second-order method with beta = 2/3 (Ralston's). */
function secondOrder(beta: number): ButcherTableau {
  return { a: [[], [beta]], b: [1 - 1 / (2 * beta), 1 / (2 * beta)], c: [0, beta] };
}

export const TABLEAUS: Readonly<Record<string, ButcherTableau>> = Object.freeze({
  euler: { a: [[]], b: [1], c: [0] },
  midpoint: secondOrder(0.5),
  heun2: secondOrder(1),
  rk2: secondOrder(2 / 3),
  rk4: {
    a: [[], [0.5], [0, 0.5], [0, 0, 1]],
    b: [1 / 6, 1 / 3, 1 / 3, 1 / 6],
    c: [0, 0.5, 0.5, 1],
  },
});

/** Accepted spellings that mean the same method. */
export const METHOD_ALIASES: Readonly<Record<string, string>> = Object.freeze({ heun: 'heun2', exp_euler: 'exp_auto' });
