/**
 * Clamp, RP and SRP (method.md section 1) over Float32Array, in place by default.
 *
 * Arithmetic is float64 on the stored float32 values, so ties are judged on the value as stored
 * (0.375 at p = 4 is a tie and goes to 0.25; 0.15 at p = 10 is not, since float32(0.15) > 0.15).
 * Zeros come out as +0. p = 0 or p = Infinity means ideal (no quantisation): the identity,
 * which is the "0 bits means ideal" convention of aihwkit.
 */
import { bitsToUniform, checkRange, counterBits, forEachCounterRun } from './counter.js';
import type { NoiseKey } from './rng.js';

function checkOut(fn: string, x: Float32Array, out: Float32Array): void {
  if (out.length !== x.length) {
    throw new RangeError(`${fn}: out has length ${out.length} but x has length ${x.length}`);
  }
}

/** True for the ideal precisions 0 and Infinity; throws on negative or NaN p. */
function isIdeal(fn: string, p: number): boolean {
  if (p === 0 || p === Infinity) return true;
  if (!(p > 0))
    throw new RangeError(`${fn}: precision p must be > 0 (or 0/Infinity for ideal), got ${p}`);
  return false;
}

/** Clamp every element to [lo, hi]. NaN stays NaN. */
export function clamp(
  x: Float32Array,
  lo: number,
  hi: number,
  out: Float32Array = x,
): Float32Array {
  checkOut('clamp', x, out);
  if (!(lo <= hi)) throw new RangeError(`clamp: need lo <= hi, got lo ${lo} and hi ${hi}`);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v < lo ? lo : v > hi ? hi : v;
  }
  return out;
}

/**
 * RP(x; p) = sign(x) ceil(|x p| - 0.5) / p: round to the nearest multiple of 1/p, ties toward
 * zero, no clipping (clamp first to limit the range).
 */
export function reducePrecision(x: Float32Array, p: number, out: Float32Array = x): Float32Array {
  checkOut('reducePrecision', x, out);
  if (isIdeal('reducePrecision', p)) {
    if (out !== x) out.set(x);
    return out;
  }
  for (let i = 0; i < x.length; i++) {
    const g = x[i] * p;
    const r = Math.ceil(Math.abs(g) - 0.5) / p;
    out[i] = (g < 0 ? -r : r) + 0; // + 0 turns -0 into +0
  }
  return out;
}

/**
 * SRP: with g = x p, round |g| up with probability frac(|g|), else down; keep the sign; divide
 * by p. Unbiased: E[SRP(x)] = x. Element i uses uniformAt(key, startIndex + i), so the result is
 * independent of chunking (see rng.ts); give SRP its own key.
 */
export function stochasticReducePrecision(
  x: Float32Array,
  p: number,
  key: NoiseKey,
  startIndex: number,
  out: Float32Array = x,
): Float32Array {
  checkOut('stochasticReducePrecision', x, out);
  checkRange(startIndex, x.length);
  if (isIdeal('stochasticReducePrecision', p)) {
    if (out !== x) out.set(x);
    return out;
  }
  forEachCounterRun(key, startIndex, x.length, 0, (i0, i1, lo, s0, s1) => {
    for (let i = i0; i < i1; i++, lo = (lo + 1) | 0) {
      const g = x[i] * p;
      const a = Math.abs(g);
      const f = Math.floor(a);
      const r = (bitsToUniform(counterBits(lo, s0, s1)) < a - f ? f + 1 : f) / p;
      out[i] = (g < 0 ? -r : r) + 0;
    }
  });
  return out;
}
