import {
  col2im,
  convGeometry,
  im2col,
  im2colSourceIndex,
  type Conv2dGeometry,
} from '../../compute/im2col.js';
import { transpose } from '../../compute/elementwise.js';
import type { ForwardContext, Layer, Param, Runtime } from '../layer.js';
import type { Tensor } from '../tensor.js';
import { AnalogWeights, maskClamped, maskSaturated, type InputSources } from './analog-product.js';
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

/** Patch-matrix floats per analog matmul call: bounds the host memory of one call (64 MiB). */
const MAX_PATCH_FLOATS = 1 << 24;

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

  /** Sources of n images whose first is image `first` of the draw: the image map, shifted. */
  private sources(
    first: number,
    n: number,
    H: number,
    W: number,
    P: number,
    K: number,
  ): InputSources {
    const one = this.imageSources(H, W, P, K);
    const img = this.inChannels * H * W;
    const inputSource = new Int32Array(n * P * K);
    for (let i = 0; i < n; i++) {
      const o = i * P * K;
      const shift = i * img;
      for (let j = 0; j < one.length; j++) {
        const s = one[j]!;
        inputSource[o + j] = s < 0 ? -1 : s + shift;
      }
    }
    return { inputSource, sourceOffset: first * img };
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const [B, C, H, W] = nchw('Conv2d', x, this.inChannels);
    const g = this.geometry(H, W);
    const P = g.outH * g.outW;
    const K = this.patchSize;
    const F = this.outChannels;
    const [kh, kw] = this.kernel;
    const img = C * H * W;
    const y = new Float32Array(B * F * P);
    const cols = new Float32Array(K * P);
    if (this.onDevice) {
      // Also keeps the relative source indices of one call (n * C*H*W) within int32.
      const perCall = Math.max(
        1,
        Math.min(Math.floor(MAX_PATCH_FLOATS / (P * K)), Math.floor(0x7fffffff / img)),
      );
      for (let b0 = 0; b0 < B; b0 += perCall) {
        const n = Math.min(perCall, B - b0);
        const X = new Float32Array(n * P * K);
        for (let i = 0; i < n; i++) {
          im2col(
            x.data.subarray((b0 + i) * img, (b0 + i + 1) * img),
            C,
            H,
            W,
            kh,
            kw,
            this.convOpts,
            cols,
          );
          transpose(cols, K, P, X.subarray(i * P * K, (i + 1) * P * K));
        }
        const Y = await this.onDevice.product(
          X,
          n * P,
          { draw: ctx.draw, rowOffset: (ctx.rowOffset + b0) * P },
          () => this.sources(ctx.rowOffset + b0, n, H, W, P, K),
        );
        // Y is (n*P) x F; the layer's output is channel-major per image.
        for (let i = 0; i < n; i++) {
          transpose(
            Y.subarray(i * P * F, (i + 1) * P * F),
            P,
            F,
            y.subarray((b0 + i) * F * P, (b0 + i + 1) * F * P),
          );
        }
      }
    } else {
      for (let b = 0; b < B; b++) {
        im2col(x.data.subarray(b * img, (b + 1) * img), C, H, W, kh, kw, this.convOpts, cols);
        this.rt.kernels.gemm(
          false,
          false,
          F,
          P,
          K,
          1,
          this.weight.value,
          cols,
          0,
          y.subarray(b * F * P, (b + 1) * F * P),
        );
      }
    }
    this.saturated = this.onDevice?.saturated(y);
    if (this.bias) {
      const bias = this.bias.value;
      for (let b = 0; b < B; b++) {
        for (let f = 0; f < F; f++) {
          const o = (b * F + f) * P;
          const v = bias[f];
          for (let q = 0; q < P; q++) y[o + q] += v;
        }
      }
    }
    this.saved = x;
    return { data: y, shape: [B, F, g.outH, g.outW] };
  }

  backward(dy: Tensor): Tensor {
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
    const Wb = this.onDevice ? this.onDevice.backwardWeights() : this.weight.value;
    const dyData = this.onDevice ? maskSaturated(dy.data, this.saturated) : dy.data;
    const dx = new Float32Array(B * img);
    const cols = new Float32Array(K * P);
    const dcols = new Float32Array(K * P);
    const k = this.rt.kernels;
    for (let b = 0; b < B; b++) {
      const dyb = dyData.subarray(b * F * P, (b + 1) * F * P);
      im2col(x.data.subarray(b * img, (b + 1) * img), C, H, W, kh, kw, this.convOpts, cols);
      k.gemm(false, true, F, K, P, 1, dyb, cols, 1, this.weight.grad);
      k.gemm(true, false, K, P, F, 1, Wb, dyb, 0, dcols);
      col2im(dcols, C, H, W, kh, kw, this.convOpts, dx.subarray(b * img, (b + 1) * img));
    }
    if (this.bias) {
      const db = this.bias.grad;
      for (let f = 0; f < F; f++) {
        let s = 0;
        for (let b = 0; b < B; b++) {
          const o = (b * F + f) * P;
          for (let q = 0; q < P; q++) s += dyData[o + q];
        }
        db[f] += s;
      }
    }
    if (this.onDevice) maskClamped(dx, x.data, this.onDevice.inputRange());
    return { data: dx, shape: [...x.shape] };
  }

  params(): Param[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }
}
