/**
 * im2col / col2im: 2-D convolution as a matrix product, so that convolutions use the same
 * gemm seam (and the same analog device) as dense layers.
 *
 * Layout, for ONE image x of C x H x W (row-major, "CHW"):
 *   cols is a (C*kh*kw) x (outH*outW) row-major matrix;
 *   row    (c*kh + ky)*kw + kx   (rows ordered c, then ky, then kx),
 *   column oy*outW + ox          (columns ordered oy, then ox),
 *   cols[row, col] = x[c, oy*sh - ph + ky*dh, ox*sw - pw + kx*dw], or 0 where that is padding.
 * With weights stored as F x (C*kh*kw) (PyTorch's F x C x kh x kw flattened), the convolution
 * is Y (F x outH*outW) = Wmat * cols, already in CHW order for the next layer.
 */

import { hostAddon, type HostFunctions } from './host-addon.js';

/** One number for both axes, or [height, width]. */
export type Pair = number | readonly [number, number];

export interface Conv2dOptions {
  /** Step between output positions; default 1. */
  stride?: Pair;
  /** Zeros added on each side of the input; default 0. */
  padding?: Pair;
  /** Spacing between kernel taps (1 = contiguous); default 1. */
  dilation?: Pair;
}

/** Geometry with every pair resolved, for callers that loop over a batch. */
export interface Conv2dGeometry {
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  dh: number;
  dw: number;
  outH: number;
  outW: number;
}

function pair(name: string, v: Pair | undefined, dflt: number, min: number): [number, number] {
  const [h, w] = v === undefined ? [dflt, dflt] : typeof v === 'number' ? [v, v] : v;
  for (const x of [h, w]) {
    if (!Number.isInteger(x) || x < min) {
      throw new RangeError(`conv2d: ${name} must be integers >= ${min}, got ${String(v)}`);
    }
  }
  return [h, w];
}

/** Output length along one axis: floor((n + 2p - d(k-1) - 1) / s) + 1. */
export function convOutputLength(
  n: number,
  k: number,
  stride = 1,
  padding = 0,
  dilation = 1,
): number {
  return Math.floor((n + 2 * padding - dilation * (k - 1) - 1) / stride) + 1;
}

/** Resolves the options and checks that the kernel fits; throws a RangeError otherwise. */
export function convGeometry(
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
): Conv2dGeometry {
  for (const [name, v] of [
    ['H', H],
    ['W', W],
    ['kh', kh],
    ['kw', kw],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`conv2d: ${name} must be a positive integer, got ${v}`);
    }
  }
  const [sh, sw] = pair('stride', opts.stride, 1, 1);
  const [ph, pw] = pair('padding', opts.padding, 0, 0);
  const [dh, dw] = pair('dilation', opts.dilation, 1, 1);
  const outH = convOutputLength(H, kh, sh, ph, dh);
  const outW = convOutputLength(W, kw, sw, pw, dw);
  if (outH < 1 || outW < 1) {
    throw new RangeError(
      `conv2d: a ${kh}x${kw} kernel (dilation ${dh}x${dw}) does not fit a ${H}x${W} input ` +
        `padded by ${ph}x${pw}`,
    );
  }
  return { sh, sw, ph, pw, dh, dw, outH, outW };
}

/** [outH, outW] of a convolution over an H x W input. */
export function convOutputSize(
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
): [number, number] {
  const g = convGeometry(H, W, kh, kw, opts);
  return [g.outH, g.outW];
}

