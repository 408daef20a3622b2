/** Small statistics for A/B benchmark pairs. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n - 1). */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export interface RateAgreement {
  mean_a: number;
  mean_b: number;
  /** Standard error of the difference of the two means (each run is another seed's network). */
  se_diff: number;
  /** |mean_a - mean_b| / se_diff. */
  z: number;
  agree: boolean;
}

/**
 * Do two sets of rates, one per seed, come from the same distribution? Agreement means the
 * means differ by at most 3 standard errors of their difference: the seed-to-seed spread is
 * the noise, so a real difference in formulation shows up as a large z.
 */
export function rateAgreement(a: readonly number[], b: readonly number[], limit = 3): RateAgreement {
  const se = Math.sqrt(sd(a) ** 2 / a.length + sd(b) ** 2 / b.length);
  const diff = Math.abs(mean(a) - mean(b));
  const z = se > 0 ? diff / se : diff === 0 ? 0 : Infinity;
  return { mean_a: mean(a), mean_b: mean(b), se_diff: se, z, agree: z <= limit };
}
