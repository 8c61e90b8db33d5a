/**
 * Standard normals from 32 random bits by table lookup: z = Phi^-1((uint32(h) + 0.5) / 2^32),
 * up to a tiny interpolation error. This is the noise hot path (training draws millions of
 * normals per batch), so it has no function calls and no allocation: two tables, built once.
 *
 * - Centre, u in [1/64, 63/64]: 4096 equal-probability bins on the top 12 bits, linear
 *   interpolation on the remaining 20. Max |error| ~1e-5 (at the outermost bins used).
 * - Tails, u < 1/64 (and mirrored for u > 63/64): bins on a log scale, 256 per octave of u, so
 *   each bin is at most 1/256 of its own u wide. Max |error| ~1e-6, out to the 32-bit limit
 *   |z| = 6.23; the 256 smallest values of h take exact quantiles.
 *
 * Every bin holds exactly its share of probability, so the CDF of the output equals Phi at every
 * bin edge: moments, tail fractions and the EP of Gaussian noise are exact to ~1e-6.
 */
import { normalQuantile } from './normal.js';

const TWO_POW_32 = 4294967296;
const CENTRE_BITS = 12;
const BINS = 1 << CENTRE_BITS;
const FRAC_BITS = 32 - CENTRE_BITS;
const FRAC_MASK = (1 << FRAC_BITS) - 1;
const INV_FRAC = 2 ** -FRAC_BITS;
/** Centre bins below this (and above BINS - this) belong to the tail tables: u < 1/64. */
const TAIL_BINS = 64;
/** Tail values are uint32 below 2^TAIL_BITS. */
const TAIL_BITS = FRAC_BITS + 6;
const SUB_BITS = 8;
const SUB = 1 << SUB_BITS;
const OCTAVES = TAIL_BITS - SUB_BITS;

/** CENTRE[k] = Phi^-1(k / 4096) for TAIL_BINS <= k <= BINS - TAIL_BINS (others unused). */
const CENTRE: Float64Array = (() => {
  const t = new Float64Array(BINS + 1);
  for (let k = TAIL_BINS; k <= BINS - TAIL_BINS; k++) t[k] = normalQuantile(k / BINS);
  return t;
})();

/** DIRECT[h] = Phi^-1((h + 0.5) / 2^32) for h < 256: exact for the most extreme values. */
const DIRECT: Float64Array = (() => {
  const t = new Float64Array(SUB);
  for (let h = 0; h < SUB; h++) t[h] = normalQuantile((h + 0.5) / TWO_POW_32);
  return t;
})();

/**
 * OCTAVE[(e - 8) * 257 + m] = Phi^-1((2^e + m 2^(e-8)) / 2^32): bin edges of octave e (values
 * h with leading bit e, 8 <= e < TAIL_BITS), m = 0..256.
 */
const OCTAVE: Float64Array = (() => {
  const t = new Float64Array(OCTAVES * (SUB + 1));
  for (let o = 0; o < OCTAVES; o++) {
    const e = o + SUB_BITS;
    for (let m = 0; m <= SUB; m++)
      t[o * (SUB + 1) + m] = normalQuantile((2 ** e + m * 2 ** (e - SUB_BITS)) / TWO_POW_32);
  }
  return t;
})();

/** The lower tail: t = uint32 bits below 2^TAIL_BITS. */
function lowerTail(t: number): number {
  if (t < SUB) return DIRECT[t];
  const shift = 31 - Math.clz32(t) - SUB_BITS;
  const base = shift * (SUB + 1) + ((t >>> shift) & (SUB - 1));
  const f = ((t & ((1 << shift) - 1)) + 0.5) / (1 << shift);
  const z0 = OCTAVE[base];
  return z0 + f * (OCTAVE[base + 1] - z0);
}

/** A standard normal from 32 random bits given as an int32 (see counter.ts). */
export function normalFromBits(h: number): number {
  const bin = h >>> FRAC_BITS;
  if (bin >= TAIL_BINS && bin < BINS - TAIL_BINS) {
    const z0 = CENTRE[bin];
    return z0 + ((h & FRAC_MASK) + 0.5) * INV_FRAC * (CENTRE[bin + 1] - z0);
  }
  // Upper tail by symmetry: ~h is the mirror value 2^32 - 1 - h, whose u is 1 - u.
  return bin < TAIL_BINS ? lowerTail(h >>> 0) : -lowerTail(~h >>> 0);
}

/**
 * The three tables (shared, not copies), for a native sampler that must reproduce
 * normalFromBits bit for bit (src/noise/fused.ts hands them to the addon once).
 */
export function normalTables(): {
  centre: Float64Array;
  direct: Float64Array;
  octave: Float64Array;
} {
  return { centre: CENTRE, direct: DIRECT, octave: OCTAVE };
}
