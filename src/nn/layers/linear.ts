import { addRowVector, sumRows } from '../../compute/elementwise.js';
import {
  runGemmPlan,
  runGemmPlanAsync,
  type GemmPlan,
  type LoopTurns,
} from '../../compute/gemm-plan.js';
import type { ForwardContext, Layer, Param, Runtime } from '../layer.js';
import { RecycledBuffer } from '../recycled-buffer.js';
import type { Tensor } from '../tensor.js';
import { AnalogWeights, maskClamped, maskSaturated } from './analog-product.js';
import { defaultInit, makeParam } from './init.js';

export interface LinearOptions {
  inFeatures: number;
  outFeatures: number;
  /** Add a (digital) bias; default true. */
  bias?: boolean;
  /** Forward product on the device (true) or with kernels.gemm (false). */
  analog: boolean;
  /** Seed of the weight initialisation; default 0. */
  seed?: number;
}

/**
 * y = x W^T + b over the last dimension of x ([..., in] -> [..., out]); every leading row is one
 * product row. W is [out, in] (`weight`), b is [out] (`bias`), initialised as PyTorch does.
 *
 * Analog: the product runs on the runtime's device (re-programmed only when W's version changed);
 * the bias is added digitally. Digital: kernels.gemm. Backward is always digital (method.md
 * section 3): dX = dY W, dW += dY^T X, db += sum dY, with X the input as given; on an analog
 * layer dX is masked where the device's declared input range clipped x (see AnalogWeights).
 */
export class Linear implements Layer {
  readonly kind = 'linear';
  readonly analog: boolean;
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Param;
  readonly bias: Param | undefined;
  private readonly onDevice: AnalogWeights | undefined;
  private saved: Tensor | undefined;
  private saturated: Uint8Array | undefined;
  /** forward's digital y and backward's dx, reused across training steps (see RecycledBuffer). */
  private readonly out = new RecycledBuffer();
  private readonly grad = new RecycledBuffer();
  /** What backward returns when the input gradient is not needed (zeros, reused). */
  private noInputGrad: Float32Array | undefined;
  /**
   * False when nothing uses this layer's input gradient (see Layer.inputGradNeeded): backward
   * then skips dX = dY W and returns zeros.
   */
  inputGradNeeded = true;

  constructor(
    private readonly rt: Runtime,
    opts: LinearOptions,
  ) {
    const { inFeatures, outFeatures } = opts;
    for (const [k, v] of [
      ['inFeatures', inFeatures],
      ['outFeatures', outFeatures],
    ] as const) {
      if (!Number.isInteger(v) || v <= 0)
        throw new RangeError(`Linear: ${k} must be a positive integer, got ${v}`);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.analog = opts.analog;
    this.weight = makeParam('weight', [outFeatures, inFeatures]);
    this.bias = opts.bias === false ? undefined : makeParam('bias', [outFeatures]);
    defaultInit(this.weight.value, this.bias?.value, inFeatures, opts.seed ?? 0);
    this.onDevice = opts.analog
      ? new AnalogWeights(rt.device, this.weight, outFeatures, inFeatures)
      : undefined;
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const last = x.shape[x.shape.length - 1];
    if (x.shape.length < 2 || last !== this.inFeatures) {
      throw new RangeError(
        `Linear: expected input [batch, ..., ${this.inFeatures}], got [${x.shape}]`,
      );
    }
    const rows = x.data.length / this.inFeatures;
    const out = this.outFeatures;
    let y: Float32Array;
    this.grad.release();
    if (this.onDevice) {
      // Noise is keyed per product row: sample s's rows start at (rowOffset + s) * rowsPerSample,
      // so a sample gets the same noise whatever batch chunk it arrives in.
      const batch = x.shape[0];
      const rowsPerSample = batch === 0 ? 0 : rows / batch;
      y = await this.onDevice.product(x.data, rows, {
        draw: ctx.draw,
        rowOffset: ctx.rowOffset * rowsPerSample,
        programDraw: ctx.programDraw,
      });
      this.saturated = this.onDevice.saturated(y);
    } else {
      // beta = 0 overwrites every element, so a recycled array needs no clearing.
      y = this.out.take(rows * out);
      this.rt.kernels.gemm(
        false,
        true,
        rows,
        out,
        this.inFeatures,
        1,
        x.data,
        this.weight.value,
        0,
        y,
      );
    }
    if (this.bias) addRowVector(y, this.bias.value, rows, out);
    this.saved = x;
    return { data: y, shape: [...x.shape.slice(0, -1), out] };
  }

  backward(dy: Tensor): Tensor {
    return runGemmPlan(this.rt.kernels, this.backwardPlan(dy));
  }

  /**
   * backward() letting the event loop turn between its products (`turns`) and during large ones
   * (Kernels.gemmAsync): what the trainer calls while a board is attached. Same result, bit for
   * bit.
   */
  backwardAsync(dy: Tensor, turns?: LoopTurns): Promise<Tensor> {
    return runGemmPlanAsync(this.rt.kernels, this.backwardPlan(dy), turns);
  }

  /** The backward pass, yielding its gemm calls (see gemm-plan.ts). */
  private *backwardPlan(dy: Tensor): GemmPlan<Tensor> {
    const x = this.saved;
    if (!x) throw new Error('Linear: backward before forward');
    const rows = x.data.length / this.inFeatures;
    const out = this.outFeatures;
    const inF = this.inFeatures;
    if (dy.data.length !== rows * out) {
      throw new RangeError(`Linear: dy has ${dy.data.length} values, expected ${rows} x ${out}`);
    }
    this.out.release();
    // The aod Clamp: outputs at the ADC's full scale pass no gradient (method.md section 3).
    const g = this.onDevice ? maskSaturated(dy.data, this.saturated) : dy.data;
    let dx: Float32Array;
    if (this.inputGradNeeded) {
      const W = this.onDevice ? this.onDevice.backwardWeights() : this.weight.value;
      dx = this.grad.take(rows * inF);
      yield [false, false, rows, inF, out, 1, g, W, 0, dx];
    } else dx = this.zeros(rows * inF);
    yield [true, false, out, inF, rows, 1, g, x.data, 1, this.weight.grad];
    if (this.bias) sumRows(g, rows, out, this.bias.grad);
    if (this.onDevice && this.inputGradNeeded) {
      maskClamped(dx, x.data, this.onDevice.inputRange());
    }
    return { data: dx, shape: [...x.shape] };
  }

  /** n zeros for a skipped input gradient: one buffer, cleared each time (a caller may write it). */
  private zeros(n: number): Float32Array {
    if (!this.noInputGrad || this.noInputGrad.length !== n) this.noInputGrad = new Float32Array(n);
    else this.noInputGrad.fill(0);
    return this.noInputGrad;
  }

  params(): Param[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }
}
