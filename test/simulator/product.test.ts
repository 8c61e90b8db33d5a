import { describe, expect, it } from 'vitest';
import { tileProduct } from '../../simulator/product.js';

describe('tileProduct', () => {
  it('equals a column-ordered float64 dot product bit for bit, for odd and even shapes', () => {
    let seed = 1;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (const [batch, rows, cols] of [
      [1, 1, 1],
      [2, 4, 3],
      [3, 5, 7],
      [4, 8, 1],
      [5, 3, 16],
      [7, 9, 33],
    ] as const) {
      const X = Float32Array.from({ length: batch * cols }, next);
      const W = Float32Array.from({ length: rows * cols }, next);
      const Y = tileProduct(X, W, batch, rows, cols);
      for (let b = 0; b < batch; b++)
        for (let r = 0; r < rows; r++) {
          let s = 0;
          for (let c = 0; c < cols; c++) s += X[b * cols + c]! * W[r * cols + c]!;
          expect(Y[b * rows + r]).toBe(s);
        }
    }
  });
});
