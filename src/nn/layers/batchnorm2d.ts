import type { ForwardContext, Layer, Param, StateBuffer } from '../layer.js';
import { tensor, type Tensor } from '../tensor.js';
import { makeParam } from './init.js';

export interface BatchNorm2dOptions {
  /** Weight of the new batch statistic in the running average (PyTorch's convention). */
  momentum?: number;
  eps?: number;
}

/**
 * Batch normalisation over [B, C, H, W] per channel, as ResNet-18 uses it.
 *
 * Training normalises with the batch's statistics (biased variance) and updates the running
 * statistics as PyTorch does: running = (1 - momentum) * running + momentum * batch, with the
 * unbiased variance for running_var. Evaluation normalises with the running statistics. Those
 * are state, not params: `buffers()` exposes them for checkpoints.
 * All of it is digital (a host-side op between analog products).
 */
export class BatchNorm2d implements Layer {
  readonly kind = 'batchnorm2d';
  readonly analog = false;
  readonly weight: Param;
  readonly bias: Param;
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  readonly momentum: number;
  readonly eps: number;

  // Kept from forward for backward.
  private xhat: Float32Array | null = null;
  private invStd: Float64Array | null = null;
  private shape: number[] = [];
  private trainingPass = false;

  constructor(
    readonly channels: number,
    opts: BatchNorm2dOptions = {},
  ) {
    if (!Number.isInteger(channels) || channels < 1) {
      throw new RangeError(`BatchNorm2d: channels must be a positive integer, got ${channels}`);
    }
    this.momentum = opts.momentum ?? 0.1;
    this.eps = opts.eps ?? 1e-5;
    this.weight = makeParam('weight', [channels], new Float32Array(channels).fill(1));
    this.bias = makeParam('bias', [channels]);
    this.runningMean = new Float32Array(channels);
    this.runningVar = new Float32Array(channels).fill(1);
  }

  params(): Param[] {
    return [this.weight, this.bias];
  }

  /** running_mean and running_var: must be checkpointed along with the params. */
  buffers(): StateBuffer[] {
    return [
      { name: 'running_mean', value: this.runningMean },
      { name: 'running_var', value: this.runningVar },
    ];
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    if (x.shape.length !== 4 || x.shape[1] !== this.channels) {
      throw new RangeError(
        `BatchNorm2d(${this.channels}): expected [B, ${this.channels}, H, W], got [${x.shape}]`,
      );
    }
    const [B, C, H, W] = x.shape;
    const hw = H * W;
    const n = B * hw;
    const xs = x.data;
    const y = tensor(x.shape);
    const xhat = new Float32Array(xs.length);
    const invStd = new Float64Array(C);
    const g = this.weight.value;
    const bt = this.bias.value;
    for (let c = 0; c < C; c++) {
      let mean: number;
      let variance: number;
      if (ctx.training) {
        if (n < 2)
          throw new RangeError('BatchNorm2d: training needs more than one value per channel');
        let s = 0;
        for (let b = 0; b < B; b++) {
          const o = (b * C + c) * hw;
          for (let i = 0; i < hw; i++) s += xs[o + i];
        }
        mean = s / n;
        let ss = 0;
        for (let b = 0; b < B; b++) {
          const o = (b * C + c) * hw;
          for (let i = 0; i < hw; i++) {
            const d = xs[o + i] - mean;
            ss += d * d;
          }
        }
        variance = ss / n;
        const m = this.momentum;
        this.runningMean[c] = (1 - m) * this.runningMean[c] + m * mean;
        this.runningVar[c] = (1 - m) * this.runningVar[c] + m * ((variance * n) / (n - 1));
      } else {
        mean = this.runningMean[c];
        variance = this.runningVar[c];
      }
      const is = 1 / Math.sqrt(variance + this.eps);
      invStd[c] = is;
      for (let b = 0; b < B; b++) {
        const o = (b * C + c) * hw;
        for (let i = 0; i < hw; i++) {
          const h = (xs[o + i] - mean) * is;
          xhat[o + i] = h;
          y.data[o + i] = g[c] * h + bt[c];
        }
      }
    }
    this.xhat = xhat;
    this.invStd = invStd;
    this.shape = [...x.shape];
    this.trainingPass = ctx.training;
    return y;
  }

  backward(dy: Tensor): Tensor {
    const xhat = this.xhat;
    const invStd = this.invStd;
    if (!xhat || !invStd) throw new Error('BatchNorm2d.backward called before forward');
    const [B, C, H, W] = this.shape;
    const hw = H * W;
    const n = B * hw;
    const d = dy.data;
    const dx = tensor(this.shape);
    const g = this.weight.value;
    for (let c = 0; c < C; c++) {
      let sumDy = 0;
      let sumDyXhat = 0;
      for (let b = 0; b < B; b++) {
        const o = (b * C + c) * hw;
        for (let i = 0; i < hw; i++) {
          sumDy += d[o + i];
          sumDyXhat += d[o + i] * xhat[o + i];
        }
      }
      this.weight.grad[c] += sumDyXhat;
      this.bias.grad[c] += sumDy;
      const k = g[c] * invStd[c];
      for (let b = 0; b < B; b++) {
        const o = (b * C + c) * hw;
        for (let i = 0; i < hw; i++) {
          // Training: the batch statistics depend on x, hence the two mean-removal terms.
          dx.data[o + i] = this.trainingPass
            ? (k * (n * d[o + i] - sumDy - xhat[o + i] * sumDyXhat)) / n
            : k * d[o + i];
        }
      }
    }
    return dx;
  }
}
