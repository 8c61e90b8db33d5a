import { describe, expect, it } from 'vitest';
import { addRowVector, axpy, scale, sumRows, transpose } from '../../src/compute/elementwise.js';
import { randomArray, rng } from './reference.js';

describe('elementwise helpers', () => {
  it('addRowVector adds the bias to every row', () => {
    const Y = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect([...addRowVector(Y, Float32Array.from([10, 20, 30]), 2, 3)]).toEqual([
      11, 22, 33, 14, 25, 36,
    ]);
  });

  it('sumRows accumulates column sums into out', () => {
    const dY = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const out = Float32Array.from([100, 0, -1]);
    expect([...sumRows(dY, 2, 3, out)]).toEqual([105, 7, 8]);
    expect([...sumRows(dY, 2, 3, out)]).toEqual([110, 14, 17]);
  });

  it('sumRows is the adjoint of addRowVector: <addRowVector(0, b), dY> = <b, sumRows(dY)>', () => {
    const next = rng(11);
    const [rows, cols] = [13, 7];
    const b = randomArray(cols, next);
    const dY = randomArray(rows * cols, next);
    const Yb = addRowVector(new Float32Array(rows * cols), b, rows, cols);
    const s = sumRows(dY, rows, cols, new Float32Array(cols));
    let lhs = 0;
    let rhs = 0;
    for (let i = 0; i < dY.length; i++) lhs += Yb[i] * dY[i];
    for (let c = 0; c < cols; c++) rhs += b[c] * s[c];
    expect(lhs).toBeCloseTo(rhs, 4);
  });

  it('axpy and scale', () => {
    const y = Float32Array.from([1, 1, 1]);
    expect([...axpy(-2, Float32Array.from([1, 2, 3]), y)]).toEqual([-1, -3, -5]);
    expect([...scale(y, -0.5)]).toEqual([0.5, 1.5, 2.5]);
  });

  it('transpose matches the definition for odd and tile-crossing shapes', () => {
    const next = rng(4);
    for (const [r, c] of [
      [1, 1],
      [1, 40],
      [40, 1],
      [33, 65],
      [64, 32],
    ]) {
      const A = randomArray(r * c, next);
      const T = transpose(A, r, c);
      for (let i = 0; i < r; i++)
        for (let j = 0; j < c; j++) expect(T[j * r + i]).toBe(A[i * c + j]);
      const out = new Float32Array(r * c);
      expect(transpose(A, r, c, out)).toBe(out);
      expect([...transpose(T, c, r)]).toEqual([...A]);
    }
  });

  it('rejects short arrays', () => {
    expect(() => addRowVector(new Float32Array(5), new Float32Array(3), 2, 3)).toThrow(RangeError);
    expect(() => sumRows(new Float32Array(6), 2, 3, new Float32Array(2))).toThrow(RangeError);
    expect(() => axpy(1, new Float32Array(3), new Float32Array(2))).toThrow(RangeError);
    expect(() => transpose(new Float32Array(5), 2, 3)).toThrow(RangeError);
  });
});
