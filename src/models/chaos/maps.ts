import type { NeuGroupOptions } from '../../core/neu-group.js';
import { DiscreteMapGroup } from '../../integrators/discrete-map.js';

export interface HenonOptions extends NeuGroupOptions {
  /** One value, or one per unit (the seed runs a = 0.5, 1.0, 1.4, 2.0 side by side). */
  a?: number | ArrayLike<number>;
  b?: number | ArrayLike<number>;
}

/** The Hénon map x' = 1 - a x^2 + y, y' = b x, from x = y = 0 (the seed's HenonMap). */
export class HenonMap extends DiscreteMapGroup {
  constructor(num: number, options: HenonOptions = {}) {
    const { a = 1.4, b = 0.3, ...rest } = options;
    super(num, 'HenonMap', { x: '1 - a * x * x + y', y: 'b * x' }, { a, b }, { x: 0, y: 0 }, rest);
  }
}

/** The logistic map x' = mu x (1 - x) for mu spread evenly over [mu0, mu1], from x = 0.2 (the seed's LogisticMap). */
export class LogisticMap extends DiscreteMapGroup {
  readonly mu: Float64Array;

  constructor(num: number, mu0 = 2, mu1 = 4, options: NeuGroupOptions = {}) {
    const mu = Float64Array.from({ length: num }, (_, k) => (num === 1 ? mu0 : mu0 + ((mu1 - mu0) * k) / (num - 1)));
    super(num, 'LogisticMap', { x: 'mu * x * (1 - x)' }, { mu }, { x: 0.2 }, options);
    this.mu = mu;
  }
}
