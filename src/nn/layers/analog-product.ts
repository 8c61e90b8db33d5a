import { loadNativeAddon, type NativeAddon } from '../../compute/native-addon.js';
import type { Device, ProductContext, Range, SourceRows } from '../../device/device.js';
import { getTileAllocator, TiledMatrix } from '../../device/tiling.js';
import type { Param } from '../layer.js';

/**
 * ProductContext.inputSource and sourceOffset, built by a layer whose X repeats inputs, and
 * optionally the source values the map indexes (ProductContext.sourceValues).
 */
export interface InputSources {
  inputSource: Int32Array;
  sourceOffset: number;
  sourceValues?: Float32Array;
  sourceRows?: SourceRows;
}

/**
 * The analog side of a weight layer (Linear, Conv2d): the weight Param mapped onto the device's
 * tiles, and what the digital backward pass can derive from the device's declaration.
 *
 * - The tiles are re-programmed only when the Param's `version` changed since the last write
 *   (writing a board's array is slow and wears memristive cells), never per forward pass.
 * - Backward (method.md section 3, straight-through): the device's own input chain
 *   (Clamp -> RP -> Noise) passes gradients through except for the Clamp, whose mask
 *   1[lo <= x <= hi] is applied when the device declares a finite input range. The weight
 *   chain is skipped (dL/dW := dL/dW'); dX uses the weights as the device holds them up to
 *   quantisation and noise, i.e. clamped to the declared weight range (identity when unbounded).
 */
export class AnalogWeights {
  private readonly tiled: TiledMatrix;
  private programmedVersion = -1;
  private clampedW: Float32Array | undefined;
  private clampedVersion = -1;

  constructor(
    readonly device: Device,
    private readonly weight: Param,
    /** Outputs (rows of W). */
    readonly rows: number,
    /** Inputs (cols of W). */
    readonly cols: number,
  ) {
    this.tiled = new TiledMatrix(device, getTileAllocator(device), rows, cols);
  }

  /** Number of physical tiles used. */
  get tileCount(): number {
    return this.tiled.tileCount;
  }

  /**
   * Y = X W^T (X batch x cols, Y batch x rows) on the device, programming it first if stale.
   * `sources` says which physical input each element of X copies (a conv's im2col map); it is
   * only called when the device converts per source, so other devices cost nothing, and the
   * layer need not know which kind it has. Stale weights are programmed as programming
   * `ctx.programDraw` (default ctx.draw; see ForwardContext.programDraw). With `fillX`, X is
   * handed unfilled and fillX() writes it, called only when the device reads X (Device.needsX):
   * a per-source simulator converts the sources alone, and the conv's im2row of X is then skipped.
   */
  async product(
    X: Float32Array,
    batch: number,
    ctx: ProductContext & { programDraw?: number },
    sources?: () => InputSources,
    fillX?: () => void,
  ): Promise<Float32Array> {
    if (this.programmedVersion !== this.weight.version) {
      const version = this.weight.version;
      await this.tiled.program(this.weight.value, { draw: ctx.programDraw ?? ctx.draw });
      this.programmedVersion = version;
    }
    const pc: ProductContext = { draw: ctx.draw, rowOffset: ctx.rowOffset };
    if (ctx.out) pc.out = ctx.out;
    if (sources && this.device.info().inputConversion === 'per-source') {
      const s = sources();
      pc.inputSource = s.inputSource;
      pc.sourceOffset = s.sourceOffset;
      if (s.sourceValues) pc.sourceValues = s.sourceValues;
      if (s.sourceRows) pc.sourceRows = s.sourceRows;
    }
    if (fillX && this.tiled.needsX(pc)) fillX();
    return this.tiled.matmul(X, batch, pc);
  }

  /** The finite input range the device clips to, or undefined when unbounded. */
  inputRange(): Range | undefined {
    const r = this.device.info().inputRange;
    return Number.isFinite(r[0]) || Number.isFinite(r[1]) ? r : undefined;
  }

  /** The finite output range (the ADC's full scale), or undefined when unbounded. */
  outputBounds(): Range | undefined {
    const r = this.device.info().outputRange;
    return Number.isFinite(r[0]) || Number.isFinite(r[1]) ? r : undefined;
  }

