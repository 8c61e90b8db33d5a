import { describe, expect, it } from 'vitest';
import { mse, softmaxCrossEntropy } from '../../src/nn/losses.js';
import type { Tensor } from '../../src/nn/tensor.js';

const t = (shape: number[], values: number[]): Tensor => ({
  data: Float32Array.from(values),
  shape,
});

/** A small deterministic generator for test data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Central differences of f at each element of x, using the float32-rounded actual step. */
function numericGrad(x: Float32Array, f: () => number, h = 1e-2): Float64Array {
  const g = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) {
    const orig = x[k];
    x[k] = orig + h;
    const up = x[k];
    const lp = f();
    x[k] = orig - h;
    const down = x[k];
    const lm = f();
    x[k] = orig;
    g[k] = (lp - lm) / (up - down);
  }
  return g;
}

describe('softmaxCrossEntropy', () => {
  it('matches values computed by hand', () => {
    // Row 0: logits (1, 2, 3), label 2. With Z = e + e^2 + e^3 the loss is ln Z - 3
    // = ln(1 + e^-1 + e^-2) = 0.4076059644443806; softmax = (0.0900306, 0.2447285, 0.6652410).
    // Row 1: logits (0, 0, 0), label 0: loss ln 3 = 1.0986122886681098, softmax = 1/3 each.
    const r = softmaxCrossEntropy(t([2, 3], [1, 2, 3, 0, 0, 0]), new Int32Array([2, 0]));
    expect(r.loss).toBeCloseTo((0.4076059644443806 + 1.0986122886681098) / 2, 12);
    const p0 = [0.09003057317038046, 0.24472847105479764, 0.6652409557748219];
    const expected = [p0[0] / 2, p0[1] / 2, (p0[2] - 1) / 2, (1 / 3 - 1) / 2, 1 / 6, 1 / 6];
    expect(r.grad.shape).toEqual([2, 3]);
    expected.forEach((g, k) => expect(r.grad.data[k]).toBeCloseTo(g, 7));
    // Row 1 is a tie: arg-max is the first index, 0, which equals its label.
    expect(r.correct).toBe(2);
  });

  it('counts correct predictions', () => {
    const r = softmaxCrossEntropy(t([3, 2], [1, 0, 1, 0, 0, 5]), new Uint8Array([0, 1, 1]));
    expect(r.correct).toBe(2);
  });

  it('is stable for logits of +-1000', () => {
    // ln(e^1000 + e^-1000 + e^0) - (-1000) = 1000 + ln(1 + e^-2000 + e^-1000) + 1000 = 2000.
    const a = softmaxCrossEntropy(t([1, 3], [1000, -1000, 0]), new Int32Array([1]));
    expect(a.loss).toBe(2000);
    expect([...a.grad.data]).toEqual([1, -1, 0]);
    const b = softmaxCrossEntropy(t([1, 3], [1000, -1000, 0]), new Int32Array([0]));
    expect(b.loss).toBe(0);
    expect([...b.grad.data]).toEqual([0, 0, 0]);
    const c = softmaxCrossEntropy(t([1, 2], [1000, 1000]), new Int32Array([1]));
    expect(c.loss).toBeCloseTo(Math.LN2, 15);
    expect([...c.grad.data]).toEqual([0.5, -0.5]);
    const d = softmaxCrossEntropy(t([1, 2], [-1000, -1000]), new Int32Array([0]));
    expect(d.loss).toBeCloseTo(Math.LN2, 15);
  });

  it('gradient matches finite differences', () => {
    const rnd = lcg(3);
    const n = 4;
    const c = 5;
    const logits = t(
      [n, c],
      Array.from({ length: n * c }, () => 6 * rnd() - 3),
    );
    const labels = new Int32Array([0, 3, 4, 2]);
    const analytic = softmaxCrossEntropy(logits, labels).grad.data;
    const numeric = numericGrad(logits.data, () => softmaxCrossEntropy(logits, labels).loss);
    for (let k = 0; k < n * c; k++) expect(Math.abs(analytic[k] - numeric[k])).toBeLessThan(1e-5);
  });

  it('flattens trailing dims and rejects bad labels or shapes', () => {
    const r = softmaxCrossEntropy(t([1, 2, 2], [0, 0, 0, 0]), new Int32Array([3]));
    expect(r.loss).toBeCloseTo(Math.log(4), 12);
    expect(() => softmaxCrossEntropy(t([2, 2], [0, 0, 0, 0]), new Int32Array([0]))).toThrow(
      /1 labels for a batch of 2/,
    );
    expect(() => softmaxCrossEntropy(t([1, 2], [0, 0]), new Int32Array([2]))).toThrow(
      /label 2 at row 0 is outside \[0, 2\)/,
    );
    expect(() => softmaxCrossEntropy(t([4], [0, 0, 0, 0]), new Int32Array(4))).toThrow(/\[N, C\]/);
  });
});

describe('mse', () => {
  it('matches values computed by hand', () => {
    // diffs (1, 0, -2): loss (1 + 0 + 4) / 3, grad 2 d / 3.
    const r = mse(t([3], [1, 2, 3]), t([3], [0, 2, 5]));
    expect(r.loss).toBeCloseTo(5 / 3, 15);
    expect(r.grad.data[0]).toBeCloseTo(2 / 3, 7);
    expect(r.grad.data[1]).toBe(0);
    expect(r.grad.data[2]).toBeCloseTo(-4 / 3, 7);
    expect(mse(t([3], [1, 2, 3]), new Float32Array([1, 2, 3])).loss).toBe(0);
  });

  it('gradient matches finite differences', () => {
    const rnd = lcg(9);
    const pred = t(
      [2, 3],
      Array.from({ length: 6 }, () => 2 * rnd() - 1),
    );
    const target = t(
      [2, 3],
      Array.from({ length: 6 }, () => 2 * rnd() - 1),
    );
    const analytic = mse(pred, target).grad.data;
    const numeric = numericGrad(pred.data, () => mse(pred, target).loss);
    for (let k = 0; k < 6; k++) expect(Math.abs(analytic[k] - numeric[k])).toBeLessThan(1e-6);
    expect(() => mse(pred, new Float32Array(5))).toThrow(/6 elements, target 5/);
  });
});
