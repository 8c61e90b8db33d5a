/**
 * Small seeded generators for data order and augmentation. They live here (not in src/noise) so
 * the data order never shifts when the noise generator changes: a shuffle is a pure function of
 * (seed, epoch), an augmentation of (seed, epoch, sample index).
 */

/** The murmur3 32-bit finaliser: a bijection with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes a list of integers (e.g. seed, epoch, sample index, a purpose salt) to one uint32.
 * Each part is truncated to an integer and enters as its two 32-bit words (64-bit two's
 * complement), so any safe integer, negative or above 2^32, is a distinct seed.
 */
export function hash32(...parts: number[]): number {
  let h = 0x243f6a88;
  for (const p of parts) {
    if (!Number.isFinite(p)) throw new RangeError(`hash32: seed part ${p} is not a finite number`);
    const v = Math.trunc(p);
    const lo = v >>> 0;
    const hi = Math.floor(v / 0x100000000) >>> 0;
    h = fmix32((h ^ lo) >>> 0);
    h = fmix32((h + hi + 0x9e3779b9) >>> 0);
  }
  return h;
}

/** A generator of uniform uint32 values. */
export type Rng = () => number;

/** splitmix32: a Weyl sequence through a mixer; tiny state, fine for shuffles and coin flips. */
export function splitmix32(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** Uniform integer in [0, n) without modulo bias (rejection of the short last bucket). */
export function randomBelow(rng: Rng, n: number): number {
  if (!(n >= 1 && n <= 0x100000000 && Number.isInteger(n))) {
    throw new RangeError(`randomBelow: n must be an integer in [1, 2^32], got ${n}`);
  }
  const limit = 0x100000000 - (0x100000000 % n);
  for (;;) {
    const r = rng();
    if (r < limit) return r % n;
  }
}

/** Uniform float in [0, 1) with 32 bits of resolution. */
export function randomUnit(rng: Rng): number {
  return rng() / 0x100000000;
}

/** Standard normal by Box-Muller (data generation only, so speed does not matter). */
export function randomNormal(rng: Rng): number {
  const u = (rng() + 1) / 0x100000001; // (0, 1): log never sees 0
  const v = randomUnit(rng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
