import { EquationField } from '../../integrators/joint-eq.js';
import type { Args } from '../../integrators/vector-field.js';

/**
 * Chaotic systems of the seed's gallery as equation descriptions, with the seed's parameters as
 * defaults. Each function returns a fresh EquationField; pass other arguments to change them.
 * Integrate with odeIntegrator, fdeint or adaptiveIntegrator and IntegratorRunner.
 */

/** Lorenz (1963): sigma = 10, rho = 28, beta = 8/3. */
export const lorenz = (args: Args = {}) =>
  new EquationField('Lorenz', { x: 'sigma * (y - x)', y: 'x * (rho - z) - y', z: 'x * y - beta * z' }, { sigma: 10, rho: 28, beta: 8 / 3, ...args });

/** Chen & Ueta (1999). */
export const chen = (args: Args = {}) =>
  new EquationField('Chen', { x: 'a * (y - x)', y: '(c - a) * x - x * z + c * y', z: 'x * y - b * z' }, { a: 40, b: 3, c: 28, ...args });

/** Lu & Chen (2006) with the constant control u that moves the attractor between scrolls. */
export const luChen = (args: Args = {}) =>
  new EquationField('LuChen', { x: 'a * (y - x)', y: 'x - x * z + c * y + u', z: 'x * y - b * z' }, { a: 36, b: 3, c: 20, u: -15.15, ...args });

/** Chua's circuit with its piecewise-linear diode (Fortuna et al. 2009). */
export const chua = (args: Args = {}) =>
  new EquationField(
    'Chua',
    { x: 'alpha * (y - x) - alpha * (b * x + 0.5 * (a - b) * (abs(x + 1) - abs(x - 1)))', y: 'x - y + z', z: '-beta * y - gamma * z' },
    { alpha: 10, beta: 14.514, gamma: 0, a: -1.197, b: -0.6464, ...args },
  );

/** Modified Chua circuit with a sine nonlinearity (Tang et al. 2001): multiscroll attractors. */
export const modifiedChua = (args: Args = {}) =>
  new EquationField('ModifiedChua', { x: 'alpha * (y + b * sin(3.141592653589793 * x / (2 * a) + d))', y: 'x - y + z', z: '-beta * y' }, { alpha: 10.82, beta: 14.286, a: 1.3, b: 0.11, d: 0, ...args });

/** Piecewise-linear Duffing oscillator with forcing (Aziz-Alaoui 2000). */
export const pwlDuffing = (args: Args = {}) =>
  new EquationField(
    'PWLDuffing',
    { x: 'y', y: '-m1 * x - 0.5 * (m0 - m1) * (abs(x + 1) - abs(x - 1)) - e * y + (0.14 + i / 20) * cos(omega * t)' },
    { e: 0.25, m0: -0.0845, m1: 0.66, omega: 1, i: -14, ...args },
  );

/** Miranda & Stone's modified Lorenz system, as the seed codes it. */
export const modifiedLorenz = (args: Args = {}) =>
  new EquationField(
    'ModifiedLorenz',
    {
      x: '(-(a + 1) * x + a - c + z * y) / 3 + ((1 - a) * (x * x - y * y) + 2 * (a + c - z) * x * y) / (3 * sqrt(x * x + y * y))',
      y: '((c - a - z) * x - (a + 1) * y) / 3 + (2 * (a - 1) * x * y + (a + c - z) * (x * x - y * y)) / (3 * sqrt(x * x + y * y))',
      z: '(3 * x * x * y - y * y * y) / 2 - b * z',
    },
    { a: 10, b: 8 / 3, c: 137 / 5, ...args },
  );

/** Rabinovich & Fabrikant (1979). */
export const rabinovichFabrikant = (args: Args = {}) =>
  new EquationField(
    'RabinovichFabrikant',
    { x: 'y * (z - 1 + x * x) + gamma * x', y: 'x * (3 * z + 1 - x * x) + gamma * y', z: '-2 * z * (alpha + x * y)' },
    { alpha: 1.1, gamma: 0.803, ...args },
  );

/**
 * The double-scroll electronic circuit of Gauthier et al. (2021), used by the next-generation
 * reservoir computing example; parameters as in brainpy_datasets' DoubleScrollEq.
 */
export const doubleScroll = (args: Args = {}) =>
  new EquationField(
    'DoubleScroll',
    {
      V1: 'V1 / R1 - (V1 - V2) / R2 - 2 * Ir * sinh(beta * (V1 - V2))',
      V2: '(V1 - V2) / R2 + 2 * Ir * sinh(beta * (V1 - V2)) - I',
      I: 'V2 - R4 * I',
    },
    { R1: 1.2, R2: 3.44, R4: 0.193, beta: 11.6, Ir: 2 * 2.25e-5, ...args },
  );

/** The fractional-order systems of the seed's fractional chaos gallery (integrate with fdeint). */
export const fractionalChua = (args: Args = {}) =>
  new EquationField(
    'FractionalChua',
    { x: 'a * (y - x - (m1 * x + 0.5 * (m0 - m1) * (abs(x + 1) - abs(x - 1))))', y: 'x - y + z', z: '-b * y - c * z' },
    { a: 10.725, b: 10.593, c: 0.268, m0: -1.1726, m1: -0.7872, ...args },
  );

export const qi = (args: Args = {}) =>
  new EquationField('Qi', { x: '-a * x + a * y + y * z', y: 'c * x - y - x * z', z: '-b * z + x * y' }, { a: 35, b: 8 / 3, c: 80, ...args });

export const liu = (args: Args = {}) =>
  new EquationField('Liu', { x: '-a * x - e * y * y', y: 'b * y - n * x * z', z: '-c * z + m * x * y' }, { a: 1, b: 2.5, c: 5, e: 1, n: 4, m: 4, ...args });

/** Chen's system as the fractional gallery writes it (Lu & Chen 2006). */
export const fractionalChen = (args: Args = {}) =>
  new EquationField('FractionalChen', { x: 'a * (y - x)', y: 'd * x - x * z + c * y', z: 'x * y - b * z' }, { a: 35, b: 3, c: 28, d: -7, ...args });

/** The fractional Lorenz of the gallery uses a, b, c for sigma, rho, beta. */
export const fractionalLorenz = (args: Args = {}) =>
  new EquationField('FractionalLorenz', { x: 'a * (y - x)', y: 'x * (b - z) - y', z: 'x * y - c * z' }, { a: 10, b: 28, c: 8 / 3, ...args });
