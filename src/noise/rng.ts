/**
 * Seedable, counter-based random numbers for noise.
 *
 * THE GUARANTEE: the value for element `index` is a pure function of (key, index). It does not
 * depend on how a tensor is chunked, on batch size, on call order or on which thread asks. So a
 * batch processed as 1x256, 4x64 or 256x1 sees bit-identical noise, and a run is reproducible
 * from its seed alone. Index is an integer in [0, 2^53).
 *
 * Use one key per purpose (deriveKey(seed, tile, draw, site, ...)): two consumers that share a
 * key and an index see the same random bits, so their noise would be correlated.
 *
 * Quality: each value comes from 32 hashed bits (see counter.ts for the construction and
 * test/noise/rng.test.ts for the statistical checks). Uniforms are (h + 0.5) / 2^32, in
 * [2^-33, 1 - 2^-33]. Normals are Phi^-1 of the same uniform, read from interpolated tables
 * (normal-bits.ts: error < 1e-5, CDF exact at every table edge, tails good to the 32-bit limit
 * |z| = 6.23). One hash per normal and no transcendental calls: several times faster than
 * Box-Muller, with better tails than a single uniform-grid table.
 */
import { normalFromBits } from './normal-bits.js';
import {
  bitsAt,
  bitsToUniform,
  checkIndex,
  checkRange,
  counterBits,
  forEachCounterRun,
  mixA,
  mixB,
} from './counter.js';

/** A stream key: two uint32 words (other numbers are taken modulo 2^32). */
export interface NoiseKey {
  readonly k0: number;
  readonly k1: number;
}

/**
 * Derives a key from a run seed and integer parts (tile, draw, site, ...). Different seeds or
 * parts (including a different number of parts) give unrelated streams. All arguments must be
 * safe integers (negative allowed).
 */
export function deriveKey(seed: number, ...parts: number[]): NoiseKey {
  let a = 0x6a09e667 | 0;
  let b = 0xbb67ae85 | 0;
  const absorb = (v: number, name: string): void => {
    if (!Number.isSafeInteger(v))
      throw new RangeError(`deriveKey: ${name} must be a safe integer, got ${v}`);
    const lo = v | 0;
    const hi = Math.floor(v / 4294967296) | 0;
    a = mixA(a ^ lo);
    b = mixB(((b ^ lo) + a) | 0);
    a = mixA(a ^ hi);
    b = mixB(((b ^ hi) + a) | 0);
  };
  absorb(seed, 'seed');
  for (let i = 0; i < parts.length; i++) absorb(parts[i], `parts[${i}]`);
  // Three Feistel rounds: a bijection of (a, b), so distinct states stay distinct.
  b ^= mixA((a + parts.length + 1) | 0);
  a ^= mixB(b);
  b ^= mixA(a ^ 0x5bd1e995);
  return { k0: a >>> 0, k1: b >>> 0 };
}

/** The uniform in (0, 1) for (key, index); 32 random bits. */
export function uniformAt(key: NoiseKey, index: number): number {
  checkIndex(index);
  return bitsToUniform(bitsAt(key, 0, index));
}

/** Largest float32 below 1: float32 storage must not round a uniform up to exactly 1. */
const F32_BELOW_ONE = 1 - 2 ** -24;

/**
 * Fills out[i] = uniformAt(key, startIndex + i). Into a Float32Array the value is rounded to
 * float32 and capped at 1 - 2^-24 so it stays inside the open interval.
 */
export function fillUniform<T extends Float32Array | Float64Array>(
  key: NoiseKey,
  startIndex: number,
  out: T,
): T {
  checkRange(startIndex, out.length);
  if (out instanceof Float32Array) {
    const o: Float32Array = out;
    forEachCounterRun(key, startIndex, o.length, 0, (i0, i1, lo, s0, s1) => {
      for (let i = i0; i < i1; i++, lo = (lo + 1) | 0) {
        const u = bitsToUniform(counterBits(lo, s0, s1));
        o[i] = u > F32_BELOW_ONE ? F32_BELOW_ONE : u;
      }
    });
  } else {
    const o: Float64Array = out;
    forEachCounterRun(key, startIndex, o.length, 0, (i0, i1, lo, s0, s1) => {
      for (let i = i0; i < i1; i++, lo = (lo + 1) | 0)
        o[i] = bitsToUniform(counterBits(lo, s0, s1));
    });
  }
  return out;
}

/** The standard normal for (key, index). */
export function normalAt(key: NoiseKey, index: number): number {
  checkIndex(index);
  return normalFromBits(bitsAt(key, 0, index));
}

/** Fills out[i] = normalAt(key, startIndex + i) (rounded to float32 for a Float32Array). */
export function fillNormal<T extends Float32Array | Float64Array>(
  key: NoiseKey,
  startIndex: number,
  out: T,
): T {
  checkRange(startIndex, out.length);
  const o: Float32Array | Float64Array = out;
  forEachCounterRun(key, startIndex, o.length, 0, (i0, i1, lo, s0, s1) => {
    for (let i = i0; i < i1; i++, lo = (lo + 1) | 0) o[i] = normalFromBits(counterBits(lo, s0, s1));
  });
  return out;
}
