import { describe, expect, it } from 'vitest';
import { gemmJs, jsKernels } from '../../src/compute/js-kernels.js';
import {
  SCALARS,
  SHAPES,
  TRANSPOSES,
  naiveGemm,
  randomArray,
  randomInt,
  rng,
  worstError,
} from './reference.js';

/** float32 inputs, float64 reference: the only error is float32 rounding of the sums. */
const TOL = 1e-5;

describe('gemmJs against the float64 triple loop', () => {
  for (const [M, N, K] of SHAPES) {
    for (const [tA, tB] of TRANSPOSES) {
      it(`${M}x${N}x${K} transA=${tA} transB=${tB}`, () => {
        const next = rng(M * 1000 + N * 100 + K + (tA ? 7 : 0) + (tB ? 13 : 0));
        const A = randomArray(M * K, next);
        const B = randomArray(K * N, next);
        for (const [alpha, beta] of SCALARS) {
          const C0 = randomArray(M * N, next);
          const C = C0.slice();
          gemmJs(tA, tB, M, N, K, alpha, A, B, beta, C);
          const ref = naiveGemm(tA, tB, M, N, K, alpha, A, B, beta, C0);
          expect(
            worstError(C, ref.value, ref.bound, TOL),
            `alpha=${alpha} beta=${beta}`,
          ).toBeNull();
        }
      });
    }
  }

  it('random shapes', () => {
    const next = rng(99);
    for (let t = 0; t < 40; t++) {
      const M = randomInt(next, 1, 40);
      const N = randomInt(next, 1, 40);
      const K = randomInt(next, 1, 40);
      const tA = next() > 0;
      const tB = next() > 0;
      const A = randomArray(M * K, next);
      const B = randomArray(K * N, next);
      const C0 = randomArray(M * N, next);
      const C = C0.slice();
      gemmJs(tA, tB, M, N, K, 1.5, A, B, -0.25, C);
      const ref = naiveGemm(tA, tB, M, N, K, 1.5, A, B, -0.25, C0);
      expect(worstError(C, ref.value, ref.bound, TOL), `${M}x${N}x${K} ${tA} ${tB}`).toBeNull();
    }
  });

  it('beta = 0 ignores NaN and Infinity in C', () => {
    const next = rng(5);
    for (const [M, N, K] of [
      [2, 3, 4],
      [1, 9, 3],
      [12, 12, 12],
    ]) {
      const A = randomArray(M * K, next);
      const B = randomArray(K * N, next);
      const C = new Float32Array(M * N).fill(NaN);
      C[0] = Infinity;
      gemmJs(false, false, M, N, K, 1, A, B, 0, C);
      expect(C.every(Number.isFinite)).toBe(true);
    }
  });

  it('alpha = 0 scales C and never reads A or B (NaN there does not leak)', () => {
    const A = new Float32Array(6).fill(NaN);
    const B = new Float32Array(6).fill(NaN);
    const C = Float32Array.from([1, 2, 3, 4]);
    gemmJs(false, false, 2, 2, 3, 0, A, B, 2, C);
    expect([...C]).toEqual([2, 4, 6, 8]);
  });

  it('K = 0 gives beta * C; M = 0 or N = 0 touches nothing', () => {
    const C = Float32Array.from([1, 2]);
    gemmJs(false, false, 1, 2, 0, 1, new Float32Array(0), new Float32Array(0), 3, C);
    expect([...C]).toEqual([3, 6]);
    const D = Float32Array.from([5]);
    gemmJs(true, true, 0, 1, 3, 1, new Float32Array(0), new Float32Array(3), 0, D);
    expect([...D]).toEqual([5]);
  });

  it('accepts longer arrays (views) and uses only the leading elements', () => {
    const A = Float32Array.from([1, 2, 99]);
    const B = Float32Array.from([3, 4, 99]);
    const C = Float32Array.from([0, 42]);
    jsKernels.gemm(false, false, 1, 1, 2, 1, A, B, 0, C);
    expect([...C]).toEqual([11, 42]);
  });

  it('rejects bad sizes with a message naming the argument', () => {
    const z = new Float32Array(4);
    expect(() => gemmJs(false, false, 2, 2, 2, 1, new Float32Array(3), z, 0, z)).toThrow(
      /A \(2x2\)/,
    );
    expect(() => gemmJs(false, true, 2, 3, 2, 1, z, z, 0, new Float32Array(6))).toThrow(
      /B \(3x2\)/,
    );
    expect(() => gemmJs(false, false, 2, 2, 2, 1, z, z, 0, new Float32Array(3))).toThrow(
      /C \(2x2\)/,
    );
    expect(() => gemmJs(false, false, -1, 2, 2, 1, z, z, 0, z)).toThrow(/M must be/);
    expect(() => gemmJs(false, false, 1.5, 2, 2, 1, z, z, 0, z)).toThrow(/M must be/);
  });

  it('is named "js"', () => {
    expect(jsKernels.name).toBe('js');
  });
});
