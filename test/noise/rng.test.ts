import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/noise/normal.js';
import {
  deriveKey,
  fillNormal,
  fillUniform,
  normalAt,
  uniformAt,
  type NoiseKey,
} from '../../src/noise/rng.js';
import { chiSquare, chiSquareCritical, fraction, moments } from './stats.js';

const key = deriveKey(12345, 0, 1);

type Fl = Float32Array | Float64Array;

/** Fill n values by calling `fill` on chunks of `chunk` elements. */
function chunked(
  make: (n: number) => Fl,
  fill: (k: NoiseKey, start: number, out: Fl) => Fl,
  start: number,
  n: number,
  chunk: number,
): number[] {
  const out = new Float64Array(n);
  for (let c = 0; c < n; c += chunk) out.set(fill(key, start + c, make(Math.min(chunk, n - c))), c);
  return Array.from(out);
}

describe('deriveKey', () => {
  it('is deterministic and gives uint32 words', () => {
    const a = deriveKey(1, 2, 3);
    expect(deriveKey(1, 2, 3)).toEqual(a);
    for (const w of [a.k0, a.k1]) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
  });

  it('separates seeds, parts, part order and part count', () => {
    const keys = [
      deriveKey(1),
      deriveKey(2),
      deriveKey(1, 0),
      deriveKey(1, 0, 0),
      deriveKey(1, 1, 2),
      deriveKey(1, 2, 1),
      deriveKey(-1),
      deriveKey(2 ** 32),
      deriveKey(Number.MAX_SAFE_INTEGER),
    ];
    const ids = new Set(keys.map((k) => `${k.k0}:${k.k1}`));
    expect(ids.size).toBe(keys.length);
  });

  it('gives no collisions and balanced bits over many consecutive parts', () => {
    const seen = new Set<string>();
    const ones = new Array<number>(64).fill(0);
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const k = deriveKey(7, i);
      seen.add(`${k.k0}:${k.k1}`);
      for (let b = 0; b < 32; b++) {
        ones[b] += (k.k0 >>> b) & 1;
        ones[32 + b] += (k.k1 >>> b) & 1;
      }
    }
    expect(seen.size).toBe(n);
    for (const c of ones) expect(Math.abs(c / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });

  it('rejects non-integers with a RangeError naming the argument', () => {
    expect(() => deriveKey(1.5)).toThrow(/seed/);
    expect(() => deriveKey(1, 2, NaN)).toThrow(/parts\[1\]/);
    expect(() => deriveKey(2 ** 53)).toThrow(RangeError);
  });
});

describe('counter-based uniforms', () => {
  it('are in the open interval (0, 1), reproducible, and key dependent', () => {
    const u = uniformAt(key, 42);
    expect(u).toBeGreaterThan(0);
    expect(u).toBeLessThan(1);
    expect(uniformAt(key, 42)).toBe(u);
    expect(uniformAt(deriveKey(12345, 0, 2), 42)).not.toBe(u);
    expect(uniformAt(key, 43)).not.toBe(u);
    expect(uniformAt({ k0: 1, k1: 2 }, 0)).not.toBe(uniformAt({ k0: 2, k1: 1 }, 0));
  });

  it('fillUniform equals uniformAt element by element (float64) and its float32 rounding', () => {
    const out64 = fillUniform(key, 1000, new Float64Array(300));
    const out32 = fillUniform(key, 1000, new Float32Array(300));
    for (let i = 0; i < 300; i++) {
      expect(out64[i]).toBe(uniformAt(key, 1000 + i));
      expect(out32[i]).toBe(Math.fround(uniformAt(key, 1000 + i)));
    }
  });

  it('are chunk invariant: 1x256, 4x64 and 256x1 give identical bits', () => {
    for (const start of [0, 77, 2 ** 32 - 100, 2 ** 53 - 300]) {
      for (const make of [(n: number) => new Float64Array(n), (n: number) => new Float32Array(n)]) {
        const whole = chunked(make, fillUniform, start, 256, 256);
        expect(chunked(make, fillUniform, start, 256, 64)).toEqual(whole);
        expect(chunked(make, fillUniform, start, 256, 1)).toEqual(whole);
        expect(chunked(make, fillUniform, start, 256, 37)).toEqual(whole);
      }
    }
  });

  it('cross the 2^32 index boundary without a seam', () => {
    const start = 2 ** 32 - 8;
    const out = fillUniform(key, start, new Float64Array(16));
    for (let i = 0; i < 16; i++) expect(out[i]).toBe(uniformAt(key, start + i));
    expect(uniformAt(key, 2 ** 32)).not.toBe(uniformAt(key, 0));
    expect(uniformAt(key, 2 ** 33 + 5)).not.toBe(uniformAt(key, 2 ** 32 + 5));
  });

  it('have mean 1/2, variance 1/12 and a flat histogram (chi-square, 100 bins)', () => {
    const n = 1_000_000;
    const u = fillUniform(key, 0, new Float64Array(n));
    const m = moments(u);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
    const bins = new Array<number>(100).fill(0);
    for (let i = 0; i < n; i++) bins[Math.floor(u[i] * 100)]++;
    expect(chiSquare(bins, new Array<number>(100).fill(n / 100))).toBeLessThan(
      chiSquareCritical(99),
    );
  });

  it('show no structure between neighbours (chi-square of consecutive pairs, lag-1 correlation)', () => {
    const n = 1_000_000;
    const u = fillUniform(deriveKey(99), 3, new Float64Array(n + 1));
    const bins = new Array<number>(256).fill(0);
    let c = 0;
    for (let i = 0; i < n; i++) {
      bins[Math.floor(u[i] * 16) * 16 + Math.floor(u[i + 1] * 16)]++;
      c += (u[i] - 0.5) * (u[i + 1] - 0.5);
    }
    expect(chiSquare(bins, new Array<number>(256).fill(n / 256))).toBeLessThan(
      chiSquareCritical(255),
    );
    expect(Math.abs((c / n) * 12)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('have balanced bits, including the low ones', () => {
    const n = 200_000;
    const u = fillUniform(key, 0, new Float64Array(n));
    for (let b = 0; b < 32; b++) {
      const f = fraction(n, (i) => ((Math.floor(u[i] * 2 ** 32) >>> b) & 1) === 1);
      expect(Math.abs(f - 0.5), `bit ${b}`).toBeLessThan(5 * Math.sqrt(0.25 / n));
    }
  });

  it('are uncorrelated across keys that differ in one part, and across indices of nearby keys', () => {
    const n = 200_000;
    const a = fillUniform(deriveKey(5, 1), 0, new Float64Array(n));
    const b = fillUniform(deriveKey(5, 2), 0, new Float64Array(n));
    let c = 0;
    for (let i = 0; i < n; i++) c += (a[i] - 0.5) * (b[i] - 0.5);
    expect(Math.abs((c / n) * 12)).toBeLessThan(5 / Math.sqrt(n));
    // Index 0 of 10^4 consecutive keys is itself a uniform sample.
    const bins = new Array<number>(20).fill(0);
    for (let s = 0; s < 10000; s++) bins[Math.floor(uniformAt(deriveKey(5, s), 0) * 20)]++;
    expect(chiSquare(bins, new Array<number>(20).fill(500))).toBeLessThan(chiSquareCritical(19));
  });

  it('reject invalid indices', () => {
    expect(() => uniformAt(key, -1)).toThrow(/index/);
    expect(() => uniformAt(key, 1.5)).toThrow(RangeError);
    expect(() => uniformAt(key, 2 ** 53)).toThrow(RangeError);
    expect(() => fillUniform(key, 2 ** 53 - 2, new Float64Array(4))).toThrow(/2\^53/);
  });
});

describe('counter-based normals', () => {
  it('are chunk invariant: 1x256, 4x64 and 256x1 give identical bits', () => {
    for (const start of [0, 12345, 2 ** 32 - 128]) {
      for (const make of [(n: number) => new Float64Array(n), (n: number) => new Float32Array(n)]) {
        const whole = chunked(make, fillNormal, start, 256, 256);
        expect(chunked(make, fillNormal, start, 256, 64)).toEqual(whole);
        expect(chunked(make, fillNormal, start, 256, 1)).toEqual(whole);
      }
    }
    const out = fillNormal(key, 500, new Float64Array(64));
    for (let i = 0; i < 64; i++) expect(out[i]).toBe(normalAt(key, 500 + i));
  });

  it('are the normal quantile of the uniform of the same (key, index), to 2e-5', () => {
    let worst = 0;
    for (let i = 0; i < 200_000; i++)
      worst = Math.max(worst, Math.abs(normalAt(key, i) - normalQuantile(uniformAt(key, i))));
    expect(worst).toBeLessThan(2e-5);
  });

  it('have mean 0, variance 1, skewness 0, kurtosis 3 and normal tail fractions', () => {
    const n = 2_000_000;
    const z = fillNormal(deriveKey(31337), 0, new Float64Array(n));
    const m = moments(z);
    expect(Math.abs(m.mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m.skewness)).toBeLessThan(5 * Math.sqrt(6 / n));
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(5 * Math.sqrt(24 / n));
    for (const [t, expected] of [
      [1, 0.3173105078629141],
      [2, 0.045500263896358414],
      [3, 0.0026997960632601891],
      [4, 6.3342483666239843e-5],
    ]) {
      const f = fraction(n, (i) => Math.abs(z[i]) > t);
      expect(Math.abs(f - expected), `|z| > ${t}`).toBeLessThan(
        5 * Math.sqrt((expected * (1 - expected)) / n),
      );
    }
  });

  it('match the normal CDF in 40 equal-probability bins (chi-square)', () => {
    const n = 1_000_000;
    const z = fillNormal(deriveKey(4242), 0, new Float64Array(n));
    const bins = new Array<number>(40).fill(0);
    for (let i = 0; i < n; i++) bins[Math.min(39, Math.floor(normalCdf(z[i]) * 40))]++;
    expect(chiSquare(bins, new Array<number>(40).fill(n / 40))).toBeLessThan(chiSquareCritical(39));
  });

  it('reach the far tails symmetrically', () => {
    // The most extreme 32-bit values map to |z| ~ 6.2; check both ends exist and mirror.
    const zLo = normalQuantile(0.5 / 2 ** 32);
    expect(zLo).toBeLessThan(-6.2);
    const n = 4_000_000;
    const z = fillNormal(deriveKey(8), 0, new Float64Array(n));
    const upper = fraction(n, (i) => z[i] > 3.5);
    const lower = fraction(n, (i) => z[i] < -3.5);
    const expected = 2.3262907903552504e-4;
    expect(Math.abs(upper - expected)).toBeLessThan(5 * Math.sqrt(expected / n));
    expect(Math.abs(lower - expected)).toBeLessThan(5 * Math.sqrt(expected / n));
  });
});
