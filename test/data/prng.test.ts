import { describe, expect, it } from 'vitest';
import { hash32, randomBelow, randomNormal, randomUnit, splitmix32 } from '../../src/data/index.js';

describe('prng', () => {
  it('splitmix32 is deterministic and seed-sensitive', () => {
    const a = splitmix32(1);
    const b = splitmix32(1);
    const c = splitmix32(2);
    const va = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(va);
    expect([c(), c(), c()]).not.toEqual(va);
    for (const v of va) expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
  });

  it('hash32 separates parts, large and negative seeds', () => {
    const seen = new Set([
      hash32(0),
      hash32(0, 0),
      hash32(1, 0),
      hash32(0, 1),
      hash32(2 ** 32),
      hash32(-1),
      hash32(2 ** 32 - 1),
    ]);
    expect(seen.size).toBe(7);
    expect(hash32(5, 6)).toBe(hash32(5, 6));
    expect(() => hash32(NaN)).toThrow(RangeError);
  });

  it('randomBelow is in range and roughly uniform; unit and normal look right', () => {
    const rng = splitmix32(123);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[randomBelow(rng, 7)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(500);
    expect(randomBelow(rng, 1)).toBe(0);
    expect(() => randomBelow(rng, 0)).toThrow(RangeError);
    let sum = 0;
    let sq = 0;
    const n = 50000;
    for (let i = 0; i < n; i++) {
      const u = randomUnit(rng);
      expect(u >= 0 && u < 1).toBe(true);
      const z = randomNormal(rng);
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.03);
  });
});
