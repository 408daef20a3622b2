/** Lanczos coefficients (g = 7, n = 9), accurate to about 1e-15 for real arguments. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Gamma(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Gamma(x) for x > 0 (the fractional schemes need Gamma(2 - alpha) and the Mittag-Leffler series). */
export function gamma(x: number): number {
  return Math.exp(logGamma(x));
}

/**
 * The Mittag-Leffler function E_{alpha,beta}(z) = sum z^k / Gamma(alpha k + beta) by its power
 * series, for the moderate |z| (up to about 10) where the series is accurate in double precision.
 * E_alpha(-lambda t^alpha) solves the linear fractional equation D^alpha y = -lambda y, y(0) = 1.
 */
export function mittagLeffler(alpha: number, z: number, beta = 1): number {
  let sum = 0;
  for (let k = 0; k < 1000; k++) {
    const term = Math.sign(z) ** k * Math.exp(k * Math.log(Math.abs(z)) - logGamma(alpha * k + beta));
    sum += z === 0 ? (k === 0 ? 1 / gamma(beta) : 0) : term;
    if (k > 5 && Math.abs(term) < 1e-17 * Math.max(1, Math.abs(sum))) break;
  }
  return sum;
}
