/**
 * The small dense linear algebra the fits need: weighted least squares through the normal
 * equations, solved by Cholesky. The systems are tiny (a few to a few hundred unknowns), so
 * clarity wins over speed; a diagonal jitter rescues nearly singular designs instead of failing.
 */

/** Cholesky factor L (row-major n x n, lower) of a symmetric positive definite A, or undefined. */
function cholesky(A: Float64Array, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j]!;
    }
  }
  return L;
}

function factor(A: Float64Array, n: number): Float64Array {
  let L = cholesky(A, n);
  if (L) return L;
  // Nearly singular: add a jitter relative to the diagonal until it factors.
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(A[i * n + i]!));
  for (let eps = 1e-12; eps <= 1; eps *= 100) {
    const B = Float64Array.from(A);
    for (let i = 0; i < n; i++) B[i * n + i] += eps * (scale || 1);
    L = cholesky(B, n);
    if (L) return L;
  }
  throw new RangeError('linear system is singular: the measurements do not determine the fit');
}

function solveFactored(L: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * y[k]!;
    y[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

/** x with A x = b for a symmetric positive (semi)definite A (row-major n x n). */
export function solveSymmetric(A: Float64Array, b: Float64Array, n: number): Float64Array {
  return solveFactored(factor(A, n), n, b);
}

/** A^-1 for a symmetric positive (semi)definite A (row-major n x n). */
export function invertSymmetric(A: Float64Array, n: number): Float64Array {
  const L = factor(A, n);
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = solveFactored(L, n, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}

export interface LeastSquares {
  /** The coefficients. */
  beta: Float64Array;
  /** (X^T W X)^-1: the coefficients' covariance when the weights are 1 / variance. */
  cov: Float64Array;
  /** Weighted sum of squared residuals. */
  sse: number;
  /** Observations minus coefficients. */
  dof: number;
  /** Fitted values. */
  fitted: Float64Array;
}

/**
 * Weighted least squares: minimise sum_i w_i (y_i - X_i beta)^2 for a design X (m rows of k
 * columns, row-major). Weights default to 1.
 */
export function leastSquares(
  X: Float64Array,
  y: ArrayLike<number>,
  k: number,
  w?: ArrayLike<number>,
): LeastSquares {
  const m = y.length;
  if (X.length !== m * k)
    throw new RangeError(`leastSquares: X has ${X.length} values, expected ${m} x ${k}`);
  const A = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    const wi = w ? w[i]! : 1;
    if (wi === 0) continue;
    const o = i * k;
    for (let a = 0; a < k; a++) {
      const xa = X[o + a]! * wi;
      b[a] += xa * y[i]!;
      for (let c = 0; c <= a; c++) A[a * k + c] += xa * X[o + c]!;
    }
  }
  for (let a = 0; a < k; a++) for (let c = 0; c < a; c++) A[c * k + a] = A[a * k + c]!;
  const cov = invertSymmetric(A, k);
  const beta = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += cov[a * k + c]! * b[c]!;
    beta[a] = s;
  }
  const fitted = new Float64Array(m);
  let sse = 0;
  let used = 0;
  for (let i = 0; i < m; i++) {
    let f = 0;
    for (let a = 0; a < k; a++) f += X[i * k + a]! * beta[a]!;
    fitted[i] = f;
    const wi = w ? w[i]! : 1;
    if (wi === 0) continue;
    used++;
    sse += wi * (y[i]! - f) ** 2;
  }
  return { beta, cov, sse, dof: used - k, fitted };
}
