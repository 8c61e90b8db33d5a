import {
  col2imBatch,
  convGeometry,
  im2colBatch,
  im2colSourceIndex,
  im2row,
  im2rowRows,
  type Conv2dGeometry,
} from '../../compute/im2col.js';
import type { SourceRows } from '../../device/device.js';
import { hostAddon } from '../../compute/host-addon.js';
import {
  runGemmPlan,
  runGemmPlanAsync,
  type GemmPlan,
  type LoopTurns,
} from '../../compute/gemm-plan.js';
import type { ForwardContext, Layer, Param, Runtime } from '../layer.js';
import { RecycledBuffer } from '../recycled-buffer.js';
import type { Tensor } from '../tensor.js';
import { AnalogWeights, maskClamped, type InputSources } from './analog-product.js';
import { defaultInit, makeParam } from './init.js';
import { nchw, pair, type Size2 } from './shape.js';

export interface Conv2dLayerOptions {
  inChannels: number;
  outChannels: number;
  kernel: Size2;
  /** Default 1. */
  stride?: Size2;
  /** Zeros on each side; default 0. */
  padding?: Size2;
  /** Default 1. */
  dilation?: Size2;
  /** Add a (digital) per-channel bias; default true. */
  bias?: boolean;
  /** Forward product on the device (true) or with kernels.gemm (false). */
  analog: boolean;
  /** Seed of the weight initialisation; default 0. */
  seed?: number;
}

/**
 * Patch-matrix floats per analog matmul call (4 MiB): bounds the host memory of one call, and
 * keeps the patch matrix and what the device derives from it in cache between their passes.
 */
const MAX_PATCH_FLOATS = 1 << 20;
/**
 * Floats of the column matrix of one digital chunk (C*kh*kw x n*P, 2 MiB): several images per
 * gemm, so the products stay large in deep layers where one image has few output positions, but
 * no more than fits the caches (measured with OpenBLAS on the ConvNet's layers: 79 GFLOP/s on
 * average at 2 MiB, 64 at 8 MiB, 70 at 1 MiB).
 */
const CHUNK_FLOATS = 1 << 19;

/**
 * Column matrices of one training forward kept for its backward when the whole batch's fit in
 * this many floats (32 MiB), so backward does not unfold the input again. In the ConvNet at
 * batch 128 that keeps the first conv's and the 7x7 stage's (14 + 21 + 21 MiB), whose unfolding
 * costs the most per byte; the 32x32 and 16x16 layers' columns (54-190 MiB each) are cheaper to
 * rebuild than to hold.
 */
export const KEEP_COLUMNS_FLOATS = 1 << 23;

/** Images per chunk whose column matrix (K x n*P) and output (F x n*P) fit CHUNK_FLOATS. */
function chunkImages(K: number, P: number, F: number): number {
  return Math.max(1, Math.floor(CHUNK_FLOATS / (Math.max(K, F) * P)));
}

/**
 * Scratch shared by every Conv2d of the process: the column matrix, its gradient, and dY or Y of
 * one chunk. Shared, not per layer, so a deep net holds one set; safe because each use lies within
 * one synchronous stretch (a digital forward, a backward) with no await inside.
 */
let shared: Scratch | undefined;

interface Scratch {
  cols: Float32Array;
  dcols: Float32Array;
  fy: Float32Array;
}

/** s if it holds a chunk of n*P = nP columns, else a larger set. */
function grow(s: Scratch | undefined, K: number, F: number, nP: number): Scratch {
  if (s && s.cols.length >= K * nP && s.fy.length >= F * nP) return s;
  return {
    cols: new Float32Array(Math.max(K * nP, s?.cols.length ?? 0)),
    dcols: new Float32Array(Math.max(K * nP, s?.dcols.length ?? 0)),
    fy: new Float32Array(Math.max(F * nP, s?.fy.length ?? 0)),
  };
}

function scratch(K: number, F: number, nP: number): Scratch {
  return (shared = grow(shared, K, F, nP));
}

