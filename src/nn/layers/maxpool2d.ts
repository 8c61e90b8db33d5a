import type { Layer, Param } from '../layer.js';
import { nativePointwiseKernels } from '../native-pointwise.js';
import { RecycledBuffer } from '../recycled-buffer.js';
import type { Tensor } from '../tensor.js';
import { nchw, pair, poolOutput, type Size2 } from './shape.js';

export interface MaxPool2dOptions {
  kernel: Size2;
  /** Default: the kernel size (non-overlapping windows). */
  stride?: Size2;
  /** Implicit -Infinity padding on each side; default 0. */
  padding?: Size2;
}

/**
 * Max over each window of an NCHW tensor (PyTorch's MaxPool2d, floor mode). Backward routes each
 * output gradient to the input element that won its window (the first one on a tie), so at a tie
 * the gradient is a valid subgradient rather than a finite-difference one.
 */
export class MaxPool2d implements Layer {
  readonly kind = 'maxpool2d';
  readonly analog = false;
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  /** Index of each output's winner in the input; internal, reused while the size stays. */
  private argmax: Int32Array | undefined;
  private inShape: number[] | undefined;
  /** The addon's geometry of the last forward: [planes, H, W, oH, oW, kh, kw, sh, sw, ph, pw]. */
  private geo: Int32Array | undefined;
  /** forward's y and backward's dx, reused across training steps (see RecycledBuffer). */
  private readonly out = new RecycledBuffer();
  private readonly grad = new RecycledBuffer();

  constructor(opts: MaxPool2dOptions) {
    this.kernel = pair('MaxPool2d: kernel', opts.kernel, 1);
    this.stride = pair('MaxPool2d: stride', opts.stride ?? opts.kernel, 1);
    this.padding = pair('MaxPool2d: padding', opts.padding ?? 0, 0);
    if (this.padding[0] * 2 > this.kernel[0] || this.padding[1] * 2 > this.kernel[1]) {
      throw new RangeError('MaxPool2d: padding must be at most half the kernel size');
    }
  }

  async forward(x: Tensor): Promise<Tensor> {
    const [B, C, H, W] = nchw('MaxPool2d', x);
    const [kh, kw] = this.kernel;
    const [sh, sw] = this.stride;
    const [ph, pw] = this.padding;
    const [oH, oW] = poolOutput('MaxPool2d', H, W, this.kernel, this.stride, this.padding);
    this.grad.release();
    const y = this.out.take(B * C * oH * oW);
    const arg =
      this.argmax?.length === y.length ? this.argmax : (this.argmax = new Int32Array(y.length));
    this.inShape = [...x.shape];
    const native = nativePointwiseKernels();
    if (native) {
      const geo = Int32Array.of(B * C, H, W, oH, oW, kh, kw, sh, sw, ph, pw);
      this.geo = geo;
      native.maxpoolForward(geo, x.data, y, arg);
      return { data: y, shape: [B, C, oH, oW] };
    }
    this.geo = undefined;
    const xd = x.data;
    let o = 0;
    for (let plane = 0; plane < B * C; plane++) {
      const base = plane * H * W;
      for (let oy = 0; oy < oH; oy++) {
        const y0 = oy * sh - ph;
        for (let ox = 0; ox < oW; ox++, o++) {
          const x0 = ox * sw - pw;
          let best = -Infinity;
          let at = -1;
          for (let i = Math.max(0, y0); i < Math.min(H, y0 + kh); i++) {
            for (let j = Math.max(0, x0); j < Math.min(W, x0 + kw); j++) {
              const idx = base + i * W + j;
              const v = xd[idx];
              // `at < 0` also takes the first element when every value is -Infinity or NaN.
              if (v > best || at < 0) {
                best = v;
                at = idx;
              }
            }
          }
          y[o] = best;
          arg[o] = at;
        }
      }
    }
    return { data: y, shape: [B, C, oH, oW] };
  }

  backward(dy: Tensor): Tensor {
    if (!this.argmax || !this.inShape) throw new Error('MaxPool2d: backward before forward');
    const arg = this.argmax;
    if (dy.data.length !== arg.length)
      throw new RangeError(`MaxPool2d: dy has ${dy.data.length} values, expected ${arg.length}`);
    const n = this.inShape.reduce((a, b) => a * b, 1);
    this.out.release();
    const dx = this.grad.take(n);
    const native = this.geo && nativePointwiseKernels();
    if (native && this.geo) {
      native.maxpoolBackward(this.geo, dy.data, arg, dx);
    } else {
      dx.fill(0);
      for (let o = 0; o < arg.length; o++) if (arg[o] >= 0) dx[arg[o]] += dy.data[o];
    }
    return { data: dx, shape: [...this.inShape] };
  }

  params(): Param[] {
    return [];
  }
}
