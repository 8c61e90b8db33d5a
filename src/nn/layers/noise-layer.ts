import type { Range } from '../../device/device.js';
import { addNoise, type NoiseModel, type ResolvedNoise, resolveNoise } from '../../noise/models.js';
import { clamp, reducePrecision } from '../../noise/quantise.js';
import { deriveKey } from '../../noise/rng.js';
import type { ForwardContext, Layer, Param } from '../layer.js';
import type { Tensor } from '../tensor.js';
import { maskClamped } from './analog-product.js';

export interface NoiseLayerOptions {
  /** Precision of the RP step (levels per unit); 0 or Infinity: no quantisation. */
  p: number;
  /**
   * The noise: a model and one of ep (error probability) or scale; the other is derived with the
   * layer's p (method.md section 2). With p ideal (0/Infinity) give scale. Model 'none' for none.
   */
  noise: { model: NoiseModel; ep?: number; scale?: number };
  /** Clamp range before RP; default [-1, 1]. */
  range?: Range;
  /** Distinguishes this layer's noise stream from every other layer's; fixed per model. */
  id: number;
}

/** Purpose tag in the key, so this stream never equals a dropout mask's or the device's. */
const SITE_NOISE_LAYER = 0x4e4f4953; // "NOIS"

/**
 * The noise setting at precision p. Without quantisation (p ideal) EP has no bins to refer to,
 * so only an explicit scale of an additive model makes sense.
 */
function resolveLayerNoise(noise: NoiseLayerOptions['noise'], p: number): ResolvedNoise {
  if (p !== 0 && p !== Infinity) return resolveNoise({ ...noise, p });
  if (noise.model === 'none') return resolveNoise({ model: 'none' });
  const { model, scale, ep } = noise;
  if (
    ep !== undefined ||
    model === 'poisson' ||
    !(scale !== undefined && Number.isFinite(scale) && scale >= 0)
  ) {
    throw new RangeError(
      `NoiseLayer: without quantisation (p = ${p}) give an additive model with a finite scale >= 0, not an ep`,
    );
  }
  return { model, scale, ep: undefined, p: undefined };
}

/**
 * A digital-side quantised-noise layer, the paper's input ("doa") block applied on the host:
 * Clamp[lo, hi] -> RP(p) -> Noise(EP, p). Use it where noise is not produced by a device
 * product, e.g. the ViT's noisy input sensor in front of a digital transformer.
 *
 * The noise is fresh per element and per draw, in training and in evaluation (method.md
 * section 2), and is a pure function of (run seed, layer id, draw, global element index), so a
 * sample sees the same noise whatever batch chunk it arrives in.
 *
 * Backward is straight-through (method.md section 3): RP and the noise pass the gradient
 * unchanged; the Clamp masks it with 1[lo <= x <= hi].
 */
export class NoiseLayer implements Layer {
  readonly kind = 'noise';
  readonly analog = false;
  readonly p: number;
  readonly range: Range;
  readonly id: number;
  readonly noise: ResolvedNoise;
  private saved: Tensor | undefined;

  constructor(opts: NoiseLayerOptions) {
    const { p, id } = opts;
    if (!(p === 0 || p === Infinity || (Number.isFinite(p) && p > 0))) {
      throw new RangeError(
        `NoiseLayer: p must be > 0 (or 0/Infinity for no quantisation), got ${p}`,
      );
    }
    if (!Number.isSafeInteger(id))
      throw new RangeError(`NoiseLayer: id must be a safe integer, got ${id}`);
    const range = opts.range ?? [-1, 1];
    if (!(range[0] <= range[1]))
      throw new RangeError(`NoiseLayer: range must have lo <= hi, got [${range}]`);
    this.p = p;
    this.id = id;
    this.range = [range[0], range[1]];
    this.noise = resolveLayerNoise(opts.noise, p);
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const n = x.data.length;
    const batch = x.shape[0] ?? 1;
    const perSample = batch === 0 ? 0 : n / batch;
    const y = clamp(x.data, this.range[0], this.range[1], new Float32Array(n));
    reducePrecision(y, this.p);
    addNoise(
      this.noise,
      y,
      deriveKey(ctx.seed, SITE_NOISE_LAYER, this.id, ctx.draw),
      ctx.rowOffset * perSample,
    );
    this.saved = x;
    return { data: y, shape: [...x.shape] };
  }

  backward(dy: Tensor): Tensor {
    const x = this.saved;
    if (!x) throw new Error('NoiseLayer: backward before forward');
    if (dy.data.length !== x.data.length) {
      throw new RangeError(
        `NoiseLayer: dy has ${dy.data.length} values, expected ${x.data.length}`,
      );
    }
    return { data: maskClamped(dy.data.slice(), x.data, this.range), shape: [...x.shape] };
  }

  params(): Param[] {
    return [];
  }
}
