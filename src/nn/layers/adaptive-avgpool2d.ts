import type { Layer, Param } from '../layer.js';
import type { Tensor } from '../tensor.js';
import { nchw } from './shape.js';

export interface AdaptiveAvgPool2dOptions {
  outH: number;
  outW: number;
}

/** Bin i of n over a length-`size` axis: [floor(i size / n), ceil((i + 1) size / n)), as PyTorch. */
function bin(i: number, n: number, size: number): [number, number] {
  return [Math.floor((i * size) / n), Math.ceil(((i + 1) * size) / n)];
}

/**
 * Mean over PyTorch's adaptive bins, so any input size maps to outH x outW (e.g. 1 x 1 global
 * average pooling before a classifier head). Bins may overlap when the size does not divide.
 */
export class AdaptiveAvgPool2d implements Layer {
  readonly kind = 'adaptive-avgpool2d';
  readonly analog = false;
  readonly outH: number;
  readonly outW: number;
  private inShape: number[] | undefined;

  constructor(opts: AdaptiveAvgPool2dOptions) {
    for (const [k, v] of [
      ['outH', opts.outH],
      ['outW', opts.outW],
    ] as const) {
      if (!Number.isInteger(v) || v <= 0)
        throw new RangeError(`AdaptiveAvgPool2d: ${k} must be a positive integer, got ${v}`);
    }
    this.outH = opts.outH;
    this.outW = opts.outW;
  }

  async forward(x: Tensor): Promise<Tensor> {
    const [B, C, H, W] = nchw('AdaptiveAvgPool2d', x);
    const { outH, outW } = this;
    const y = new Float32Array(B * C * outH * outW);
    let o = 0;
    for (let plane = 0; plane < B * C; plane++) {
      const base = plane * H * W;
      for (let oy = 0; oy < outH; oy++) {
        const [i0, i1] = bin(oy, outH, H);
        for (let ox = 0; ox < outW; ox++, o++) {
          const [j0, j1] = bin(ox, outW, W);
          let sum = 0;
          for (let i = i0; i < i1; i++)
            for (let j = j0; j < j1; j++) sum += x.data[base + i * W + j];
          y[o] = sum / ((i1 - i0) * (j1 - j0));
        }
      }
    }
    this.inShape = [...x.shape];
    return { data: y, shape: [B, C, outH, outW] };
  }

  backward(dy: Tensor): Tensor {
    const shape = this.inShape;
    if (!shape) throw new Error('AdaptiveAvgPool2d: backward before forward');
    const [B, C, H, W] = shape;
    const { outH, outW } = this;
    if (dy.data.length !== B * C * outH * outW) {
      throw new RangeError(
        `AdaptiveAvgPool2d: dy has ${dy.data.length} values, expected ${B * C * outH * outW}`,
      );
    }
    const dx = new Float32Array(B * C * H * W);
    let o = 0;
    for (let plane = 0; plane < B * C; plane++) {
      const base = plane * H * W;
      for (let oy = 0; oy < outH; oy++) {
        const [i0, i1] = bin(oy, outH, H);
        for (let ox = 0; ox < outW; ox++, o++) {
          const [j0, j1] = bin(ox, outW, W);
          const g = dy.data[o] / ((i1 - i0) * (j1 - j0));
          for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) dx[base + i * W + j] += g;
        }
      }
    }
    return { data: dx, shape: [...shape] };
  }

  params(): Param[] {
    return [];
  }
}
