/**
 * The counter-based core shared by every sampler in this folder: a keyed 32-bit hash of
 * (key, draw, index), and the iteration that walks a range of indices in tight loops.
 *
 * Why a hash and not a stateful generator: the noise of element `index` must not depend on
 * batch size, chunking or order (training and the simulator re-slice the same tensors in many
 * ways). A pure function of (key, index) gives that by construction, and lets any slice be
 * generated without generating what precedes it.
 *
 * Construction. The 64-bit index is split into lo = bits 0..31 and hi = bits 32..52; a sub-draw
 * number `draw` (0..2047, for samplers that need several uniforms per element) fills bits 21..31
 * of the high counter word. A key schedule turns (k0, k1, counter-high) into two 32-bit stream
 * words (s0, s1), each a bijection of every single input; per element:
 *
 *     bits = B(A(lo ^ s0) + s1)
 *
 * where A is Wellons' "lowbias32" finaliser and B is MurmurHash3's fmix32 (published constants;
 * both are bijections of 32-bit words with near-ideal avalanche). So, for a fixed stream, the 2^32
 * indices map one-to-one onto 2^32 outputs, and a stream is a keyed permutation with 64 bits of key
 * material. Cost: four 32-bit multiplies per value. Not cryptographic; the statistical checks it
 * passes are in test/noise/rng.test.ts (moments, chi-square of values and of consecutive pairs,
 * bit balance, cross-stream correlation). Checked once more at 2^26 values: 2-D (256^2 bins) and
 * 3-D (32^3) serial chi-square, low-byte histogram, correlation at lags 1..4096 and across keys
 * that differ in one part all gave |z| < 2.
 */
import type { NoiseKey } from './rng.js';

export const TWO_POW_32 = 4294967296;
export const INV_TWO_POW_32 = 1 / TWO_POW_32;
/** Sub-draw numbers live above the 21 index bits of the high counter word. */
const DRAW_SHIFT = 21;
/** Largest sub-draw number. */
export const MAX_DRAW = 2047;

/** Wellons' lowbias32 finaliser (bijective). */
export function mixA(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}

/** MurmurHash3 fmix32 finaliser (bijective). */
export function mixB(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** First stream word of (k0, k1, counterHigh); bijective in each argument alone. */
export function streamWord0(k0: number, k1: number, counterHigh: number): number {
  return mixB((mixA(mixA(k0 ^ 0x243f6a88) ^ k1) + counterHigh) | 0);
}

/** Second stream word, along a different path so that (s0, s1) carry 64 bits. */
export function streamWord1(k0: number, k1: number, counterHigh: number): number {
  return mixA(mixB((mixB(k1 ^ 0x13198a2e) + k0) | 0) ^ counterHigh);
}

/** The high counter word for index bits 32..52 (`hi`) and sub-draw `draw`. */
export function counterHigh(hi: number, draw: number): number {
  return hi | (draw << DRAW_SHIFT);
}

/**
 * The 32 random bits of index low word `lo` in stream (s0, s1), as a signed int32: V8 keeps
 * int32 values unboxed, which makes the sampling loops ~2x faster than a uint32 result would.
 */
export function counterBits(lo: number, s0: number, s1: number): number {
  return mixB((mixA(lo ^ s0) + s1) | 0);
}

/** 32 bits (int32) to a float64 in the open interval (0, 1): (uint32(h) + 0.5) / 2^32. */
export function bitsToUniform(h: number): number {
  return ((h >>> 0) + 0.5) * INV_TWO_POW_32;
}

/** Bits for one (key, draw, index), with the key schedule computed on the spot. */
export function bitsAt(key: NoiseKey, draw: number, index: number): number {
  const hi = Math.floor(index * INV_TWO_POW_32);
  const lo = index - hi * TWO_POW_32;
  const ch = counterHigh(hi, draw);
  return counterBits(
    lo | 0,
    streamWord0(key.k0 | 0, key.k1 | 0, ch),
    streamWord1(key.k0 | 0, key.k1 | 0, ch),
  );
}

/** Throws unless `index` is an integer in [0, 2^53). */
export function checkIndex(index: number, name = 'index'): void {
  if (!(Number.isSafeInteger(index) && index >= 0)) {
    throw new RangeError(`${name} must be an integer in [0, 2^53), got ${index}`);
  }
}

/** Throws unless startIndex .. startIndex + count - 1 all lie in [0, 2^53). */
export function checkRange(startIndex: number, count: number): void {
  checkIndex(startIndex, 'startIndex');
  if (startIndex + count - 1 > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(
      `startIndex + length - 1 must stay below 2^53, got startIndex ${startIndex} and length ${count}`,
    );
  }
}

/** Body of a run: elements i0..i1-1 have low counter words lo, lo+1, ... (int32 wrap-around). */
export type CounterRunBody = (
  i0: number,
  i1: number,
  lo: number,
  s0: number,
  s1: number,
  hi: number,
) => void;

/**
 * Splits elements 0..count-1 (indices startIndex..) into runs that share the high counter word,
 * and calls `body` once per run with that run's stream words. Almost every call is a single run;
 * the split only happens when a range crosses a multiple of 2^32. The caller validates the range.
 */
export function forEachCounterRun(
  key: NoiseKey,
  startIndex: number,
  count: number,
  draw: number,
  body: CounterRunBody,
): void {
  const k0 = key.k0 | 0;
  const k1 = key.k1 | 0;
  let i = 0;
  while (i < count) {
    const index = startIndex + i;
    const hi = Math.floor(index * INV_TWO_POW_32);
    const lo = index - hi * TWO_POW_32;
    const end = Math.min(count, i + (TWO_POW_32 - lo));
    const ch = counterHigh(hi, draw);
    body(i, end, lo | 0, streamWord0(k0, k1, ch), streamWord1(k0, k1, ch), hi);
    i = end;
  }
}

/**
 * Stream words for sub-draws 0..cached-1 of one high counter word, so samplers that need several
 * uniforms per element (Poisson rejection) pay the key schedule once per run, not per element.
 */
export class DrawStreams {
  private readonly words: Int32Array;
  private readonly k0: number;
  private readonly k1: number;
  private readonly hi: number;

  constructor(key: NoiseKey, hi: number, cached = 8) {
    this.k0 = key.k0 | 0;
    this.k1 = key.k1 | 0;
    this.hi = hi;
    this.words = new Int32Array(2 * cached);
    for (let d = 0; d < cached; d++) {
      const ch = counterHigh(hi, d);
      this.words[2 * d] = streamWord0(this.k0, this.k1, ch);
      this.words[2 * d + 1] = streamWord1(this.k0, this.k1, ch);
    }
  }

  /** Stream word `which` (0 or 1) of a cached sub-draw. */
  word(draw: number, which: 0 | 1): number {
    return this.words[2 * draw + which];
  }

  /** 32 random bits of sub-draw `draw` at low counter word `lo`. */
  bits(draw: number, lo: number): number {
    const w = this.words;
    if (2 * draw < w.length) return counterBits(lo, w[2 * draw], w[2 * draw + 1]);
    const ch = counterHigh(this.hi, draw);
    return counterBits(lo, streamWord0(this.k0, this.k1, ch), streamWord1(this.k0, this.k1, ch));
  }
}
