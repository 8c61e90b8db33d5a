import { hash32, randomBelow, splitmix32 } from './prng.js';

/** Keeps the shuffle stream apart from other users of the same (seed, epoch). */
const SHUFFLE_SALT = 0x53485546; // "SHUF"

/**
 * The sample order of one epoch: a Fisher-Yates shuffle driven by splitmix32 seeded from
 * hash(seed, epoch). It depends on nothing else (not the batch size, not earlier epochs), so a
 * resumed run and runs with different batch sizes see the same order.
 */
export function epochPermutation(n: number, seed: number, epoch: number): Uint32Array {
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const rng = splitmix32(hash32(SHUFFLE_SALT, seed, epoch));
  for (let i = n - 1; i > 0; i--) {
    const j = randomBelow(rng, i + 1);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}
