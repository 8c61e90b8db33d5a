/**
 * The small host-side loops the layers need around their products (bias add and its
 * gradient, SGD-style updates, transposes). All work in place on row-major Float32Array
 * and return the array they wrote, so calls can be chained or their result passed on.
 */

import { hostAddon } from './host-addon.js';

/** Below this many elements the JS loops win (a native call costs about a microsecond). */
const NATIVE_MIN = 4096;

function need(name: string, arr: ArrayLike<number>, n: number): void {
  if (arr.length < n) throw new RangeError(`${name} needs ${n} elements, has ${arr.length}`);
}

/** Y[r, c] += bias[c] for a rows x cols matrix Y: a dense layer's bias over the batch. */
export function addRowVector(
  Y: Float32Array,
  bias: Float32Array,
  rows: number,
  cols: number,
): Float32Array {
  need('addRowVector: Y', Y, rows * cols);
  need('addRowVector: bias', bias, cols);
  const host = rows * cols >= NATIVE_MIN ? hostAddon() : undefined;
  if (host) {
    host.hostAddRowVector(Y, bias, rows, cols);
    return Y;
  }
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    for (let c = 0; c < cols; c++) Y[o + c] += bias[c];
  }
  return Y;
}

/**
 * out[c] += sum over r of dY[r, c]: the bias gradient. It accumulates (does not overwrite)
 * because gradients of a shared parameter add up over calls; zero `out` first for a plain sum.
 * The sum runs in float64 so a long batch does not lose small contributions.
 */
export function sumRows(
  dY: Float32Array,
  rows: number,
  cols: number,
  out: Float32Array,
): Float32Array {
  need('sumRows: dY', dY, rows * cols);
  need('sumRows: out', out, cols);
  const host = rows * cols >= NATIVE_MIN ? hostAddon() : undefined;
  if (host) {
    host.hostSumRows(dY, rows, cols, out);
    return out;
  }
  const acc = new Float64Array(cols);
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    for (let c = 0; c < cols; c++) acc[c] += dY[o + c];
  }
  for (let c = 0; c < cols; c++) out[c] += acc[c];
  return out;
}

/** y += alpha * x over x.length elements (BLAS axpy). */
export function axpy(alpha: number, x: Float32Array, y: Float32Array): Float32Array {
  need('axpy: y', y, x.length);
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
  return y;
}

/** x *= a in place. */
export function scale(x: Float32Array, a: number): Float32Array {
  for (let i = 0; i < x.length; i++) x[i] *= a;
  return x;
}

/** Tile edge for the transpose: two 32x32 float tiles fit in L1 with room to spare. */
const TILE = 32;

/**
 * out (cols x rows) = A^T for a rows x cols matrix A. Walks square tiles so that both the
 * reads and the writes stay in cache; a naive loop strides through memory on one side.
 * `out` must not alias A.
 */
export function transpose(
  A: Float32Array,
  rows: number,
  cols: number,
  out: Float32Array = new Float32Array(rows * cols),
): Float32Array {
  need('transpose: A', A, rows * cols);
  need('transpose: out', out, rows * cols);
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++) {
        const src = r * cols;
        for (let c = c0; c < c1; c++) out[c * rows + r] = A[src + c];
      }
    }
  }
  return out;
}