  /**
   * Which outputs sit at the ADC's full scale. The output Clamp (method.md's aod block) clipped
   * them, and its straight-through gradient is 1[lo <= z <= hi], so they pass no gradient. A value
   * that rounded onto the bound without being clipped looks the same from the host (a board
   * reports only codes), so it is masked too. Undefined when the range is unbounded or nothing
   * saturated.
   */
  saturated(y: Float32Array): Uint8Array | undefined {
    const [lo, hi] = this.device.info().outputRange;
    if (!Number.isFinite(lo) && !Number.isFinite(hi)) return undefined;
    const native = maskAddon(y.length);
    if (native) {
      const mask = new Uint8Array(y.length);
      return native.saturationMask(y, lo, hi, mask) > 0 ? mask : undefined;
    }
    let mask: Uint8Array | undefined;
    for (let i = 0; i < y.length; i++) {
      if (y[i] <= lo || y[i] >= hi) (mask ??= new Uint8Array(y.length))[i] = 1;
    }
    return mask;
  }

  /** The weights for dX = dY W: the Param's values clamped to the device's weight range. */
  backwardWeights(): Float32Array {
    const [lo, hi] = this.device.info().weightRange;
    if (!Number.isFinite(lo) && !Number.isFinite(hi)) return this.weight.value;
    if (this.clampedW && this.clampedVersion === this.weight.version) return this.clampedW;
    const w = this.weight.value;
    // Usually every weight is in range (training keeps them small): then W itself is the answer,
    // and a read-only scan is cheaper than a clamped copy.
    if (allInside(w, lo, hi)) return w;
    const out = this.clampedW ?? new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) out[i] = Math.min(hi, Math.max(lo, w[i]));
    this.clampedW = out;
    this.clampedVersion = this.weight.version;
    return out;
  }
}

/**
 * Straight-through gradient of an input Clamp[lo, hi]: zero dx where x was clipped. A value
 * exactly on the bound passes (the clamp is the identity there), as in method.md: 1[lo <= x <= hi].
 */
export function maskClamped(
  dx: Float32Array,
  x: Float32Array,
  range: Range | undefined,
): Float32Array {
  if (!range) return dx;
  const [lo, hi] = range;
  const native = maskAddon(dx.length);
  if (native && x.length >= dx.length) {
    native.maskOutside(dx, x, lo, hi);
    return dx;
  }
  for (let i = 0; i < dx.length; i++) {
    const v = x[i];
    if (!(v >= lo && v <= hi)) dx[i] = 0;
  }
  return dx;
}

/** dy with the gradient of saturated outputs zeroed (a copy; dy itself is left alone). */
export function maskSaturated(dy: Float32Array, saturated: Uint8Array | undefined): Float32Array {
  if (!saturated) return dy;
  const native = maskAddon(dy.length);
  if (native && saturated.length >= dy.length) {
    const out = new Float32Array(dy.length);
    native.maskedCopy(dy, saturated, out);
    return out;
  }
  const out = dy.slice();
  for (let i = 0; i < out.length; i++) if (saturated[i]) out[i] = 0;
  return out;
}

function allInside(w: Float32Array, lo: number, hi: number): boolean {
  const native = maskAddon(w.length);
  if (native) return native.allInside(w, lo, hi);
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    if (!(v >= lo && v <= hi)) return false;
  }
  return true;
}

/** The masks' native loops (native/analoop.c; the same comparisons in the same doubles). */
interface MaskAddon {
  saturationMask(y: Float32Array, lo: number, hi: number, mask: Uint8Array): number;
  maskedCopy(dy: Float32Array, mask: Uint8Array, out: Float32Array): void;
  maskOutside(dx: Float32Array, x: Float32Array, lo: number, hi: number): void;
  allInside(w: Float32Array, lo: number, hi: number): boolean;
}

/** Below this many elements the JS loops cost no more than a native call. */
const MASK_NATIVE_MIN = 2048;
let maskFns: MaskAddon | null | undefined;

/** The addon's mask loops for n elements, or undefined (short arrays, or no addon). */
function maskAddon(n: number): MaskAddon | undefined {
  if (n < MASK_NATIVE_MIN) return undefined;
  if (maskFns === undefined) {
    const a = loadNativeAddon();
    const m = a.ok ? (a.addon as NativeAddon & Partial<MaskAddon>) : undefined;
    const ok =
      typeof m?.saturationMask === 'function' &&
      typeof m.maskedCopy === 'function' &&
      typeof m.maskOutside === 'function' &&
      typeof m.allInside === 'function';
    maskFns = ok ? (m as MaskAddon) : null;
  }
  return maskFns ?? undefined;
}
