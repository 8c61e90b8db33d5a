/**
 * Summary statistics and the two tests calibration reports: the two-sample Kolmogorov-Smirnov
 * test (do simulated and measured outputs come from one distribution?) and a chi-square tail
 * (is a set of per-channel estimates jointly distinguishable from zero?).
 */
import { normalCdf } from '../noise/index.js';

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return x.length ? s / x.length : NaN;
}

/** Unbiased sample variance (n - 1 in the denominator). */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - m) ** 2;
  return s / (n - 1);
}

export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

/** Excess kurtosis (0 for a Gaussian, 3 for a Laplace, -1.2 for a uniform). */
export function excessKurtosis(x: ArrayLike<number>): number {
  const n = x.length;
  const m = mean(x);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i]! - m) ** 2;
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  return m2 > 0 ? m4 / (m2 * m2) - 3 : NaN;
}

/** Running sums for a mean and variance without keeping the samples. */
export class Moments {
  n = 0;
  private m = 0;
  private s = 0;
  add(v: number): void {
    this.n++;
    const d = v - this.m;
    this.m += d / this.n;
    this.s += d * (v - this.m);
  }
  get mean(): number {
    return this.n ? this.m : NaN;
  }
  /** Unbiased variance. */
  get variance(): number {
    return this.n > 1 ? this.s / (this.n - 1) : NaN;
  }
  /** Standard error of the mean. */
  get se(): number {
    return Math.sqrt(this.variance / this.n);
  }
}

export interface ResidualStats {
  /** Number of residuals. */
  n: number;
  mean: number;
  sd: number;
  /** Largest absolute residual. */
  maxAbs: number;
  /** Root mean square. */
  rms: number;
}

export function residualStats(r: ArrayLike<number>): ResidualStats {
  let maxAbs = 0;
  let ss = 0;
  for (let i = 0; i < r.length; i++) {
    maxAbs = Math.max(maxAbs, Math.abs(r[i]!));
    ss += r[i]! ** 2;
  }
  return {
    n: r.length,
    mean: mean(r),
    sd: sd(r),
    maxAbs,
    rms: r.length ? Math.sqrt(ss / r.length) : NaN,
  };
}

/**
 * Kolmogorov's limiting distribution, P(sqrt(n) D > lambda) = 2 sum_k (-1)^(k-1) exp(-2 k^2 lambda^2).
 */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const t = 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += t;
    if (Math.abs(t) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

export interface KsResult {
  /** The largest distance between the two empirical CDFs. */
  d: number;
  /** Asymptotic p-value (conservative for discrete data such as ADC codes). */
  p: number;
  /** Effective sample size n1 n2 / (n1 + n2). */
  ne: number;
}

/** Two-sample Kolmogorov-Smirnov test. Ties (ADC codes) are handled by stepping over equal values together. */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  const n1 = x.length;
  const n2 = y.length;
  if (!n1 || !n2) return { d: NaN, p: NaN, ne: 0 };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 && j < n2) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < n1 && x[i]! <= v) i++;
    while (j < n2 && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / n1 - j / n2));
  }
  const ne = (n1 * n2) / (n1 + n2);
  const s = Math.sqrt(ne);
  return { d, p: kolmogorovQ((s + 0.12 + 0.11 / s) * d), ne };
}

/** The KS distance that a sample of effective size ne exceeds with probability alpha (asymptotic). */
export function ksCritical(ne: number, alpha = 1e-3): number {
  return Math.sqrt(-0.5 * Math.log(alpha / 2)) / Math.sqrt(ne);
}

/** P(chi^2_k > x), by the Wilson-Hilferty cube-root normal approximation (good for k >= 1). */
export function chiSquareTail(x: number, k: number): number {
  if (!(x > 0)) return 1;
  const h = 2 / (9 * k);
  const z = (Math.cbrt(x / k) - (1 - h)) / Math.sqrt(h);
  return 1 - normalCdf(z);
}
