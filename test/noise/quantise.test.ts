import { describe, expect, it } from 'vitest';
import { clamp, reducePrecision, stochasticReducePrecision } from '../../src/noise/quantise.js';
import { deriveKey } from '../../src/noise/rng.js';

const f32 = (xs: number[]): Float32Array => Float32Array.from(xs);

describe('clamp', () => {
  it('limits values, in place or into out', () => {
    const x = f32([-2, -1, -0.5, 0, 0.5, 1, 3]);
    const out = new Float32Array(7);
    expect(Array.from(clamp(x, -1, 1, out))).toEqual([-1, -1, -0.5, 0, 0.5, 1, 1]);
    expect(x[0]).toBe(-2);
    expect(clamp(x, -1, 1)).toBe(x);
    expect(x[6]).toBe(1);
  });

  it('rejects lo > hi and mismatched out', () => {
    expect(() => clamp(f32([0]), 1, -1)).toThrow(RangeError);
    expect(() => clamp(f32([0]), -1, 1, new Float32Array(2))).toThrow(/length/);
  });
});

describe('reducePrecision (RP)', () => {
  it('matches every test vector of method.md (p = 4)', () => {
    const vectors: [number, number][] = [
      [-0.9, -1],
      [-0.375, -0.25],
      [-0.3, -0.25],
      [-0.125, 0],
      [0.1, 0],
      [0.126, 0.25],
      [0.375, 0.25],
      [0.376, 0.5],
      [0.6, 0.5],
      [0.875, 0.75],
      [0.9, 1],
    ];
    const out = reducePrecision(f32(vectors.map((v) => v[0])), 4, new Float32Array(vectors.length));
    expect(Array.from(out)).toEqual(vectors.map((v) => v[1]));
  });

  it('rounds ties toward zero, does not clip, and gives +0 for zero', () => {
    const out = reducePrecision(f32([0.125, -0.125, 0.625, -0.625, 1.9, -3.1]), 4);
    expect(Array.from(out)).toEqual([0, 0, 0.5, -0.5, 2, -3]);
    expect(Object.is(out[1], 0)).toBe(true);
  });

  it('agrees with a nearest-grid-point reference on random values', () => {
    const p = 16;
    const x = new Float32Array(10000);
    for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 12.9898) * 1.5;
    const out = reducePrecision(x, p, new Float32Array(x.length));
    for (let i = 0; i < x.length; i++) {
      const a = Math.abs(x[i]) * p;
      const f = Math.floor(a);
      const k = a - f > 0.5 ? f + 1 : f;
      expect(out[i]).toBe(Math.fround((Math.sign(x[i]) * k) / p) + 0);
      expect(Math.abs(out[i] - x[i])).toBeLessThanOrEqual(0.5 / p + 1e-7);
    }
  });

  it('treats p = 0 and p = Infinity as ideal (identity)', () => {
    const x = f32([0.1234, -0.777]);
    expect(Array.from(reducePrecision(x, 0, new Float32Array(2)))).toEqual(Array.from(x));
    expect(Array.from(reducePrecision(x, Infinity, new Float32Array(2)))).toEqual(Array.from(x));
  });

  it('rejects negative or NaN p', () => {
    expect(() => reducePrecision(f32([0]), -4)).toThrow(/precision p/);
    expect(() => reducePrecision(f32([0]), NaN)).toThrow(RangeError);
  });
});

describe('stochasticReducePrecision (SRP)', () => {
  const key = deriveKey(2024, 7);

  it('always lands on one of the two neighbouring grid points, keeping grid values', () => {
    const p = 8;
    const x = new Float32Array(5000);
    for (let i = 0; i < x.length; i++) x[i] = Math.cos(i * 0.731) * 1.2;
    const out = stochasticReducePrecision(x, p, key, 0, new Float32Array(x.length));
    for (let i = 0; i < x.length; i++) {
      const g = x[i] * p;
      const k = out[i] * p;
      expect(Number.isInteger(k)).toBe(true);
      expect(k === Math.floor(g) || k === Math.ceil(g)).toBe(true);
    }
    const grid = f32([-1, -0.5, 0, 0.125, 0.875]);
    expect(Array.from(stochasticReducePrecision(grid, p, key, 0, new Float32Array(5)))).toEqual(
      Array.from(grid),
    );
  });

  it('is unbiased: the mean of many draws is x (up with probability frac(|x| p))', () => {
    const p = 4;
    const n = 100000;
    const values = [0.3, -0.3, 0.1, 0.93, -0.51];
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      const x = new Float32Array(n).fill(v);
      const out = stochasticReducePrecision(x, p, key, j * n);
      let s = 0;
      for (let i = 0; i < n; i++) s += out[i];
      const frac = Math.abs(Math.fround(v)) * p - Math.floor(Math.abs(Math.fround(v)) * p);
      const sd = Math.sqrt((frac * (1 - frac)) / n) / p; // standard error of the mean
      expect(Math.abs(s / n - Math.fround(v))).toBeLessThan(5 * sd + 1e-9);
    }
  });

  it('depends only on (key, index): chunking does not change it', () => {
    const x = new Float32Array(256);
    for (let i = 0; i < 256; i++) x[i] = Math.sin(i) * 0.9;
    const whole = stochasticReducePrecision(x, 16, key, 5000, new Float32Array(256));
    const pieces = new Float32Array(256);
    for (let c = 0; c < 256; c += 64) {
      pieces.set(
        stochasticReducePrecision(x.subarray(c, c + 64), 16, key, 5000 + c, new Float32Array(64)),
        c,
      );
    }
    expect(Array.from(pieces)).toEqual(Array.from(whole));
    const other = stochasticReducePrecision(x, 16, deriveKey(2024, 8), 5000, new Float32Array(256));
    expect(Array.from(other)).not.toEqual(Array.from(whole));
  });

  it('treats p = 0 as ideal and validates its arguments', () => {
    const x = f32([0.3]);
    expect(stochasticReducePrecision(x, 0, key, 0, new Float32Array(1))[0]).toBe(x[0]);
    expect(() => stochasticReducePrecision(x, -1, key, 0)).toThrow(RangeError);
    expect(() => stochasticReducePrecision(x, 4, key, -1)).toThrow(/startIndex/);
    expect(() => stochasticReducePrecision(x, 4, key, 0.5)).toThrow(/startIndex/);
  });
});