/** The output columns ox in [lo, hi) whose input column ox*s - p + off lies inside [0, W). */
function validRange(W: number, outW: number, s: number, p: number, off: number): [number, number] {
  // ix = ox*s + base >= 0  and  ix <= W - 1
  const base = off - p;
  const lo = Math.max(0, Math.ceil(-base / s));
  const hi = Math.min(outW, Math.floor((W - 1 - base) / s) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * Below this many column-matrix elements the JS loops win (a native call costs about a
 * microsecond). Above it the addon's loops (memcpy for the runs) are 4-10x faster.
 */
const NATIVE_MIN = 4096;
let nativeAllowed = true;

/** Turns the native unfolding off (or back on) for this process; returns the previous setting. */
export function setNativeUnfold(enabled: boolean): boolean {
  const was = nativeAllowed;
  nativeAllowed = enabled;
  return was;
}

type Unfold = HostFunctions['convUnfoldPar'];

/**
 * The addon's unfolding (host.c's convUnfoldPar, parallel over the intra-op threads) when it is
 * built, allowed, and the work is large enough. Bit-identical to the loops below.
 */
function nativeUnfold(elements: number): Unfold | undefined {
  if (!nativeAllowed || elements < NATIVE_MIN) return undefined;
  const host = hostAddon();
  return host ? host.convUnfoldPar.bind(host) : undefined;
}

function geoArray(
  n: number,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  g: Conv2dGeometry,
): Int32Array {
  return Int32Array.of(n, C, H, W, kh, kw, g.sh, g.sw, g.ph, g.pw, g.dh, g.dw);
}

/** validRange's lo and hi for every kx, flattened [lo0, hi0, lo1, hi1, ...] (once per call). */
function validRanges(W: number, kw: number, g: Conv2dGeometry): Int32Array {
  const r = new Int32Array(2 * kw);
  for (let kx = 0; kx < kw; kx++) {
    const [lo, hi] = validRange(W, g.outW, g.sw, g.pw, kx * g.dw);
    r[2 * kx] = lo;
    r[2 * kx + 1] = hi;
  }
  return r;
}

/**
 * The unfold loop shared by im2col and im2colBatch: image x[xo ..] into rows of `cols` with
 * leading dimension ld, starting at column co. Explicit loops rather than fill() for the padding:
 * the runs are a few elements long, and a fill() call costs more than the stores it saves.
 */
function unfold(
  x: Float32Array,
  xo: number,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  g: Conv2dGeometry,
  ranges: Int32Array,
  cols: Float32Array,
  ld: number,
  co: number,
): void {
  const { sh, sw, ph, pw, dh, dw, outH, outW } = g;
  for (let c = 0; c < C; c++) {
    const xc = xo + c * H * W;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const row = ((c * kh + ky) * kw + kx) * ld + co;
        const lo = ranges[2 * kx]!;
        const hi = ranges[2 * kx + 1]!;
        for (let oy = 0; oy < outH; oy++) {
          const o = row + oy * outW;
          const iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= H) {
            for (let ox = 0; ox < outW; ox++) cols[o + ox] = 0;
            continue;
          }
          for (let ox = 0; ox < lo; ox++) cols[o + ox] = 0;
          const src = xc + iy * W - pw + kx * dw;
          if (sw === 1) for (let ox = lo; ox < hi; ox++) cols[o + ox] = x[src + ox]!;
          else for (let ox = lo; ox < hi; ox++) cols[o + ox] = x[src + ox * sw]!;
          for (let ox = hi; ox < outW; ox++) cols[o + ox] = 0;
        }
      }
    }
  }
}

/** The adjoint of unfold: adds rows of `cols` (leading dimension ld, from column co) onto x[xo ..]. */
function fold(
  cols: Float32Array,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  g: Conv2dGeometry,
  ranges: Int32Array,
  ld: number,
  co: number,
  x: Float32Array,
  xo: number,
): void {
  const { sh, sw, ph, pw, dh, dw, outH, outW } = g;
  for (let c = 0; c < C; c++) {
    const xc = xo + c * H * W;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const row = ((c * kh + ky) * kw + kx) * ld + co;
        const lo = ranges[2 * kx]!;
        const hi = ranges[2 * kx + 1]!;
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= H) continue;
          const o = row + oy * outW;
          const dst = xc + iy * W - pw + kx * dw;
          if (sw === 1) for (let ox = lo; ox < hi; ox++) x[dst + ox] += cols[o + ox]!;
          else for (let ox = lo; ox < hi; ox++) x[dst + ox * sw] += cols[o + ox]!;
        }
      }
    }
  }
}

/**
 * Unfolds one C x H x W image into its (C*kh*kw) x (outH*outW) column matrix (layout in the
 * module comment). Writes every element of `out` (padding as 0) and returns it.
 */
export function im2col(
  x: Float32Array,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
  out?: Float32Array,
): Float32Array {
  const g = convGeometry(H, W, kh, kw, opts);
  const P = g.outH * g.outW;
  if (x.length < C * H * W) throw new RangeError(`im2col: x needs ${C * H * W} elements`);
  const cols = out ?? new Float32Array(C * kh * kw * P);
  if (cols.length < C * kh * kw * P) {
    throw new RangeError(`im2col: out needs ${C * kh * kw * P} elements, has ${cols.length}`);
  }
  const native = nativeUnfold(C * kh * kw * P);
  if (native) native(0, geoArray(1, C, H, W, kh, kw, g), x, cols);
  else unfold(x, 0, C, H, W, kh, kw, g, validRanges(W, kw, g), cols, P, 0);
  return cols;
}

/**
 * im2col of n images side by side: x holds n C x H x W images, the result is one
 * (C*kh*kw) x (n*outH*outW) matrix whose columns i*P .. (i+1)*P - 1 are image i's im2col
 * (P = outH*outW). One gemm with it convolves the whole batch: W (F x C*kh*kw) times it is
 * F x (n*P), and the gemm is large even where a single image's P is small (deep layers).
 */
