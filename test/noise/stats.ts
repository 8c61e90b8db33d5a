/** Small statistics helpers for the noise tests (plain float64, no dependencies). */

export function moments(xs: ArrayLike<number>): {
  mean: number;
  variance: number;
  skewness: number;
  kurtosis: number;
} {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i];
  const mean = s / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { mean, variance: m2, skewness: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}

/** Pearson chi-square statistic of observed counts against expected counts. */
export function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let c = 0;
  for (let i = 0; i < observed.length; i++) {
    const d = observed[i] - expected[i];
    c += (d * d) / expected[i];
  }
  return c;
}

/**
 * Upper critical value of chi-square with `df` degrees of freedom at tail probability ~1e-6
 * (Wilson-Hilferty). Tests are deterministic (fixed seeds); this bound only keeps them honest.
 */
export function chiSquareCritical(df: number): number {
  const z = 4.75;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Fraction of elements where a predicate holds. */
export function fraction(n: number, pred: (i: number) => boolean): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (pred(i)) c++;
  return c / n;
}
