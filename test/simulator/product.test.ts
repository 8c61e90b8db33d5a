import { describe, expect, it } from 'vitest';
import type { Kernels } from '../../src/compute/kernels.js';
import { listKernelsProviders } from '../../src/compute/registry.js';
import { paperProfile } from '../../src/profile/index.js';
import { gemmProduct, productBlockRows, tileProduct } from '../../simulator/product.js';
import { SimDevice } from '../../simulator/sim-device.js';

function lcg(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
}

describe('tileProduct', () => {
  it('equals a column-ordered float64 dot product bit for bit, for odd and even shapes', () => {
    const next = lcg(1);
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

describe('productBlockRows', () => {
  it('is a power of two in [64, 512], larger for small tiles', () => {
    expect(productBlockRows(256, 784)).toBe(64);
    expect(productBlockRows(10, 128)).toBe(256);
    expect(productBlockRows(1, 1)).toBe(512);
    expect(productBlockRows(8192, 8192)).toBe(64);
  });
});

const loaded: Kernels[] = [];
for (const p of listKernelsProviders()) {
  try {
    loaded.push(await p.load());
  } catch {
    // providers.test.ts lists the ones that do not load here
  }
}

/** Tile shapes that take different BLAS code paths (small-matrix kernels, edge kernels). */
const SHAPES = [
  [10, 128],
  [33, 17],
  [128, 256],
  [256, 784],
  [7, 300],
] as const;

for (const kernels of loaded) {
  describe(`gemmProduct on ${kernels.name}`, () => {
    it('agrees with the float64 product to float32 accuracy', () => {
      const next = lcg(2);
      for (const [rows, cols] of SHAPES) {
        const batch = 70;
        const X = Float32Array.from({ length: batch * cols }, next);
        const W = Float32Array.from({ length: rows * cols }, next);
        const want = tileProduct(X, W, batch, rows, cols);
        const got = gemmProduct(kernels, X, W, batch, rows, cols, 5);
        for (let b = 0; b < batch; b++)
          for (let r = 0; r < rows; r++) {
            let mag = 0;
            for (let c = 0; c < cols; c++) mag += Math.abs(X[b * cols + c]! * W[r * cols + c]!);
            const i = b * rows + r;
            expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-6 * mag + 1e-30);
          }
      }
    });

    it('is chunk-invariant bit for bit: any split of the batch, any rowOffset', () => {
      const next = lcg(3);
      for (const [rows, cols] of SHAPES) {
        const batch = 140;
        const X = Float32Array.from({ length: batch * cols }, next);
        const W = Float32Array.from({ length: rows * cols }, next);
        for (const offset of [0, 13]) {
          const whole = gemmProduct(kernels, X, W, batch, rows, cols, offset);
          const where = `${rows}x${cols} offset ${offset}`;
          for (const chunk of [3, 64, 139]) {
            const parts = new Float32Array(batch * rows);
            for (let s = 0; s < batch; s += chunk) {
              const n = Math.min(chunk, batch - s);
              const x = X.subarray(s * cols, (s + n) * cols);
              parts.set(gemmProduct(kernels, x, W, n, rows, cols, offset + s), s * rows);
            }
            const bad = parts.findIndex((v, i) => !Object.is(v, whole[i]));
            expect(bad, `${where} chunk ${chunk}`).toBe(-1);
          }
          // Single rows (batch 1, as in inference), at block edges and inside blocks.
          for (const b of [0, 1, 50, 51, 63, 64, 115, 139]) {
            const y = gemmProduct(
              kernels,
              X.subarray(b * cols, (b + 1) * cols),
              W,
              1,
              rows,
              cols,
              offset + b,
            );
            const bad = y.findIndex((v, r) => !Object.is(v, whole[b * rows + r]));
            expect(bad, `${where} row ${b} alone`).toBe(-1);
          }
        }
      }
    });

    it('a noisy SimDevice gives identical products as 1x192, 3x64, 192x1 and 7-row chunks', async () => {
      const rows = 24;
      const cols = 96;
      const batch = 192;
      const next = lcg(4);
      const W = Float32Array.from({ length: rows * cols }, next);
      const X = Float32Array.from({ length: batch * cols }, next);
      const prof = paperProfile({ p: 16, ep: 0.5, rows, cols, maxBatch: batch, seed: 3 });
      const d = new SimDevice(prof, { kernels });
      await d.program(0, W, rows, cols);
      const run = async (chunk: number) => {
        const Y = new Float32Array(batch * rows);
        for (let s = 0; s < batch; s += chunk) {
          const n = Math.min(chunk, batch - s);
          const part = await d.matmul(0, X.subarray(s * cols, (s + n) * cols), n, {
            draw: 0,
            rowOffset: s,
          });
          Y.set(part, s * rows);
        }
        return Y;
      };
      const one = await run(batch);
      for (const chunk of [64, 1, 7]) expect(await run(chunk)).toEqual(one);
    });
  });
}

describe("SimDevice product: 'gemm' against 'float64'", () => {
  it('differ at most by one ADC step, rarely', async () => {
    const rows = 32;
    const cols = 200;
    const batch = 64;
    const next = lcg(5);
    const W = Float32Array.from({ length: rows * cols }, () => next() * 0.2);
    const X = Float32Array.from({ length: batch * cols }, next);
    const prof = paperProfile({ p: 16, ep: 0.5, rows, cols, seed: 9 });
    const out = [];
    for (const product of ['gemm', 'float64'] as const) {
      const d = new SimDevice(prof, { product });
      await d.program(0, W, rows, cols);
      out.push(await d.matmul(0, X, batch, { draw: 0, rowOffset: 0 }));
    }
    const [a, b] = out as [Float32Array, Float32Array];
    let differ = 0;
    for (let i = 0; i < a.length; i++) {
      expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(1 / 16 + 1e-7);
      if (a[i] !== b[i]) differ++;
    }
    expect(differ).toBeLessThan(a.length * 0.01);
  });
});
