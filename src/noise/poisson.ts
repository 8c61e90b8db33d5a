/**
 * Poisson variates and probabilities for shot noise, counter-based like everything here.
 *
 * Sampling (mean m, one element):
 * - m < 10: inversion by sequential search with the element's single uniform (draw 0). Exact
 *   up to the 32-bit resolution of the uniform (mass beyond P(N > k) < 2^-33 is folded in).
 * - m >= 10: Hormann's PTRS transformed rejection (1993), exact; attempt t uses sub-draws
 *   2t + 1 and 2t + 2 of the same element, so the result still depends only on (key, index).
 *   Acceptance is ~90%, so 1.1 attempts on average; after 1023 rejections (probability
 *   below 1e-900) it returns round(m).
 */
import {
  bitsToUniform,
  checkIndex,
  counterBits,
  DrawStreams,
  INV_TWO_POW_32,
  MAX_DRAW,
  TWO_POW_32,
} from './counter.js';
import type { NoiseKey } from './rng.js';

/** Below this mean, inversion; at or above, PTRS (which needs m >= 10). */
export const POISSON_INVERSION_LIMIT = 10;

/** ln(n!) for n <= 170 from exact-as-possible factorials. */
const LOG_FACTORIAL: Float64Array = (() => {
  const t = new Float64Array(171);
  let f = 1;
  for (let n = 1; n <= 170; n++) {
    f *= n;
    t[n] = Math.log(f);
  }
  return t;
})();

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln(n!) for integer n >= 0: a table to 170, then Stirling's series (error < 1e-19). */
export function logFactorial(n: number): number {
  if (n <= 170) return LOG_FACTORIAL[n];
  const r = 1 / n;
  const r2 = r * r;
  return (
    n * Math.log(n) -
    n +
    HALF_LOG_2PI +
    0.5 * Math.log(n) +
    r * (1 / 12 - r2 * (1 / 360 - r2 / 1260))
  );
}

/** ln n! - (n ln n - n + ln(2 pi n) / 2), the Stirling remainder, for integer n >= 1. */
function stirlingError(n: number): number {
  if (n <= 170) return LOG_FACTORIAL[n] - (n * Math.log(n) - n + HALF_LOG_2PI + 0.5 * Math.log(n));
  const r = 1 / n;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 / 1260));
}

/**
 * n ln(n / m) + m - n without cancellation when n is close to m (Loader's "bd0"): with
 * v = (n - m)/(n + m) it equals (n - m) v + 2n (v^3/3 + v^5/5 + ...).
 */
function deviance(n: number, m: number): number {
  if (Math.abs(n - m) < 0.1 * (n + m)) {
    const v = (n - m) / (n + m);
    const v2 = v * v;
    let s = (n - m) * v;
    let term = 2 * n * v;
    for (let j = 1; j < 100; j++) {
      term *= v2;
      const next = s + term / (2 * j + 1);
      if (next === s) break;
      s = next;
    }
    return s;
  }
  return n * Math.log(n / m) + m - n;
}

/**
 * ln P(N = n) for N ~ Poisson(mean), integer n >= 0, mean > 0, in the saddle-point form
 * -stirlingError(n) - deviance(n, mean) - ln(2 pi n)/2, which keeps ~1e-15 relative accuracy for
 * large means (the naive n ln m - m - ln n! loses digits to cancellation).
 */
export function logPoissonPmf(n: number, mean: number): number {
  if (n === 0) return -mean;
  return -stirlingError(n) - deviance(n, mean) - HALF_LOG_2PI - 0.5 * Math.log(n);
}

/** P(N = n) for N ~ Poisson(mean). */
export function poissonPmf(n: number, mean: number): number {
  if (!(n >= 0 && Number.isInteger(n))) return 0;
  if (mean === 0) return n === 0 ? 1 : 0;
  return Math.exp(logPoissonPmf(n, mean));
}

/**
 * P(nLo <= N <= nHi) for N ~ Poisson(mean), summed outward from the mode with the ratio
 * recurrence, ignoring mass beyond 40 standard deviations (< 1e-300). Cost O(sqrt(mean)).
 */
export function poissonRangeProbability(mean: number, nLo: number, nHi: number): number {
  const spread = 40 * Math.sqrt(mean) + 40;
  const lo = Math.max(nLo, 0, Math.ceil(mean - spread));
  const hi = Math.min(nHi, Math.floor(mean + spread));
  if (hi < lo) return 0;
  if (mean === 0) return lo === 0 ? 1 : 0;
  const start = Math.min(Math.max(Math.floor(mean), lo), hi);
  const p0 = poissonPmf(start, mean);
  let sum = p0;
  let p = p0;
  for (let n = start + 1; n <= hi && p > 0; n++) {
    p *= mean / n;
    sum += p;
  }
  p = p0;
  for (let n = start; n > lo && p > 0; n--) {
    p *= n / mean; // P(n - 1) = P(n) n / mean
    sum += p;
  }
  return sum;
}

/** Inversion by sequential search: the smallest k with P(N <= k) >= u. */
function poissonInversion(mean: number, u: number): number {
  let p = Math.exp(-mean);
  let cdf = p;
  let k = 0;
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** PTRS for mean >= 10, uniforms from sub-draws 1, 2, 3, ... of element `lo` of `streams`. */
function poissonPtrs(mean: number, streams: DrawStreams, lo: number): number {
  const slam = Math.sqrt(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (let draw = 1; draw + 1 <= MAX_DRAW; draw += 2) {
    const u = bitsToUniform(streams.bits(draw, lo)) - 0.5;
    const v = bitsToUniform(streams.bits(draw + 1, lo));
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= logPoissonPmf(k, mean))
      return k;
  }
  return Math.round(mean);
}

/**
 * A Poisson(mean) count from element `lo` (low counter word, int32) of a run whose draw-0 stream
 * words are (s0, s1); `streams` serves the extra draws for PTRS. Internal to the noise loops.
 */
export function poissonFromCounter(
  mean: number,
  lo: number,
  s0: number,
  s1: number,
  streams: DrawStreams,
): number {
  if (mean < POISSON_INVERSION_LIMIT)
    return poissonInversion(mean, bitsToUniform(counterBits(lo, s0, s1)));
  return poissonPtrs(mean, streams, lo);
}

/** The Poisson(mean) variate for (key, index); mean finite and >= 0. Same stream as addNoise. */
export function poissonAt(key: NoiseKey, index: number, mean: number): number {
  checkIndex(index);
  if (!(Number.isFinite(mean) && mean >= 0))
    throw new RangeError(`poissonAt: mean must be finite and >= 0, got ${mean}`);
  const hi = Math.floor(index * INV_TWO_POW_32);
  const lo = (index - hi * TWO_POW_32) | 0;
  const streams = new DrawStreams(key, hi, 3);
  return poissonFromCounter(mean, lo, streams.word(0, 0), streams.word(0, 1), streams);
}
