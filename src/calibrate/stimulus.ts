/**
 * Inputs that produce a chosen ideal product exactly. With every weight of a row at the unit
 * weight w0, the product is w0 times the sum of the inputs; spreading that sum over all columns
 * in DAC codes keeps each input small (no clipping), lands every input on the DAC grid (so the
 * DAC adds no rounding the fit would not know about) and averages the programming error of many
 * cells (so one cell's write error does not become the channel's gain).
 */
import type { Range } from '../device/device.js';
import { quantiseValue } from './grid.js';

/** Largest value on the grid of precision p (0 = ideal) that is <= limit and inside range. */
export function gridValueBelow(limit: number, p: number, range: Range): number {
  const v = Math.min(limit, range[1]);
  if (p === 0) return v;
  return Math.floor(v * p + 1e-9) / p;
}

/** The unit weight: the largest weight <= 1 on every integer grid that the range allows. */
export function unitWeight(range: Range): number {
  return range[1] >= 1 ? 1 : range[1];
}

export interface Level {
  /** Inputs, one per column. */
  x: Float32Array;
  /** The ideal product with every weight at w0: w0 * sum(x). */
  z: number;
}

/**
 * Inputs (cols of them, on the DAC grid of precision p) whose sum times w0 is as close to
 * `target` as the grid allows. Codes are spread evenly: every input gets floor(K / cols), and
 * the remainder goes one code each to the first columns.
 */
export function levelInputs(
  target: number,
  w0: number,
  cols: number,
  p: number,
  range: Range,
): Level {
  const x = new Float32Array(cols);
  if (p === 0) {
    const v = Math.min(range[1], Math.max(range[0], target / (w0 * cols)));
    x.fill(v);
  } else {
    const K = Math.round((target / w0) * p);
    const sign = K < 0 ? -1 : 1;
    const a = Math.abs(K);
    const base = Math.floor(a / cols);
    const rem = a - base * cols;
    for (let c = 0; c < cols; c++) {
      const code = sign * (base + (c < rem ? 1 : 0));
      x[c] = quantiseValue(code / p, p, range[0], range[1]);
    }
  }
  let s = 0;
  for (const v of x) s += v;
  return { x, z: w0 * s };
}

/** The largest |z| reachable with all weights at w0: w0 * cols * max|input|. */
export function maxProduct(w0: number, cols: number, range: Range): number {
  return w0 * cols * Math.min(Math.abs(range[0]), Math.abs(range[1]));
}

/** `count` targets evenly spaced over [-zMax, zMax]. */
export function evenTargets(count: number, zMax: number): number[] {
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, i) => -zMax + (2 * zMax * i) / (count - 1));
}
