import type { ForwardContext, Layer, Param } from '../layer.js';
import { tensor, type Tensor } from '../tensor.js';
import { makeParam } from './init.js';

export interface LayerNormOptions {
  eps?: number;
}

/**
 * Layer normalisation over the last dimension (the ViT's pre-norm): each row of `features`
 * values is normalised with its own mean and biased variance, then scaled and shifted by learned
 * per-feature gamma ("weight") and beta ("bias"). Same in training and evaluation; digital.
 */
export class LayerNorm implements Layer {
  readonly kind = 'layernorm';
  readonly analog = false;
  readonly weight: Param;
  readonly bias: Param;
  readonly eps: number;

  private xhat: Float32Array | null = null;
  private invStd: Float64Array | null = null;
  private shape: number[] = [];

  constructor(
    readonly features: number,
    opts: LayerNormOptions = {},
  ) {
    if (!Number.isInteger(features) || features < 1) {
      throw new RangeError(`LayerNorm: features must be a positive integer, got ${features}`);
    }
    this.eps = opts.eps ?? 1e-5;
    this.weight = makeParam('weight', [features], new Float32Array(features).fill(1));
    this.bias = makeParam('bias', [features]);
  }

  params(): Param[] {
    return [this.weight, this.bias];
  }

  async forward(x: Tensor, _ctx: ForwardContext): Promise<Tensor> {
    const F = this.features;
    if (x.shape.length < 1 || x.shape[x.shape.length - 1] !== F) {
      throw new RangeError(`LayerNorm(${F}): last dimension must be ${F}, got [${x.shape}]`);
    }
    const rows = x.data.length / F;
    const xs = x.data;
    const y = tensor(x.shape);
    const xhat = new Float32Array(xs.length);
    const invStd = new Float64Array(rows);
    const g = this.weight.value;
    const b = this.bias.value;
    for (let r = 0; r < rows; r++) {
      const o = r * F;
      let s = 0;
      for (let j = 0; j < F; j++) s += xs[o + j];
      const mean = s / F;
      let ss = 0;
      for (let j = 0; j < F; j++) {
        const d = xs[o + j] - mean;
        ss += d * d;
      }
      const is = 1 / Math.sqrt(ss / F + this.eps);
      invStd[r] = is;
      for (let j = 0; j < F; j++) {
        const h = (xs[o + j] - mean) * is;
        xhat[o + j] = h;
        y.data[o + j] = g[j] * h + b[j];
      }
    }
    this.xhat = xhat;
    this.invStd = invStd;
    this.shape = [...x.shape];
    return y;
  }

  backward(dy: Tensor): Tensor {
    const xhat = this.xhat;
    const invStd = this.invStd;
    if (!xhat || !invStd) throw new Error('LayerNorm.backward called before forward');
    const F = this.features;
    const rows = invStd.length;
    const d = dy.data;
    const g = this.weight.value;
    const dx = tensor(this.shape);
    for (let r = 0; r < rows; r++) {
      const o = r * F;
      // With dh = dy * gamma: dx = invStd * (dh - mean(dh) - xhat * mean(dh * xhat)).
      let sumDh = 0;
      let sumDhXhat = 0;
      for (let j = 0; j < F; j++) {
        const dh = d[o + j] * g[j];
        sumDh += dh;
        sumDhXhat += dh * xhat[o + j];
        this.weight.grad[j] += d[o + j] * xhat[o + j];
        this.bias.grad[j] += d[o + j];
      }
      const is = invStd[r];
      for (let j = 0; j < F; j++) {
        dx.data[o + j] = is * (d[o + j] * g[j] - sumDh / F - (xhat[o + j] * sumDhXhat) / F);
      }
    }
    return dx;
  }
}
