/**
 * The analog product itself, Y = X W^T on one tile: X batch x cols, W rows x cols (both
 * row-major), Y batch x rows, O(batch * rows * cols).
 *
 * Every dot product is summed in float64 (JS numbers) strictly in column order c = 0..cols-1,
 * so each output is the same whatever the blocking below or the batch it came in. The loops are
 * blocked 2 inputs x 4 outputs, so each loaded value is used several times (about 2-3x faster
 * than the plain triple loop in V8).
 */
export function tileProduct(
  X: Float32Array,
  W: Float32Array,
  batch: number,
  rows: number,
  cols: number,
  out: Float64Array = new Float64Array(batch * rows),
): Float64Array {
  let b = 0;
  for (; b + 1 < batch; b += 2) {
    const x0 = b * cols;
    const x1 = x0 + cols;
    const y0 = b * rows;
    const y1 = y0 + rows;
    let r = 0;
    for (; r + 3 < rows; r += 4) {
      const w0 = r * cols;
      const w1 = w0 + cols;
      const w2 = w1 + cols;
      const w3 = w2 + cols;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0; // prettier-ignore
      for (let c = 0; c < cols; c++) {
        const u = X[x0 + c]!;
        const v = X[x1 + c]!;
        const p0 = W[w0 + c]!;
        const p1 = W[w1 + c]!;
        const p2 = W[w2 + c]!;
        const p3 = W[w3 + c]!;
        a0 += u * p0;
        a1 += u * p1;
        a2 += u * p2;
        a3 += u * p3;
        b0 += v * p0;
        b1 += v * p1;
        b2 += v * p2;
        b3 += v * p3;
      }
      out[y0 + r] = a0;
      out[y0 + r + 1] = a1;
      out[y0 + r + 2] = a2;
      out[y0 + r + 3] = a3;
      out[y1 + r] = b0;
      out[y1 + r + 1] = b1;
      out[y1 + r + 2] = b2;
      out[y1 + r + 3] = b3;
    }
    for (; r < rows; r++) {
      out[y0 + r] = dot(X, x0, W, r * cols, cols);
      out[y1 + r] = dot(X, x1, W, r * cols, cols);
    }
  }
  for (; b < batch; b++) {
    for (let r = 0; r < rows; r++) out[b * rows + r] = dot(X, b * cols, W, r * cols, cols);
  }
  return out;
}

function dot(X: Float32Array, xo: number, W: Float32Array, wo: number, n: number): number {
  let s = 0;
  for (let c = 0; c < n; c++) s += X[xo + c]! * W[wo + c]!;
  return s;
}