export function im2colBatch(
  x: Float32Array,
  n: number,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
  out?: Float32Array,
): Float32Array {
  const g = convGeometry(H, W, kh, kw, opts);
  const P = g.outH * g.outW;
  const img = C * H * W;
  if (x.length < n * img) throw new RangeError(`im2colBatch: x needs ${n * img} elements`);
  const cols = out ?? new Float32Array(C * kh * kw * n * P);
  if (cols.length < C * kh * kw * n * P) {
    throw new RangeError(
      `im2colBatch: out needs ${C * kh * kw * n * P} elements, has ${cols.length}`,
    );
  }
  const native = nativeUnfold(C * kh * kw * n * P);
  if (native) {
    native(0, geoArray(n, C, H, W, kh, kw, g), x, cols);
    return cols;
  }
  const ranges = validRanges(W, kw, g);
  for (let i = 0; i < n; i++) unfold(x, i * img, C, H, W, kh, kw, g, ranges, cols, n * P, i * P);
  return cols;
}

/**
 * The patch rows of n images: an (n*outH*outW) x (C*kh*kw) matrix, row i*P + q holding image i's
 * patch at output position q (the transpose of im2col, per image). This is the X of a device
 * product Y = X W^T, whose rows are what a crossbar receives one at a time.
 */
export function im2row(
  x: Float32Array,
  n: number,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
  out?: Float32Array,
): Float32Array {
  const g = convGeometry(H, W, kh, kw, opts);
  const P = g.outH * g.outW;
  const K = C * kh * kw;
  const img = C * H * W;
  if (x.length < n * img) throw new RangeError(`im2row: x needs ${n * img} elements`);
  const X = out ?? new Float32Array(n * P * K);
  if (X.length < n * P * K)
    throw new RangeError(`im2row: out needs ${n * P * K} elements, has ${X.length}`);
  const native = nativeUnfold(n * P * K);
  if (native) {
    native(2, geoArray(n, C, H, W, kh, kw, g), x, X);
    return X;
  }
  patchRows(x, C, H, W, kh, kw, g, 0, n * P, X);
  return X;
}

/**
 * Rows [row0, row0 + count) of im2row(x) only, into out (count x C*kh*kw, from its start): the
 * same copies. A simulated device fills each chunk of its product this way from its converted
 * pixels (ProductContext.sourceRows) instead of reading a source map as large as X.
 */
export function im2rowRows(
  x: Float32Array,
  n: number,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions,
  row0: number,
  count: number,
  out: Float32Array,
): Float32Array {
  const g = convGeometry(H, W, kh, kw, opts);
  const P = g.outH * g.outW;
  const K = C * kh * kw;
  if (x.length < n * C * H * W)
    throw new RangeError(`im2rowRows: x needs ${n * C * H * W} elements`);
  if (
    !Number.isInteger(row0) ||
    !Number.isInteger(count) ||
    row0 < 0 ||
    count < 0 ||
    row0 + count > n * P
  )
    throw new RangeError(`im2rowRows: rows [${row0}, ${row0 + count}) outside 0..${n * P}`);
  if (out.length < count * K)
    throw new RangeError(`im2rowRows: out needs ${count * K} elements, has ${out.length}`);
  const host = nativeAllowed && count * K >= NATIVE_MIN ? hostAddon() : undefined;
  if (host) host.convRowsIn(geoArray(n, C, H, W, kh, kw, g), x, row0, count, out);
  else patchRows(x, C, H, W, kh, kw, g, row0, count, out);
  return out;
}

/** The loops of im2row for rows [row0, row0 + count), into X from its start. */
function patchRows(
  x: Float32Array,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  g: Conv2dGeometry,
  row0: number,
  count: number,
  X: Float32Array,
): void {
  const { sh, sw, ph, pw, dh, dw, outH, outW } = g;
  const P = outH * outW;
  const K = C * kh * kw;
  const img = C * H * W;
  for (let r = row0; r < row0 + count; r++) {
    const i = Math.floor(r / P);
    const q = r - i * P;
    const oy = Math.floor(q / outW);
    const ox = q - oy * outW;
    let o = (r - row0) * K;
    const x0 = ox * sw - pw;
    for (let c = 0; c < C; c++) {
      const xc = i * img + c * H * W;
      for (let ky = 0; ky < kh; ky++) {
        const iy = oy * sh - ph + ky * dh;
        if (iy < 0 || iy >= H) {
          for (let kx = 0; kx < kw; kx++) X[o++] = 0;
          continue;
        }
        const src = xc + iy * W;
        for (let kx = 0; kx < kw; kx++) {
          const ix = x0 + kx * dw;
          X[o++] = ix >= 0 && ix < W ? x[src + ix]! : 0;
        }
      }
    }
  }
}

