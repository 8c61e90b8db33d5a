import { checkRange, forEachCounterRun } from '../../noise/counter.js';
import { deriveKey, fillUniform } from '../../noise/rng.js';
import type { ForwardContext, Layer, Param } from '../layer.js';
import { nativePointwiseKernels } from '../native-pointwise.js';
import { RecycledBuffer } from '../recycled-buffer.js';
import type { Tensor } from '../tensor.js';

export interface DropoutOptions {
  /** Probability of zeroing an element, in [0, 1]. */
  p: number;
  /**
   * Distinguishes this layer's masks from every other dropout layer's in the model (layers with
   * the same id and width would drop the same elements). Any safe integer, fixed per model.
   */
  id: number;
}

/** Purpose tag in the key, so a dropout layer's stream never equals another consumer's. */
const SITE_DROPOUT = 0x44524f50; // "DROP"

/**
 * Inverted dropout: in training each element is zeroed with probability p and the survivors are
 * scaled by 1/(1-p), so evaluation (where the layer is the identity) needs no rescaling.
 *
 * The mask is a pure function of (run seed, layer id, draw, global element index), where the
 * element index counts from sample ctx.rowOffset of the draw: the same sample gets the same mask
 * whatever batch chunk it is in, and a resumed run replays the same masks.
 */
export class Dropout implements Layer {
  readonly kind = 'dropout';
  readonly analog = false;
  readonly p: number;
  readonly id: number;
  /** Per-element factor of the last training forward (0 or 1/(1-p)); undefined after eval. */
  private mask: Float32Array | undefined;
  /** The mask's array, kept (internal) when an evaluation pass clears `mask`. */
  private maskBuffer: Float32Array | undefined;
  /** forward's y and backward's dx, reused across training steps (see RecycledBuffer). */
  private readonly out = new RecycledBuffer();
  private readonly grad = new RecycledBuffer();

  constructor(opts: DropoutOptions) {
    if (!(opts.p >= 0 && opts.p <= 1))
      throw new RangeError(`Dropout: p must be in [0, 1], got ${opts.p}`);
    if (!Number.isSafeInteger(opts.id))
      throw new RangeError(`Dropout: id must be a safe integer, got ${opts.id}`);
    this.p = opts.p;
    this.id = opts.id;
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    this.grad.release();
    if (!ctx.training || this.p === 0) {
      this.mask = undefined;
      return x;
    }
    const n = x.data.length;
    const batch = x.shape[0] ?? 1;
    const perSample = batch === 0 ? 0 : n / batch;
    const mask =
      this.maskBuffer?.length === n ? this.maskBuffer : (this.maskBuffer = new Float32Array(n));
    const y = this.out.take(n);
    const native = nativePointwiseKernels();
    if (this.p < 1) {
      const key = deriveKey(ctx.seed, SITE_DROPOUT, this.id, ctx.draw);
      const start = ctx.rowOffset * perSample;
      const keep = 1 / (1 - this.p);
      if (native) {
        // The same uniforms as fillUniform (counter runs of rng.ts), mask and product in one pass.
        checkRange(start, n);
        forEachCounterRun(key, start, n, 0, (i0, i1, lo, s0, s1) =>
          native.dropoutForward(x.data, y, mask, i0, i1 - i0, lo, s0, s1, this.p, keep),
        );
        this.mask = mask;
        return { data: y, shape: [...x.shape] };
      }
      fillUniform(key, start, mask);
      for (let i = 0; i < n; i++) mask[i] = mask[i] < this.p ? 0 : keep;
    } else {
      mask.fill(0);
    }
    for (let i = 0; i < n; i++) y[i] = x.data[i] * mask[i];
    this.mask = mask;
    return { data: y, shape: [...x.shape] };
  }

  backward(dy: Tensor): Tensor {
    const mask = this.mask;
    if (!mask) return dy;
    if (dy.data.length !== mask.length)
      throw new RangeError(`Dropout: dy has ${dy.data.length} values, expected ${mask.length}`);
    this.out.release();
    const dx = this.grad.take(mask.length);
    const native = nativePointwiseKernels();
    if (native) native.multiplyInto(dy.data, mask, dx);
    else for (let i = 0; i < mask.length; i++) dx[i] = dy.data[i] * mask[i];
    return { data: dx, shape: [...dy.shape] };
  }

  params(): Param[] {
    return [];
  }
}
