import type { Kernels } from '../src/compute/kernels.js';

/**
 * The analog product itself, Y = X W^T on one tile: X batch x cols, W rows x cols (both
 * row-major), Y batch x rows, O(batch * rows * cols). Two versions: tileProduct, exact float64
 * sums in plain JS (~2-3 GFLOP/s; the ideal device and `product: 'float64'` use it), and
 * gemmProduct, float32 through the Kernels provider (~60-90 GFLOP/s with OpenBLAS).
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

/**
 * Rows of X per gemm call for a rows x cols tile: a power of two in [64, 512], larger for small
 * tiles so that each call has enough work to hide its fixed cost (measured with OpenBLAS: 64
 * rows reach ~85-95% of the best rate on the MLP's tiles, and small tiles need more).
 */
export function productBlockRows(rows: number, cols: number): number {
  const want = (1 << 18) / Math.max(1, rows * cols);
  let mb = 64;
  while (mb < want && mb < 512) mb *= 2;
  return mb;
}

/** Scratch for partial blocks, reused between calls. */
let scratchX = new Float32Array(0);
let scratchY = new Float32Array(0);

/**
 * Y = X W^T as float32 gemms through `kernels`, chunk-invariant: the output of a row depends
 * only on that row of X, W and its global row index (rowOffset + b), never on the batch it came
 * in. Optimised BLAS libraries do not give that by themselves: OpenBLAS picks different code
 * paths (small-matrix kernels, edge kernels for leftover rows) by the shape of the call, and
 * the last bits of a row's sums change with them (measured: up to a third of the outputs
 * differ between batch sizes). So every call has the same shape, `blockRows` rows, aligned to
 * multiples of `blockRows` of the global row index so that each row always sits at the same
 * position of its block; a partial block is padded with zero rows. The result is then
 * bit-reproducible for a given provider (and thread count) however the batch is cut.
 *
 * A provider with `blockedProduct` (openblas) runs the blocks itself, each as a one-thread gemm,
 * side by side on the intra-op threads: the bits are then those of one thread whatever the
 * thread count (OpenBLAS's own split of these small products costs more than it saves). Other
 * providers get one kernels.gemm call per block.
 */
export function gemmProduct(
  kernels: Kernels,
  X: Float32Array,
  W: Float32Array,
  batch: number,
  rows: number,
  cols: number,
  rowOffset = 0,
  out: Float32Array = new Float32Array(batch * rows),
  blockRows: number = productBlockRows(rows, cols),
): Float32Array {
  const mb = blockRows;
  if (kernels.blockedProduct) {
    kernels.blockedProduct(X, W, batch, rows, cols, rowOffset, mb, out);
    return out;
  }
  let b = 0;
  while (b < batch) {
    const pos = (rowOffset + b) % mb;
    const take = Math.min(mb - pos, batch - b);
    if (pos === 0 && take === mb) {
      const x = X.subarray(b * cols, (b + mb) * cols);
      kernels.gemm(
        false,
        true,
        mb,
        rows,
        cols,
        1,
        x,
        W,
        0,
        out.subarray(b * rows, (b + mb) * rows),
      );
    } else {
      if (scratchX.length < mb * cols) scratchX = new Float32Array(mb * cols);
      if (scratchY.length < mb * rows) scratchY = new Float32Array(mb * rows);
      const xs = scratchX.subarray(0, mb * cols);
      xs.fill(0);
      xs.set(X.subarray(b * cols, (b + take) * cols), pos * cols);
      const ys = scratchY.subarray(0, mb * rows);
      kernels.gemm(false, true, mb, rows, cols, 1, xs, W, 0, ys);
      out.set(ys.subarray(pos * rows, (pos + take) * rows), b * rows);
    }
    b += take;
  }
  return out;
}

/**
 * Floats of X per chunk of gemmProductByChunks at one thread (256 KiB): a chunk's rows are
 * written just before its blocks' gemms read them, so they are still in L2 (measured on the
 * ConvNet's convs: 8-15% less than filling the whole X, 4 MiB, then running the product over
 * it). With threads sharing the blocks, waking them for every such chunk cost more than they
 * saved: the ConvNet's device products took longer at two threads than at one (1250-1300 against
 * 1215-1350 ms per run). Chunks of 2 x threads times that took 770-900 ms (2x 870-1010, 8x 860,
 * 16x 820).
 */
const FILL_CHUNK_FLOATS = 1 << 16;

/**
 * gemmProduct of an X that `fill` writes chunk by chunk: fill(b, take, into) puts rows
 * [b, b + take) of X into `into` (take x cols). The chunks are whole blocks, aligned to the
 * global row index like the blocks, and gemmProduct gives the same bits for any split of the
 * batch, so the result is bit-identical to filling X whole and calling gemmProduct once.
 * `scratch` holds one chunk (grown and returned by `grow`).
 */
export function gemmProductByChunks(
  kernels: Kernels,
  fill: (b: number, take: number, into: Float32Array) => void,
  grow: (n: number) => Float32Array,
  W: Float32Array,
  batch: number,
  rows: number,
  cols: number,
  rowOffset: number,
  out: Float32Array,
  blockRows: number = productBlockRows(rows, cols),
): Float32Array {
  // At least two blocks per chunk; with threads, 2 x threads times that (see FILL_CHUNK_FLOATS).
  const width = Math.max(1, kernels.blockedProductWidth?.() ?? 1);
  const per =
    Math.max(2, Math.floor(FILL_CHUNK_FLOATS / (blockRows * cols))) *
    (width > 1 ? 2 * width : 1) *
    blockRows;
  const xs = grow(Math.min(per, batch) * cols);
  let b = 0;
  while (b < batch) {
    const take = Math.min(per - ((rowOffset + b) % per), batch - b);
    const x = xs.subarray(0, take * cols);
    fill(b, take, x);
    gemmProduct(
      kernels,
      x,
      W,
      take,
      rows,
      cols,
      rowOffset + b,
      out.subarray(b * rows, (b + take) * rows),
      blockRows,
    );
    b += take;
  }
  return out;
}