/**
 * 2-D convolution over NCHW input as a matrix product on im2col patches. W is
 * [out, in, kh, kw] (`weight`, stored as out x (in*kh*kw)), b is [out] (`bias`), initialised as
 * PyTorch does.
 *
 * Analog: each image's patches become rows of X ((outH*outW) x (in*kh*kw)) for the device
 * product Y = X W^T; the product row of output position q of sample s is
 * (ctx.rowOffset + s) * outH*outW + q, so the noise does not depend on batch chunking.
 * The layer also says which pixel each entry of X copies (ProductContext.inputSource: pixel
 * (ctx.rowOffset + s) * C*H*W + c*H*W + y*W + x, -1 for padding). A 'per-source' device (the
 * paper preset) converts each pixel once, so all its copies carry the same input noise, as the
 * paper adds it before the convolution; an im2col array ('per-element') converts every copy
 * separately and never asks for the map (method.md section 3). The device decides, not the layer.
 *
 * Backward is digital (kernels.gemm + col2im), straight-through as in Linear: dX = col2im(W^T dY),
 * dW += dY cols^T, db += sum dY, with dX masked where the device's declared input range clipped x.
 *
 * Digital products (forward of a digital layer, and every backward) take several images per
 * gemm: their im2col matrices side by side (im2colBatch), so one call per chunk of images does
 * what one call per image did, with far larger products in the deep layers.
 *
 * The layout changes around the products (with bias, saturation mask and bias gradient on the
 * way) run in native/host.c when the addon is built, bit-identical to the loops below, which
 * remain the fallback. y and dx are recycled across training steps (RecycledBuffer).
 */
export class Conv2d implements Layer {
  readonly kind = 'conv2d';
  readonly analog: boolean;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: [number, number];
  readonly weight: Param;
  readonly bias: Param | undefined;
  /** Geometry, as given (pairs), for model descriptions and cross-checks. */
  readonly convOpts: {
    stride: [number, number];
    padding: [number, number];
    dilation: [number, number];
  };
  private readonly onDevice: AnalogWeights | undefined;
  private saved: Tensor | undefined;
  private saturated: Uint8Array | undefined;
  /** im2colSourceIndex of one image in X's layout (outH*outW x patch), for the last H x W. */
  private sourceMap: { H: number; W: number; map: Int32Array } | undefined;
  /** backwardAsync's scratch: its own, as it waits between products. */
  private ownScratch: Scratch | undefined;
  /** The analog patch matrix, reused by every call (see forward). */
  private patches: Float32Array | undefined;
  /** The device results of one forward call (ProductContext.out), reused. */
  private products: Float32Array | undefined;
  /** The saturation mask of the last forward, reused when the size stays. */
  private satMask: Uint8Array | undefined;
  /** sources() of the largest call so far: n images' maps side by side. */
  private callSources: { H: number; W: number; n: number; map: Int32Array } | undefined;
  /** forward's y and backward's dx, reused across training steps (see RecycledBuffer). */
  private readonly out = new RecycledBuffer();
  private readonly grad = new RecycledBuffer();
  /** What backward returns when the input gradient is not needed (zeros, reused). */
  private noInputGrad: Float32Array | undefined;
  /** The digital chunks' column matrices of the last training forward, one after another. */
  private keptCols: Float32Array | undefined;
  /** The input keptCols were unfolded from (backward uses them only for that input). */
  private keptFor: Float32Array | undefined;
  /**
   * False when nothing uses this layer's input gradient (see Layer.inputGradNeeded): backward
   * then skips W^T dY and col2im and returns zeros.
   */
  inputGradNeeded = true;

