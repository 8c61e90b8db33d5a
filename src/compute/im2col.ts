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
  const { sh, sw, ph, pw, dh, dw, outH, outW } = convGeometry(H, W, kh, kw, opts);
  const P = outH * outW;
  if (x.length < C * H * W) throw new RangeError(`im2col: x needs ${C * H * W} elements`);
  const cols = out ?? new Float32Array(C * kh * kw * P);
  if (cols.length < C * kh * kw * P) {
    throw new RangeError(`im2col: out needs ${C * kh * kw * P} elements, has ${cols.length}`);
  }
  for (let c = 0; c < C; c++) {
    const xc = c * H * W;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const row = ((c * kh + ky) * kw + kx) * P;
        const [lo, hi] = validRange(W, outW, sw, pw, kx * dw);
        for (let oy = 0; oy < outH; oy++) {
          const o = row + oy * outW;
          const iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= H) {
            cols.fill(0, o, o + outW);
            continue;
          }
          cols.fill(0, o, o + lo);
          const src = xc + iy * W - pw + kx * dw;
          for (let ox = lo; ox < hi; ox++) cols[o + ox] = x[src + ox * sw];
          cols.fill(0, o + hi, o + outW);
        }
      }
    }
  }
  return cols;
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
  const { sh, sw, ph, pw, dh, dw, outH, outW } = convGeometry(H, W, kh, kw, opts);
  const P = outH * outW;
  if (cols.length < C * kh * kw * P) {
    throw new RangeError(`col2im: cols needs ${C * kh * kw * P} elements, has ${cols.length}`);
  }
  const x = out ?? new Float32Array(C * H * W);
  if (x.length < C * H * W) throw new RangeError(`col2im: out needs ${C * H * W} elements`);
  for (let c = 0; c < C; c++) {
    const xc = c * H * W;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const row = ((c * kh + ky) * kw + kx) * P;
        const [lo, hi] = validRange(W, outW, sw, pw, kx * dw);
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= H) continue;
          const o = row + oy * outW;
          const dst = xc + iy * W - pw + kx * dw;
          for (let ox = lo; ox < hi; ox++) x[dst + ox * sw] += cols[o + ox];
        }
      }
    }
  }
  return x;
}
