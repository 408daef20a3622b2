/**
 * Explicit Runge-Kutta methods as Butcher tableaus: stage k_s = f(t + c_s dt, y + dt sum_j a_sj k_j),
 * then y_new = y + dt sum_s b_s k_s. Names follow BrainPy's integrator registry
 * (brainpy.integrators.ode.explicit_rk); the coefficients are the textbook ones (Butcher 2016).
 */
export interface ButcherTableau {
  readonly a: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly c: readonly number[];
  /** Order of accuracy, for the documentation and the convergence tests. */
  readonly order: number;
}

/** The one-parameter family of two-stage second-order methods: the second stage at t + beta dt. */
function secondOrder(beta: number): ButcherTableau {
  return { a: [[], [beta]], b: [1 - 1 / (2 * beta), 1 / (2 * beta)], c: [0, beta], order: 2 };
}

const SQRT5 = Math.sqrt(5);

export const TABLEAUS: Readonly<Record<string, ButcherTableau>> = Object.freeze({
  euler: { a: [[]], b: [1], c: [0], order: 1 },
  midpoint: secondOrder(0.5),
  heun2: secondOrder(1),
  ralston2: secondOrder(2 / 3),
  // BrainPy's generic second-order method with its default beta = 2/3 (the same as Ralston's).
  rk2: secondOrder(2 / 3),
  // Kutta's third-order method.
  rk3: { a: [[], [0.5], [-1, 2]], b: [1 / 6, 2 / 3, 1 / 6], c: [0, 0.5, 1], order: 3 },
  heun3: { a: [[], [1 / 3], [0, 2 / 3]], b: [1 / 4, 0, 3 / 4], c: [0, 1 / 3, 2 / 3], order: 3 },
  ralston3: { a: [[], [0.5], [0, 0.75]], b: [2 / 9, 1 / 3, 4 / 9], c: [0, 0.5, 0.75], order: 3 },
  // Third-order strong-stability-preserving method of Shu and Osher.
  ssprk3: { a: [[], [1], [0.25, 0.25]], b: [1 / 6, 1 / 6, 2 / 3], c: [0, 1, 0.5], order: 3 },
  rk4: {
    a: [[], [0.5], [0, 0.5], [0, 0, 1]],
    b: [1 / 6, 1 / 3, 1 / 3, 1 / 6],
    c: [0, 0.5, 0.5, 1],
    order: 4,
  },
  // Ralston's fourth-order method with minimum truncation error (exact coefficients in sqrt(5)).
  ralston4: {
    a: [
      [],
      [0.4],
      [(-2889 + 1428 * SQRT5) / 1024, (3785 - 1620 * SQRT5) / 1024],
      [(-3365 + 2094 * SQRT5) / 6040, (-975 - 3046 * SQRT5) / 2552, (467040 + 203968 * SQRT5) / 240845],
    ],
    b: [(263 + 24 * SQRT5) / 1812, (125 - 1000 * SQRT5) / 3828, (3426304 + 1661952 * SQRT5) / 5924787, (30 - 4 * SQRT5) / 123],
    c: [0, 0.4, (14 - 3 * SQRT5) / 16, 1],
    order: 4,
  },
  // Kutta's 3/8 rule.
  rk4_38rule: {
    a: [[], [1 / 3], [-1 / 3, 1], [1, -1, 1]],
    b: [1 / 8, 3 / 8, 3 / 8, 1 / 8],
    c: [0, 1 / 3, 2 / 3, 1],
    order: 4,
  },
});

/** Accepted spellings that mean the same method. */
export const METHOD_ALIASES: Readonly<Record<string, string>> = Object.freeze({ heun: 'heun2', exp_euler: 'exp_auto' });
