import { afterEach, describe, expect, it } from 'vitest';
import type { Kernels } from '../../src/compute/kernels.js';
import { loadNativeAddon } from '../../src/compute/native-addon.js';
import { listKernelsProviders } from '../../src/compute/registry.js';
import { paperProfile } from '../../src/profile/index.js';
import {
  gemmProduct,
  gemmProductByChunks,
  productBlockRows,
  tileProduct,
} from '../../simulator/product.js';
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

// The addon's whole blocked product (productBlocks) against one kernels.gemm call per block.
const openblas = loaded.find((k) => k.name === 'openblas');
const nativeLoad = loadNativeAddon();
const addon = nativeLoad.ok ? nativeLoad.addon : undefined;
const hasBlocks =
  openblas !== undefined &&
  typeof (addon as { productBlocks?: unknown } | undefined)?.productBlocks === 'function';

describe.skipIf(!hasBlocks)('gemmProduct through the addon (productBlocks)', () => {
  afterEach(() => addon!.blasSetThreads(1));
  // The same library through the Kernels seam: a name other than 'openblas' takes the JS loop.
  const perBlock: Kernels = { name: 'openblas-per-block', gemm: openblas!.gemm.bind(openblas) };

  it('equals one gemm per block bit for bit, at 1 and 2 threads, any split of the batch', () => {
    const next = lcg(6);
    for (const [rows, cols] of [...SHAPES, [48, 27], [96, 432]] as const) {
      const batch = 300;
      const X = Float32Array.from({ length: batch * cols }, next);
      const W = Float32Array.from({ length: rows * cols }, next);
      for (const offset of [0, 13, 64]) {
        const where = `${rows}x${cols} offset ${offset}`;
        addon!.blasSetThreads(1);
        const want = gemmProduct(perBlock, X, W, batch, rows, cols, offset);
        for (const threads of [1, 2]) {
          addon!.blasSetThreads(threads);
          const got = gemmProduct(openblas!, X, W, batch, rows, cols, offset);
          expect(
            got.findIndex((v, i) => !Object.is(v, want[i])),
            `${where} ${threads}`,
          ).toBe(-1);
          for (const chunk of [1, 7, 64, 129]) {
            const parts = new Float32Array(batch * rows);
            for (let s = 0; s < batch; s += chunk) {
              const n = Math.min(chunk, batch - s);
              const x = X.subarray(s * cols, (s + n) * cols);
              const y = new Float32Array(n * rows);
              gemmProduct(openblas!, x, W, n, rows, cols, offset + s, y);
              parts.set(y, s * rows);
            }
            const bad = parts.findIndex((v, i) => !Object.is(v, want[i]));
            expect(bad, `${where} ${threads} thread(s), chunk ${chunk}`).toBe(-1);
          }
        }
      }
    }
  });

  it('gemmProductByChunks equals gemmProduct of the whole X bit for bit, at 1 and 2 threads', () => {
    const next = lcg(8);
    // [48, 27]: blocks of 256 rows, several per chunk; [96, 864]: two blocks of 64 per chunk.
    for (const [rows, cols] of [...SHAPES, [48, 27], [96, 864]] as const) {
      const batch = 700;
      const X = Float32Array.from({ length: batch * cols }, next);
      const W = Float32Array.from({ length: rows * cols }, next);
      for (const offset of [0, 13, 64, 2 ** 40 + 5]) {
        addon!.blasSetThreads(1);
        const want = gemmProduct(perBlock, X, W, batch, rows, cols, offset);
        for (const threads of [1, 2]) {
          addon!.blasSetThreads(threads);
          const filled: number[] = [];
          const fill = (b: number, take: number, into: Float32Array) => {
            filled.push(b, take);
            into.set(X.subarray(b * cols, (b + take) * cols));
          };
          let scratch = new Float32Array(0);
          const grow = (n: number) => (scratch = new Float32Array(n).fill(NaN));
          // One gemm per block is thread-invariant only at one thread (OpenBLAS splits it).
          for (const kernels of threads === 1 ? [openblas!, perBlock] : [openblas!]) {
            filled.length = 0;
            const out = new Float32Array(batch * rows).fill(NaN);
            gemmProductByChunks(kernels, fill, grow, W, batch, rows, cols, offset, out);
            const where = `${kernels.name} ${rows}x${cols} offset ${offset} ${threads} thread(s)`;
            expect(
              out.findIndex((v, i) => !Object.is(v, want[i])),
              where,
            ).toBe(-1);
            // Every row filled once, in order, in chunks no longer than the scratch.
            for (let k = 0, b = 0; k < filled.length; k += 2) {
              expect(filled[k], where).toBe(b);
              expect(filled[k + 1]! * cols, where).toBeLessThanOrEqual(scratch.length);
              b += filled[k + 1]!;
              if (k + 2 === filled.length) expect(b, where).toBe(batch);
            }
          }
        }
      }
    }
  });

  it('leaves the thread count as it was, and refuses arrays that are too short', () => {
    addon!.blasSetThreads(2);
    const X = new Float32Array(200 * 8);
    const W = new Float32Array(4 * 8);
    gemmProduct(openblas!, X, W, 200, 4, 8, 0);
    // blasOpen on an open library only reports it, with OpenBLAS's current thread count.
    expect(addon!.blasOpen([]).threads).toBe(2);
    expect(() => gemmProduct(openblas!, X.subarray(0, 100), W, 200, 4, 8, 0)).toThrow(RangeError);
    expect(() => gemmProduct(openblas!, X, W, 200, 4, 8, 0, new Float32Array(10))).toThrow(
      RangeError,
    );
  });

  it('a noisy SimDevice gives the same bits at 1 and 2 threads, also per source', async () => {
    const rows = 40;
    const cols = 300;
    const batch = 256;
    const next = lcg(7);
    const W = Float32Array.from({ length: rows * cols }, () => next() * 0.3);
    const X = Float32Array.from({ length: batch * cols }, next);
    // Every element its own source but two columns share one (copies of equal values).
    const src = Int32Array.from({ length: batch * cols }, (_, i) => (i % cols === 1 ? i - 1 : i));
    for (let b = 0; b < batch; b++) X[b * cols + 1] = X[b * cols]!;
    const prof = paperProfile({ p: 16, ep: 0.5, rows, cols, maxBatch: batch, seed: 5 });
    const run = async (threads: number, kernels: Kernels) => {
      addon!.blasSetThreads(threads);
      const d = new SimDevice(prof, { kernels });
      await d.program(0, W, rows, cols);
      const a = await d.matmul(0, X, batch, { draw: 1, rowOffset: 3 });
      const b = await d.matmul(0, X, batch, {
        draw: 2,
        rowOffset: 0,
        inputSource: src,
        sourceOffset: 0,
      });
      return [...a, ...b];
    };
    const want = await run(1, perBlock);
    expect(await run(1, openblas!)).toEqual(want);
    expect(await run(2, openblas!)).toEqual(want);
  });
});