  constructor(
    private readonly rt: Runtime,
    opts: Conv2dLayerOptions,
  ) {
    const { inChannels, outChannels } = opts;
    for (const [k, v] of [
      ['inChannels', inChannels],
      ['outChannels', outChannels],
    ] as const) {
      if (!Number.isInteger(v) || v <= 0)
        throw new RangeError(`Conv2d: ${k} must be a positive integer, got ${v}`);
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernel = pair('Conv2d: kernel', opts.kernel, 1);
    this.convOpts = {
      stride: pair('Conv2d: stride', opts.stride ?? 1, 1),
      padding: pair('Conv2d: padding', opts.padding ?? 0, 0),
      dilation: pair('Conv2d: dilation', opts.dilation ?? 1, 1),
    };
    this.analog = opts.analog;
    const K = inChannels * this.kernel[0] * this.kernel[1];
    this.weight = makeParam('weight', [outChannels, inChannels, this.kernel[0], this.kernel[1]]);
    this.bias = opts.bias === false ? undefined : makeParam('bias', [outChannels]);
    defaultInit(this.weight.value, this.bias?.value, K, opts.seed ?? 0);
    this.onDevice = opts.analog
      ? new AnalogWeights(rt.device, this.weight, outChannels, K)
      : undefined;
  }

  /** Rows of the patch matrix: in * kh * kw. */
  get patchSize(): number {
    return this.inChannels * this.kernel[0] * this.kernel[1];
  }

  private geometry(H: number, W: number): Conv2dGeometry {
    return convGeometry(H, W, this.kernel[0], this.kernel[1], this.convOpts);
  }

  /** One image's source map in X's layout (P x K), built once per input size. */
  private imageSources(H: number, W: number, P: number, K: number): Int32Array {
    const cached = this.sourceMap;
    if (cached && cached.H === H && cached.W === W) return cached.map;
    const [kh, kw] = this.kernel;
    const cols = im2colSourceIndex(this.inChannels, H, W, kh, kw, this.convOpts);
    const map = new Int32Array(P * K);
    for (let k = 0; k < K; k++) for (let q = 0; q < P; q++) map[q * K + k] = cols[k * P + q]!;
    this.sourceMap = { H, W, map };
    return map;
  }

  /**
   * Sources of n images whose first is image `first` of the draw: the image map, shifted by one
   * image per image. The map is relative (sourceOffset carries `first`), so one map of the
   * largest n serves every call, of every step, as a prefix; it is never written after it is built.
   */
  private sources(
    first: number,
    n: number,
    H: number,
    W: number,
    P: number,
    K: number,
  ): InputSources {
    const img = this.inChannels * H * W;
    let c = this.callSources;
    if (!c || c.H !== H || c.W !== W || c.n < n) {
      const one = this.imageSources(H, W, P, K);
      const map = new Int32Array(n * P * K);
      for (let i = 0; i < n; i++) {
        const o = i * P * K;
        const shift = i * img;
        for (let j = 0; j < one.length; j++) {
          const s = one[j]!;
          map[o + j] = s < 0 ? -1 : s + shift;
        }
      }
      c = { H, W, n, map };
      this.callSources = c;
    }
    return { inputSource: c.map.subarray(0, n * P * K), sourceOffset: first * img };
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const [B, C, H, W] = nchw('Conv2d', x, this.inChannels);
    const g = this.geometry(H, W);
    const P = g.outH * g.outW;
    const K = this.patchSize;
    const F = this.outChannels;
    const [kh, kw] = this.kernel;
    const img = C * H * W;
    // Every element is written below (the layout passes), so a recycled array needs no clearing.
    this.grad.release();
    const y = this.out.take(B * F * P);
    if (this.onDevice) {
      // Also keeps the relative source indices of one call (n * C*H*W) within int32.
      const perCall = Math.max(
        1,
        Math.min(Math.floor(MAX_PATCH_FLOATS / (P * K)), Math.floor(0x7fffffff / img)),
      );
      const bounds = this.onDevice.outputBounds();
      const sat = bounds ? this.saturationMask(B * F * P) : undefined;
      let any = false;
      // One patch matrix for every call: the device has read it when its promise settles.
      const X = this.patchBuffer(perCall * P * K);
      // The device's result of each call is read once (into y, channel-major) and dropped, so
      // one buffer serves every call (ctx.out): no fresh array per call.
      const Yall = this.productBuffer(perCall * P * F);
      for (let b0 = 0; b0 < B; b0 += perCall) {
        const n = Math.min(perCall, B - b0);
        const Xn = X.subarray(0, n * P * K);
        const images = x.data.subarray(b0 * img, (b0 + n) * img);
        // The images are the sources themselves (the map's index 0 is pixel 0 of image b0), so a
        // per-source device converts them without gathering the copies back out of X; one that
        // reads only them (Device.needsX) spares the im2row of X too.
        const Y = await this.onDevice.product(
          Xn,
          n * P,
          {
            draw: ctx.draw,
            rowOffset: (ctx.rowOffset + b0) * P,
            programDraw: ctx.programDraw,
            out: Yall.subarray(0, n * P * F),
          },
          () => ({
            ...this.sources(ctx.rowOffset + b0, n, H, W, P, K),
            sourceValues: images,
            sourceRows: this.patchRowsOf(n, H, W, P),
          }),
          () => im2row(images, n, C, H, W, kh, kw, this.convOpts, Xn),
        );
        // Y is (n*P) x F; the layer's output is channel-major per image.
        const o = b0 * F * P;
        const host = hostAddon();
        if (host) {
          const [lo, hi] = bounds ?? [-Infinity, Infinity];
          if (host.convRowsOut(Y, n, P, F, this.bias?.value ?? null, y, o, lo, hi, sat ?? null))
            any = true;
        } else if (scatterOutputs(Y, n, P, F, this.bias?.value, y, o, bounds, sat)) any = true;
      }
      this.saturated = any ? sat : undefined;
    } else {
      const per = chunkImages(K, P, F);
      const { cols: shared, fy } = scratch(K, F, per * P);
      const bias = this.bias?.value;
      const host = hostAddon();
      const kept = ctx.training ? this.keepColumns(K * B * P) : undefined;
      this.keptFor = kept ? x.data : undefined;
      for (let b0 = 0; b0 < B; b0 += per) {
        const n = Math.min(per, B - b0);
        const nP = n * P;
        // Chunk b0's K x nP matrix starts at K*b0*P in the kept array, as backward reads it.
        const cols = kept ? kept.subarray(K * b0 * P, K * (b0 + n) * P) : shared;
        im2colBatch(
          x.data.subarray(b0 * img, (b0 + n) * img),
          n,
          C,
          H,
          W,
          kh,
          kw,
          this.convOpts,
          cols,
        );
        this.rt.kernels.gemm(false, false, F, nP, K, 1, this.weight.value, cols, 0, fy);
        // fy is F x (n*P); the output is n x F x P. The bias is added on the way.
        if (host) host.convChannelsOut(fy, n, F, P, bias ?? null, y, b0 * F * P);
        else channelsOut(fy, n, F, P, bias, y, b0 * F * P);
      }
    }
    this.saved = x;
    return { data: y, shape: [B, F, g.outH, g.outW] };
  }

  backward(dy: Tensor): Tensor {
    return runGemmPlan(this.rt.kernels, this.backwardPlan(dy, scratch));
  }

  /**
   * backward() letting the event loop turn between chunks (`turns`) and during large products
   * (Kernels.gemmAsync): what the trainer calls while a board is attached. Same result, bit for
   * bit. Uses this layer's own scratch, since other layers may run while it waits.
   */
  backwardAsync(dy: Tensor, turns?: LoopTurns): Promise<Tensor> {
    return runGemmPlanAsync(
      this.rt.kernels,
      this.backwardPlan(dy, (K, F, nP) => (this.ownScratch = grow(this.ownScratch, K, F, nP))),
      turns,
    );
  }

  /** The backward pass, yielding its gemm calls (see gemm-plan.ts). */
  private *backwardPlan(
    dy: Tensor,
    buffers: (K: number, F: number, nP: number) => Scratch,
  ): GemmPlan<Tensor> {
    const x = this.saved;
    if (!x) throw new Error('Conv2d: backward before forward');
    const [B, C, H, W] = x.shape;
    const g = this.geometry(H, W);
    const P = g.outH * g.outW;
    const K = this.patchSize;
    const F = this.outChannels;
    const [kh, kw] = this.kernel;
    const img = C * H * W;
    if (dy.data.length !== B * F * P) {
      throw new RangeError(
        `Conv2d: dy has ${dy.data.length} values, expected [${B}, ${F}, ${g.outH}, ${g.outW}]`,
      );
    }
    const needDx = this.inputGradNeeded;
    // The weights of dX = col2im(W^T dY); none when dX is not needed.
    const Wb = needDx ? (this.onDevice?.backwardWeights() ?? this.weight.value) : undefined;
    // The aod Clamp: outputs at the ADC's full scale pass no gradient (method.md section 3).
    const sat = this.onDevice ? this.saturated : undefined;
    const dyData = dy.data;
    this.out.release();
    // col2imBatch overwrites each chunk's images (as if zeroed first), so dx may be recycled.
    const dx = needDx ? this.grad.take(B * img) : this.zeros(B * img);
    const host = hostAddon();
    const per = chunkImages(K, P, F);
    const { cols, dcols, fy: dyc } = buffers(K, F, per * P);
    const grad = this.weight.grad;
    // The forward's columns, when it kept them for this input (see KEEP_COLUMNS_FLOATS).
    const kept = this.keptFor === x.data ? this.keptCols : undefined;
    // Bias gradient summed in float64, per channel over images then positions.
    const db = this.bias ? new Float64Array(F) : undefined;
    for (let b0 = 0; b0 < B; b0 += per) {
      const n = Math.min(per, B - b0);
      const nP = n * P;
      // dY of the chunk as F x (n*P), the layout of the column matrix, masked on the way.
      const o = b0 * F * P;
      if (host) host.convGradRows(dyData, o, sat ?? null, n, F, P, dyc, db ?? null);
      else gradRows(dyData, o, sat, n, F, P, dyc, db);
      const cn = kept
        ? kept.subarray(K * b0 * P, K * (b0 + n) * P)
        : im2colBatch(
            x.data.subarray(b0 * img, (b0 + n) * img),
            n,
            C,
            H,
            W,
            kh,
            kw,
            this.convOpts,
            cols,
          );
      yield [false, true, F, K, nP, 1, dyc, cn, 1, grad];
      if (!Wb) continue;
      yield [true, false, K, nP, F, 1, Wb, dyc, 0, dcols];
      const dxn = dx.subarray(b0 * img, (b0 + n) * img);
      col2imBatch(dcols, n, C, H, W, kh, kw, this.convOpts, dxn, true);
    }
    if (this.bias && db) {
      const g = this.bias.grad;
      for (let f = 0; f < F; f++) g[f] += db[f]!;
    }
    if (this.onDevice && needDx) maskClamped(dx, x.data, this.onDevice.inputRange());
    return { data: dx, shape: [...x.shape] };
  }

  /** n zeros for a skipped input gradient: one buffer, cleared each time (a caller may write it). */
  private zeros(n: number): Float32Array {
    if (!this.noInputGrad || this.noInputGrad.length !== n) this.noInputGrad = new Float32Array(n);
    else this.noInputGrad.fill(0);
    return this.noInputGrad;
  }

  /** The array for a training forward's columns (n floats), or undefined above the budget. */
  private keepColumns(n: number): Float32Array | undefined {
    if (n > KEEP_COLUMNS_FLOATS) {
      this.keptCols = undefined;
      return undefined;
    }
    if (!this.keptCols || this.keptCols.length < n) this.keptCols = new Float32Array(n);
    return this.keptCols;
  }

  private patchBuffer(n: number): Float32Array {
    if (!this.patches || this.patches.length < n) this.patches = new Float32Array(n);
    return this.patches;
  }

  /**
   * ProductContext.sourceRows of a call of n images: X's rows from any values laid out like the
   * images (im2row of a row range), and the pixels a row range reads (its images).
   */
  private patchRowsOf(n: number, H: number, W: number, P: number): SourceRows {
    const [kh, kw] = this.kernel;
    const C = this.inChannels;
    const img = C * H * W;
    return {
      fill: (values, row0, count, into) =>
        im2rowRows(values, n, C, H, W, kh, kw, this.convOpts, row0, count, into),
      span: (row0, count) =>
        count === 0
          ? [0, 0]
          : [Math.floor(row0 / P) * img, (Math.floor((row0 + count - 1) / P) + 1) * img],
    };
  }

  private productBuffer(n: number): Float32Array {
    if (!this.products || this.products.length < n) this.products = new Float32Array(n);
    return this.products;
  }

  private saturationMask(n: number): Uint8Array {
    if (!this.satMask || this.satMask.length !== n) this.satMask = new Uint8Array(n);
    return this.satMask;
  }

  params(): Param[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }
}

/**
 * y[o + (i*F + f)*P + q] = fy[f*n*P + i*P + q] + bias[f] (+ 0 without a bias): a digital chunk's
 * product (F x n*P) into n images of the NCHW output. host.c's convChannelsOut is the same.
 */
function channelsOut(
  fy: Float32Array,
  n: number,
  F: number,
  P: number,
  bias: Float32Array | undefined,
  y: Float32Array,
  o: number,
): void {
  const nP = n * P;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) {
      const dst = o + (i * F + f) * P;
      const src = f * nP + i * P;
      const v = bias ? bias[f]! : 0;
      for (let q = 0; q < P; q++) y[dst + q] = fy[src + q]! + v;
    }
  }
}

