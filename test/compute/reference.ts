/**
 * Independent references for the compute tests: a seeded generator, the textbook triple-loop
 * gemm in float64, and a tolerance that scales with the terms summed (so a product whose
 * result cancels to ~0 is still judged fairly).
 */

/** A small seeded generator (LCG + xorshift output); uniform in [-1, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    let t = s ^ (s >>> 15);
    t = Math.imul(t, 0x2c1b3c6d) >>> 0;
    t ^= t >>> 12;
    return (t >>> 0) / 2 ** 31 - 1;
  };
}

export function randomArray(n: number, next: () => number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = next();
  return a;
}

export function randomInt(next: () => number, lo: number, hi: number): number {
  return lo + Math.floor(((next() + 1) / 2) * (hi - lo + 1));
}

/**
 * C = alpha op(A) op(B) + beta C in float64, straight from the definition, with the
 * magnitude bound |alpha| sum|a b| + |beta c| for every element (beta = 0 ignores C).
 */
export function naiveGemm(
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  alpha: number,
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  beta: number,
  C: ArrayLike<number>,
): { value: Float64Array; bound: Float64Array } {
  const value = new Float64Array(M * N);
  const bound = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      let m = 0;
      for (let k = 0; k < K; k++) {
        const a = transA ? A[k * M + i] : A[i * K + k];
        const b = transB ? B[j * K + k] : B[k * N + j];
        s += a * b;
        m += Math.abs(a * b);
      }
      const c = beta === 0 ? 0 : beta * C[i * N + j];
      value[i * N + j] = alpha * s + c;
      bound[i * N + j] = Math.abs(alpha) * m + Math.abs(c);
    }
  }
  return { value, bound };
}

/** The index and size of the worst violation of |got - want| <= tol * bound, or null. */
export function worstError(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  bound: ArrayLike<number>,
  tol: number,
): string | null {
  let worst: string | null = null;
  let worstRatio = 1;
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    const allowed = tol * bound[i] + 1e-30;
    if (!(err <= allowed) && (worst === null || err / allowed > worstRatio)) {
      worstRatio = err / allowed;
      worst = `element ${i}: got ${got[i]}, want ${want[i]} (allowed error ${allowed})`;
    }
  }
  return worst;
}

/** Shapes [M, N, K] that cover vectors, odd sizes, block fringes and more than one k block. */
export const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 37, 9],
  [23, 1, 9],
  [1, 1, 64],
  [17, 33, 5],
  [5, 17, 33],
  [4, 4, 4],
  [8, 12, 1],
  [9, 130, 7],
  [31, 29, 300],
  [64, 70, 129],
];

/** [alpha, beta] pairs: plain product, accumulate, general, alpha = 0, beta = 0 over NaN. */
export const SCALARS: [number, number][] = [
  [1, 0],
  [1, 1],
  [0.7, -1.3],
  [-2, 0.5],
  [0, 0.5],
];

export const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];
