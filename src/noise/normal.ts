/**
 * The standard normal distribution's CDF and quantile, built on erfc/erfcinv so that both
 * tails keep full relative accuracy (the quantile of 1e-300 is as good as that of 0.3).
 */
import { erfc, erfcinv } from './erf.js';

/** Phi(z) = P(Z <= z) for Z ~ N(0, 1). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Phi^-1(u): the z with Phi(z) = u, for u in [0, 1] (+-Infinity at the ends, NaN outside).
 * Uses 2u or 2(1 - u), both exact in float64, so neither tail loses digits.
 */
export function normalQuantile(u: number): number {
  if (!(u >= 0 && u <= 1)) return NaN;
  if (u < 0.5) return -Math.SQRT2 * erfcinv(2 * u);
  return Math.SQRT2 * erfcinv(2 * (1 - u));
}