/**
 * dyc[f*n*P + i*P + q] = dy[o + (i*F + f)*P + q], 0 where sat (indexed like dy) is set: n images
 * of the NCHW gradient in the column matrix's layout. Adds each image's float64 sum per channel
 * to db. host.c's convGradRows is the same.
 */
function gradRows(
  dy: Float32Array,
  o: number,
  sat: Uint8Array | undefined,
  n: number,
  F: number,
  P: number,
  dyc: Float32Array,
  db: Float64Array | undefined,
): void {
  const nP = n * P;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) {
      const src = o + (i * F + f) * P;
      const dst = f * nP + i * P;
      let s = 0;
      if (sat) {
        for (let q = 0; q < P; q++) {
          const v = sat[src + q] ? 0 : dy[src + q]!;
          dyc[dst + q] = v;
          s += v;
        }
      } else {
        for (let q = 0; q < P; q++) {
          const v = dy[src + q]!;
          dyc[dst + q] = v;
          s += v;
        }
      }
      if (db) db[f] += s;
    }
  }
}

/** Side of the square tiles of the output transpose: two 32 x 32 float tiles sit in L1. */
const TILE = 32;

/**
 * y[o + (i*F + f)*P + q] = Y[(i*P + q)*F + f] + bias[f] for n images (the device's rows back to
 * channel-major), with sat[...] = 1 where Y sits at or beyond the ADC's full scale `bounds` (the
 * value before the digital bias, as the device reported it). Tiled like transpose(). Returns
 * whether any output saturated. host.c's convRowsOut is the same.
 */
function scatterOutputs(
  Y: Float32Array,
  n: number,
  P: number,
  F: number,
  bias: Float32Array | undefined,
  y: Float32Array,
  o: number,
  bounds: readonly [number, number] | undefined,
  sat: Uint8Array | undefined,
): boolean {
  const lo = bounds ? bounds[0] : -Infinity;
  const hi = bounds ? bounds[1] : Infinity;
  let any = false;
  for (let i = 0; i < n; i++) {
    const yi = o + i * F * P;
    const Yi = i * P * F;
    for (let q0 = 0; q0 < P; q0 += TILE) {
      const q1 = Math.min(P, q0 + TILE);
      for (let f0 = 0; f0 < F; f0 += TILE) {
        const f1 = Math.min(F, f0 + TILE);
        for (let q = q0; q < q1; q++) {
          const src = Yi + q * F;
          for (let f = f0; f < f1; f++) {
            const v = Y[src + f]!;
            const d = yi + f * P + q;
            y[d] = bias ? v + bias[f]! : v;
            if (sat) {
              const s = v <= lo || v >= hi ? 1 : 0;
              sat[d] = s;
              if (s) any = true;
            }
          }
        }
      }
    }
  }
  return any;
}
