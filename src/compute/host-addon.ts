/**
 * The native addon's host kernels of the weight layers (native/host.c): convolution unfolding
 * under the intra-op threads, Conv2d's layout changes with bias and masks, Linear's bias and its
 * gradient. Each is bit-identical to the JavaScript loop it replaces (which stays the fallback),
 * for any thread count. Absent when the addon is missing, disabled (ANALOOP_NATIVE=0) or built
 * before these functions existed.
 */
import { loadNativeAddon, type NativeAddon } from './native-addon.js';

/** The functions of native/host.c. */
export interface HostFunctions {
  /**
   * The convolution layouts of im2col.ts, split over the intra-op threads: mode 0 im2colBatch,
   * 1 col2imBatch (adds onto x), 2 im2row, 3 col2imBatch overwriting x (as if zeroed first);
   * geo = [n, C, H, W, kh, kw, sh, sw, ph, pw, dh, dw].
   */
  convUnfoldPar(mode: 0 | 1 | 2 | 3, geo: Int32Array, x: Float32Array, cols: Float32Array): void;
  /**
   * Patch rows [row0, row0 + count) of im2row(x) (geo as above; row (i*outH + oy)*outW + ox)
   * into out (count x K), split over the intra-op threads: the same copies as mode 2.
   */
  convRowsIn(
    geo: Int32Array,
    x: Float32Array,
    row0: number,
    count: number,
    out: Float32Array,
  ): void;
  /** y[yOffset + (i*F + f)*P + q] = fy[f*n*P + i*P + q] + (bias ? bias[f] : 0). */
  convChannelsOut(
    fy: Float32Array,
    n: number,
    F: number,
    P: number,
    bias: Float32Array | null,
    y: Float32Array,
    yOffset: number,
  ): void;
  /**
   * y[yOffset + (i*F + f)*P + q] = Y[(i*P + q)*F + f] (+ bias[f]); with sat, sat[same index] =
   * 1 where Y <= lo or Y >= hi, else 0. Returns whether any entry was marked.
   */
  convRowsOut(
    Y: Float32Array,
    n: number,
    P: number,
    F: number,
    bias: Float32Array | null,
    y: Float32Array,
    yOffset: number,
    lo: number,
    hi: number,
    sat: Uint8Array | null,
  ): boolean;
  /**
   * dyc[f*n*P + i*P + q] = sat?.[o + j] ? 0 : dy[o + j] with j = (i*F + f)*P + q and o = dyOffset;
   * db[f] += each image's float64 sum of those values over q, images in order.
   */
  convGradRows(
    dy: Float32Array,
    dyOffset: number,
    sat: Uint8Array | null,
    n: number,
    F: number,
    P: number,
    dyc: Float32Array,
    db: Float64Array | null,
  ): void;
  /** elementwise.ts addRowVector. */
  hostAddRowVector(Y: Float32Array, bias: Float32Array, rows: number, cols: number): void;
  /** elementwise.ts sumRows. */
  hostSumRows(dY: Float32Array, rows: number, cols: number, out: Float32Array): void;
}

let allowed = true;

/** Turns these native kernels off (or back on) for this process; returns the previous setting. */
export function setNativeHost(enabled: boolean): boolean {
  const was = allowed;
  allowed = enabled;
  return was;
}

/** The addon with the host kernels when it is built and allowed, else undefined. */
export function hostAddon(): (NativeAddon & HostFunctions) | undefined {
  if (!allowed) return undefined;
  const n = loadNativeAddon();
  if (!n.ok) return undefined;
  const a = n.addon as NativeAddon & Partial<HostFunctions>;
  return typeof a.convUnfoldPar === 'function' && typeof a.hostSumRows === 'function'
    ? (a as NativeAddon & HostFunctions)
    : undefined;
}
