import { choiceChecker } from './choice.js';

/**
 * How generated kernels do arithmetic:
 * - 'exact' (the default): the model's operations as written, in IEEE 754 float64, so every
 *   backend and thread count gives the same bits;
 * - 'fast': divisions by constants become multiplications by their reciprocals
 *   (expr/reciprocal-divisions.ts), the -ffast-math reciprocal arithmetic Brian2's C++ is compiled
 *   with. Each such operation can move a value by 1 ulp, so spike trains of chaotic networks
 *   drift apart from 'exact' ones over time, as between any two simulators; the backends still
 *   agree bit for bit with each other in 'fast' mode.
 * Kernels read the mode when they are compiled (when a network is first run), so set it before.
 */
export type MathMode = 'exact' | 'fast';

const MATH_MODES: readonly MathMode[] = ['exact', 'fast'];
let mathMode: MathMode = 'exact';

export const checkMathMode = choiceChecker(MATH_MODES, 'math mode');

export function getMathMode(): MathMode {
  return mathMode;
}

export function setMathMode(mode: MathMode): void {
  mathMode = checkMathMode(mode, 'setMathMode');
}
