import { expect } from 'vitest';

/**
 * Runs `kernel` over x (the first entries `special`, the rest drawn from each range in turn,
 * u uniform in [0, 1)) and fails on the first y that is not, bit for bit, `reference(x)`
 * (NaNs compare equal). Returns how many arguments were checked.
 */
export function expectMathBits(
  name: string,
  reference: (x: number) => number,
  kernel: () => void,
  x: Float64Array,
  y: Float64Array,
  special: readonly number[],
  ranges: readonly ((u: number) => number)[],
): number {
  for (const range of ranges) {
    for (let i = 0; i < x.length; i++) x[i] = i < special.length ? special[i] : range(Math.random());
    kernel();
    for (let i = 0; i < x.length; i++) if (!Object.is(y[i], reference(x[i]))) expect.fail(`${name}(${x[i]}): ${y[i]} against Math.${name}'s ${reference(x[i])}`);
  }
  return x.length * ranges.length;
}
