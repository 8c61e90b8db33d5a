import type { Layer, Param } from '../layer.js';
import { RecycledBuffer } from '../recycled-buffer.js';
import type { Tensor } from '../tensor.js';
import { nchw, pair, poolOutput, type Size2 } from './shape.js';

export interface AvgPool2dOptions {
  kernel: Size2;
  /** Default: the kernel size (non-overlapping windows). */
  stride?: Size2;
  /** Implicit zero padding on each side; default 0. Padded zeros count in the mean (PyTorch's default). */
  padding?: Size2;
}

/** Mean over each window of an NCHW tensor (PyTorch's AvgPool2d, floor mode, count_include_pad). */
export class AvgPool2d implements Layer {
  readonly kind = 'avgpool2d';
  readonly analog = false;
  private readonly k: [number, number];
  private readonly s: [number, number];
  private readonly p: [number, number];
  private inShape: number[] | undefined;
  /** forward's y and backward's dx, reused across training steps (see RecycledBuffer). */
  private readonly out = new RecycledBuffer();
  private readonly grad = new RecycledBuffer();

  constructor(opts: AvgPool2dOptions) {
    this.k = pair('AvgPool2d: kernel', opts.kernel, 1);
    this.s = pair('AvgPool2d: stride', opts.stride ?? opts.kernel, 1);
    this.p = pair('AvgPool2d: padding', opts.padding ?? 0, 0);
    if (this.p[0] * 2 > this.k[0] || this.p[1] * 2 > this.k[1]) {
      throw new RangeError('AvgPool2d: padding must be at most half the kernel size');
    }
  }

  private dims(shape: readonly number[]): { H: number; W: number; oH: number; oW: number } {
    const [, , H, W] = shape;
    const [oH, oW] = poolOutput('AvgPool2d', H, W, this.k, this.s, this.p);
    return { H, W, oH, oW };
  }

  async forward(x: Tensor): Promise<Tensor> {
    const [B, C] = nchw('AvgPool2d', x);
    const { H, W, oH, oW } = this.dims(x.shape);
    const [kh, kw] = this.k;
    const [sh, sw] = this.s;
    const [ph, pw] = this.p;
    const inv = 1 / (kh * kw);
    this.grad.release();
    const y = this.out.take(B * C * oH * oW);
    let o = 0;
    for (let plane = 0; plane < B * C; plane++) {
      const base = plane * H * W;
      for (let oy = 0; oy < oH; oy++) {
        const y0 = oy * sh - ph;
        for (let ox = 0; ox < oW; ox++, o++) {
          const x0 = ox * sw - pw;
          let sum = 0;
          for (let i = Math.max(0, y0); i < Math.min(H, y0 + kh); i++) {
            for (let j = Math.max(0, x0); j < Math.min(W, x0 + kw); j++)
              sum += x.data[base + i * W + j];
          }
          y[o] = sum * inv;
        }
      }
    }
    this.inShape = [...x.shape];
    return { data: y, shape: [B, C, oH, oW] };
  }

  backward(dy: Tensor): Tensor {
    const shape = this.inShape;
    if (!shape) throw new Error('AvgPool2d: backward before forward');
    const [B, C] = shape;
    const { H, W, oH, oW } = this.dims(shape);
    if (dy.data.length !== B * C * oH * oW)
      throw new RangeError(
        `AvgPool2d: dy has ${dy.data.length} values, expected ${B * C * oH * oW}`,
      );
    const [kh, kw] = this.k;
    const [sh, sw] = this.s;
    const [ph, pw] = this.p;
    const inv = 1 / (kh * kw);
    this.out.release();
    const dx = this.grad.take(B * C * H * W).fill(0);
    let o = 0;
    for (let plane = 0; plane < B * C; plane++) {
      const base = plane * H * W;
      for (let oy = 0; oy < oH; oy++) {
        const y0 = oy * sh - ph;
        for (let ox = 0; ox < oW; ox++, o++) {
          const x0 = ox * sw - pw;
          const g = dy.data[o] * inv;
          for (let i = Math.max(0, y0); i < Math.min(H, y0 + kh); i++) {
            for (let j = Math.max(0, x0); j < Math.min(W, x0 + kw); j++) dx[base + i * W + j] += g;
          }
        }
      }
    }
    return { data: dx, shape: [...shape] };
  }

  params(): Param[] {
    return [];
  }
}
