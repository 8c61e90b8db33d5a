/**
 * The parts of the gemm contract every provider shares, kept in one place so that all
 * providers reject the same bad calls with the same messages and treat beta the same way.
 */

/** Throws a RangeError naming the bad argument; providers call it before touching memory. */
export function checkGemmArgs(
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
): void {
  for (const [name, v] of [
    ['M', M],
    ['N', N],
    ['K', K],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(`gemm: ${name} must be a non-negative integer, got ${v}`);
    }
  }
  // Arrays may be longer than needed (views into bigger buffers); never shorter.
  if (A.length < M * K) {
    const shape = transA ? `${K}x${M}` : `${M}x${K}`;
    throw new RangeError(`gemm: A (${shape}) needs ${M * K} elements, has ${A.length}`);
  }
  if (B.length < K * N) {
    const shape = transB ? `${N}x${K}` : `${K}x${N}`;
    throw new RangeError(`gemm: B (${shape}) needs ${K * N} elements, has ${B.length}`);
  }
  if (C.length < M * N) {
    throw new RangeError(`gemm: C (${M}x${N}) needs ${M * N} elements, has ${C.length}`);
  }
}

/**
 * C[0..n) *= beta, with BLAS's rule that beta = 0 overwrites (so NaN or garbage in an
 * uninitialised output never leaks into the result).
 */
export function applyBeta(C: Float32Array, n: number, beta: number): void {
  if (beta === 1) return;
  if (beta === 0) {
    C.fill(0, 0, n);
    return;
  }
  for (let i = 0; i < n; i++) C[i] *= beta;
}

/**
 * C = alpha * P + beta * C over the first n elements, for providers that compute the plain
 * product P elsewhere (tfjs) and finish on the host.
 */
export function combineProduct(
  C: Float32Array,
  P: ArrayLike<number>,
  n: number,
  alpha: number,
  beta: number,
): void {
  if (beta === 0) {
    if (alpha === 1) {
      for (let i = 0; i < n; i++) C[i] = P[i];
    } else {
      for (let i = 0; i < n; i++) C[i] = alpha * P[i];
    }
  } else {
    for (let i = 0; i < n; i++) C[i] = alpha * P[i] + beta * C[i];
  }
}