/**
 * Where each entry of im2col's column matrix comes from: the same (C*kh*kw) x (outH*outW)
 * layout, holding the input pixel's index c*H*W + iy*W + ix, or -1 where im2col writes padding.
 * A device that converts each pixel once (the paper's input noise, before the convolution) needs
 * this to give every copy of a pixel the same noise (ProductContext.inputSource).
 */
export function im2colSourceIndex(
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
  out?: Int32Array,
): Int32Array {
  const { sh, sw, ph, pw, dh, dw, outH, outW } = convGeometry(H, W, kh, kw, opts);
  const P = outH * outW;
  if (!Number.isInteger(C) || C < 1)
    throw new RangeError(`im2colSourceIndex: C must be a positive integer, got ${C}`);
  if (C * H * W > 0x7fffffff)
    throw new RangeError(`im2colSourceIndex: ${C} x ${H} x ${W} pixels overflow int32`);
  const idx = out ?? new Int32Array(C * kh * kw * P);
  if (idx.length < C * kh * kw * P) {
    throw new RangeError(
      `im2colSourceIndex: out needs ${C * kh * kw * P} elements, has ${idx.length}`,
    );
  }
  for (let c = 0; c < C; c++) {
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const row = ((c * kh + ky) * kw + kx) * P;
        const [lo, hi] = validRange(W, outW, sw, pw, kx * dw);
        for (let oy = 0; oy < outH; oy++) {
          const o = row + oy * outW;
          const iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= H) {
            idx.fill(-1, o, o + outW);
            continue;
          }
          idx.fill(-1, o, o + lo);
          const src = c * H * W + iy * W - pw + kx * dw;
          for (let ox = lo; ox < hi; ox++) idx[o + ox] = src + ox * sw;
          idx.fill(-1, o + hi, o + outW);
        }
      }
    }
  }
  return idx;
}

/**
 * The adjoint of im2col: adds each column-matrix entry back onto the input pixel it was read
 * from (entries that came from padding are dropped). It ACCUMULATES into `out` (C x H x W),
 * because overlapping windows add up; pass a zeroed array, or none to get a fresh one.
 * This is the input gradient of a convolution: col2im(Wmat^T * dY).
 */
export function col2im(
  cols: Float32Array,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
  out?: Float32Array,
): Float32Array {
  const g = convGeometry(H, W, kh, kw, opts);
  const P = g.outH * g.outW;
  if (cols.length < C * kh * kw * P) {
    throw new RangeError(`col2im: cols needs ${C * kh * kw * P} elements, has ${cols.length}`);
  }
  const x = out ?? new Float32Array(C * H * W);
  if (x.length < C * H * W) throw new RangeError(`col2im: out needs ${C * H * W} elements`);
  const native = nativeUnfold(C * kh * kw * P);
  if (native) native(1, geoArray(1, C, H, W, kh, kw, g), x, cols);
  else fold(cols, C, H, W, kh, kw, g, validRanges(W, kw, g), P, 0, x, 0);
  return x;
}

/**
 * The adjoint of im2colBatch: adds the (C*kh*kw) x (n*P) column matrix back onto n images
 * (n x C x H x W), accumulating into `out` as col2im does; with `overwrite`, into zeros instead
 * (out's first n images are overwritten, bit for bit as if zeroed first: a reused buffer needs
 * no separate clearing pass).
 */
export function col2imBatch(
  cols: Float32Array,
  n: number,
  C: number,
  H: number,
  W: number,
  kh: number,
  kw: number,
  opts: Conv2dOptions = {},
  out?: Float32Array,
  overwrite = false,
): Float32Array {
  const g = convGeometry(H, W, kh, kw, opts);
  const P = g.outH * g.outW;
  const img = C * H * W;
  if (cols.length < C * kh * kw * n * P) {
    throw new RangeError(
      `col2imBatch: cols needs ${C * kh * kw * n * P} elements, has ${cols.length}`,
    );
  }
  const x = out ?? new Float32Array(n * img);
  if (x.length < n * img) throw new RangeError(`col2imBatch: out needs ${n * img} elements`);
  const host = overwrite && nativeAllowed && C * kh * kw * n * P >= NATIVE_MIN && hostAddon();
  if (host) {
    host.convUnfoldPar(3, geoArray(n, C, H, W, kh, kw, g), x, cols);
    return x;
  }
  if (overwrite && out) x.fill(0, 0, n * img);
  const native = nativeUnfold(C * kh * kw * n * P);
  if (native) {
    native(1, geoArray(n, C, H, W, kh, kw, g), x, cols);
    return x;
  }
  const ranges = validRanges(W, kw, g);
  for (let i = 0; i < n; i++) fold(cols, C, H, W, kh, kw, g, ranges, n * P, i * P, x, i * img);
  return x;
}
