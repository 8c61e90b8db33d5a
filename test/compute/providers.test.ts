/**
 * Every registered provider that loads on this machine must agree with the JS reference
 * (itself checked against the float64 triple loop in js-kernels.test.ts). Providers that do
 * not load are listed as skipped with their reason.
 */
import { describe, expect, it } from 'vitest';
import type { Kernels } from '../../src/compute/kernels.js';
import { gemmJs } from '../../src/compute/js-kernels.js';
import { listKernelsProviders } from '../../src/compute/registry.js';
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

/** The tolerance, relative to the magnitude of the summed terms. */
const TOL = 1e-4;

const loaded: Kernels[] = [];
const failed: { name: string; reason: string }[] = [];
for (const p of listKernelsProviders()) {
  try {
    loaded.push(await p.load());
  } catch (e) {
    failed.push({ name: p.name, reason: e instanceof Error ? e.message : String(e) });
  }
}

/** Runs one product on `kernels` and on the reference from the same inputs; null when they agree. */
function compare(
  kernels: Kernels,
  tA: boolean,
  tB: boolean,
  M: number,
  N: number,
  K: number,
  alpha: number,
  beta: number,
  next: () => number,
  poisonC = false,
): string | null {
  const A = randomArray(M * K, next);
  const B = randomArray(K * N, next);
  const C0 = poisonC ? new Float32Array(M * N).fill(NaN) : randomArray(M * N, next);
  const got = C0.slice();
  kernels.gemm(tA, tB, M, N, K, alpha, A, B, beta, got);
  const want = C0.slice();
  gemmJs(tA, tB, M, N, K, alpha, A, B, beta, want);
  // The bound comes from the float64 definition; the values compared are the JS reference's.
  const { bound } = naiveGemm(tA, tB, M, N, K, alpha, A, B, beta, C0);
  return worstError(got, want, bound, TOL);
}

it('the JS reference always loads', () => {
  expect(loaded.map((k) => k.name)).toContain('js');
});

for (const { name, reason } of failed) {
  it.skip(`${name} does not load here: ${reason}`, () => {});
}

for (const kernels of loaded) {
  describe(`provider ${kernels.name} against the JS reference`, () => {
    for (const [M, N, K] of SHAPES) {
      for (const [tA, tB] of TRANSPOSES) {
        it(`${M}x${N}x${K} transA=${tA} transB=${tB}`, () => {
          const next = rng(M * 7919 + N * 31 + K + (tA ? 1 : 0) + (tB ? 2 : 0));
          for (const [alpha, beta] of SCALARS) {
            expect(
              compare(kernels, tA, tB, M, N, K, alpha, beta, next),
              `${alpha}/${beta}`,
            ).toBeNull();
          }
        });
      }
    }

    it('beta = 0 over a C full of NaN', () => {
      const next = rng(3);
      for (const [tA, tB] of TRANSPOSES) {
        expect(compare(kernels, tA, tB, 17, 33, 5, 1, 0, next, true)).toBeNull();
        expect(compare(kernels, tA, tB, 1, 9, 4, -0.5, 0, next, true)).toBeNull();
      }
    });

    it('random shapes, transposes and scalars', () => {
      const next = rng(2024);
      for (let t = 0; t < 30; t++) {
        const M = randomInt(next, 1, 48);
        const N = randomInt(next, 1, 48);
        const K = randomInt(next, 1, 48);
        const tA = next() > 0;
        const tB = next() > 0;
        const alpha = Math.round(next() * 300) / 100;
        const beta = t % 3 === 0 ? 0 : Math.round(next() * 300) / 100;
        const err = compare(kernels, tA, tB, M, N, K, alpha, beta, next);
        expect(err, `${M}x${N}x${K} tA=${tA} tB=${tB} alpha=${alpha} beta=${beta}`).toBeNull();
      }
    });

    it('leaves the elements of C past M*N untouched', () => {
      const C = new Float32Array(5).fill(7);
      kernels.gemm(
        false,
        false,
        2,
        2,
        1,
        1,
        Float32Array.from([1, 2]),
        Float32Array.from([3, 4]),
        0,
        C,
      );
      expect([...C]).toEqual([3, 4, 6, 8, 7]);
    });

    it('rejects a too-short operand', () => {
      const z = new Float32Array(4);
      expect(() => kernels.gemm(false, false, 2, 2, 2, 1, new Float32Array(3), z, 0, z)).toThrow(
        RangeError,
      );
    });
  });
}
