/**
 * Converter resolution from measurements. A device's DeviceInfo states bits, but what a bit
 * count means differs (the simulator reports log2 p, a serial board its code width), so the
 * precision p (steps per unit, the profile's unit) is measured: the ADC's from the spacing of
 * the values it returns, the DAC's and the weights' from which quantisation grid best explains
 * a sweep of continuous values.
 */
import { leastSquares } from './linalg.js';

/** RP(v; p) = sign(v) ceil(|v p| - 1/2) / p after clipping to [lo, hi]; p = 0 is ideal. */
export function quantiseValue(v: number, p: number, lo = -Infinity, hi = Infinity): number {
  const c = v < lo ? lo : v > hi ? hi : v;
  if (p === 0) return c;
  const g = c * p;
  const r = Math.ceil(Math.abs(g) - 0.5);
  return (g < 0 ? -r : r) / p;
}

/** Largest precision still treated as a real grid; finer spacing counts as ideal (continuous). */
export const IDEAL_ABOVE = 1 << 20;

export interface GridEstimate {
  /** Steps per unit; 0 = no grid found (ideal, or not uniform). */
  precision: number;
  /** Distinct values it was inferred from. */
  distinct: number;
  /** Fraction of the distinct values within 1% of a step of the grid. */
  onGrid: number;
}

/**
 * The uniform grid k / p that output values sit on: the smallest spacing between distinct
 * values, refined by least squares over all of them. Needs values in adjacent codes somewhere,
 * which read noise or a sweep provides.
 */
export function inferGrid(values: Iterable<number>): GridEstimate {
  const v = Float64Array.from(new Set(values)).sort();
  const distinct = v.length;
  if (distinct < 3) return { precision: 0, distinct, onGrid: 0 };
  const span = v[distinct - 1]! - v[0]!;
  let step = Infinity;
  for (let i = 1; i < distinct; i++) {
    const d = v[i]! - v[i - 1]!;
    if (d > span * 1e-9 && d < step) step = d;
  }
  if (!(step < Infinity) || 1 / step > IDEAL_ABOVE) return { precision: 0, distinct, onGrid: 0 };
  let num = 0;
  let den = 0;
  for (const x of v) {
    const k = Math.round(x / step);
    num += x * k;
    den += k * k;
  }
  let p = den > 0 ? den / num : 1 / step;
  if (Math.abs(p - Math.round(p)) < 1e-3 * p) p = Math.round(p);
  let ok = 0;
  for (const x of v) if (Math.abs(x * p - Math.round(x * p)) < 0.01) ok++;
  const onGrid = ok / distinct;
  return { precision: onGrid >= 0.99 ? p : 0, distinct, onGrid };
}

/** Precisions tried for a DAC or weight grid: 2^k and 2^k - 1 up to 2^16, plus the hints. */
export function candidatePrecisions(hints: readonly number[] = []): number[] {
  const s = new Set<number>([0]);
  for (let k = 1; k <= 16; k++) {
    s.add(2 ** k);
    if (k > 1) s.add(2 ** k - 1);
  }
  for (const h of hints) if (Number.isFinite(h) && h > 0) s.add(h);
  return [...s].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
}

/** One group of a sweep: continuous values sent and what came back (e.g. one output channel). */
export interface SweepGroup {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

export interface PrecisionChoice {
  precision: number;
  /** Residual variance of the best candidate (the noise left after the smooth fit). */
  residualVariance: number;
  /** Candidates the data cannot tell from the best, with how many standard deviations separate them. */
  indistinguishable: number[];
  /** The best few candidates: precision, sum of squares, and the paired z against the best. */
  table: { precision: number; sse: number; z: number }[];
}

/**
 * Which grid explains a sweep: for every candidate p, each group's observations are fitted as
 * a polynomial of degree `degree` in RP(x; p) (the smooth part: gain, offset, nonlinearity),
 * and the candidate with the smallest residual sum of squares wins. Candidates whose excess
 * over the best is within 4 standard deviations of the paired difference (2 sigma times the
 * norm of their prediction difference) are indistinguishable; among them the coarsest hint is
 * taken, else the coarsest grid (the simpler model).
 */
export function selectPrecision(
  groups: readonly SweepGroup[],
  options: { degree: number; range: readonly [number, number]; hints?: readonly number[] },
): PrecisionChoice {
  const { degree, range } = options;
  const hints = options.hints ?? [];
  const k = degree + 1;
  const fits = candidatePrecisions(hints).map((p) => {
    let sse = 0;
    let dof = 0;
    const fitted: Float64Array[] = [];
    for (const g of groups) {
      const n = g.y.length;
      const X = new Float64Array(n * k);
      for (let i = 0; i < n; i++) {
        const u = quantiseValue(g.x[i]!, p, range[0], range[1]);
        let t = 1;
        for (let j = 0; j < k; j++, t *= u) X[i * k + j] = t;
      }
      const f = leastSquares(X, g.y, k);
      sse += f.sse;
      dof += f.dof;
      fitted.push(f.fitted);
    }
    return { p, sse, dof, fitted };
  });
  let best = fits[0]!;
  for (const f of fits) if (f.sse < best.sse) best = f;
  const s2 = best.sse / Math.max(1, best.dof);
  const scored = fits.map((f) => {
    let d2 = 0;
    f.fitted.forEach((arr, g) => {
      const b = best.fitted[g]!;
      for (let i = 0; i < arr.length; i++) d2 += (arr[i]! - b[i]!) ** 2;
    });
    const sdDiff = 2 * Math.sqrt(s2 * d2);
    const excess = f.sse - best.sse;
    const z = excess === 0 ? 0 : sdDiff > 0 ? excess / sdDiff : Infinity;
    return { p: f.p, sse: f.sse, z };
  });
  const tied = scored.filter((s) => s.z <= 4).map((s) => s.p);
  const coarsest = (ps: number[]) => ps.filter((p) => p > 0).sort((a, b) => a - b)[0];
  const precision = coarsest(tied.filter((p) => hints.includes(p))) ?? coarsest(tied) ?? 0;
  const table = [...scored]
    .sort((a, b) => a.sse - b.sse)
    .slice(0, 5)
    .map((s) => ({ precision: s.p, sse: s.sse, z: s.z }));
  return { precision, residualVariance: s2, indistinguishable: tied, table };
}
