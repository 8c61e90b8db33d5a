/**
 * The addon's optimizer kernels (native/optim.c): the per-element loops of SGD and Adam(W) in
 * C, bit-identical to the JavaScript loops in optimizers.ts (the same float64 arithmetic in the
 * same order), which remain the reference and the fallback when the addon is absent, older than
 * these functions, disabled by ANALOOP_NATIVE=0 or by ANALOOP_NATIVE_OPTIM=0.
 */
import { loadNativeAddon, nativeSwitchedOff, type NativeAddon } from '../compute/native-addon.js';

/** Set to 0, off or false to keep the optimizers in JavaScript (e.g. to compare speed). */
export const NATIVE_OPTIM_ENV = 'ANALOOP_NATIVE_OPTIM';

export interface OptimizerKernels {
  /**
   * One Adam(W) step over a param: wj = fround(w shrink), g = grad + l2 wj, m and v updated,
   * w = wj - stepSize m / (sqrt(v) / bc2Sqrt + eps). All arrays of the same length.
   */
  adamStep(
    w: Float32Array,
    grad: Float32Array,
    m: Float32Array,
    v: Float32Array,
    b1: number,
    b2: number,
    eps: number,
    shrink: number,
    l2: number,
    stepSize: number,
    bc2Sqrt: number,
  ): void;
  /**
   * One SGD step: buf null for plain SGD (w -= lr (grad + wd w)); else momentum mu with
   * keep = 1 - dampening, fresh on the buffer's first step (buf = g), optionally nesterov.
   */
  sgdStep(
    w: Float32Array,
    grad: Float32Array,
    buf: Float32Array | null,
    lr: number,
    wd: number,
    mu: number,
    keep: number,
    fresh: boolean,
    nesterov: boolean,
  ): void;
}

let allowed = !nativeSwitchedOff(process.env[NATIVE_OPTIM_ENV]);
let cached: OptimizerKernels | null | undefined;

/** Turns the native optimizer kernels off (or on) in this process; returns the previous setting. */
export function setNativeOptimizers(enabled: boolean): boolean {
  const was = allowed;
  allowed = enabled;
  return was;
}

/** The addon's optimizer kernels when built, allowed and present; otherwise undefined. */
export function nativeOptimizerKernels(): OptimizerKernels | undefined {
  if (!allowed) return undefined;
  if (cached === undefined) {
    const n = loadNativeAddon();
    const addon = n.ok ? (n.addon as NativeAddon & Partial<OptimizerKernels>) : undefined;
    cached =
      addon && typeof addon.adamStep === 'function' && typeof addon.sgdStep === 'function'
        ? { adamStep: addon.adamStep.bind(addon), sgdStep: addon.sgdStep.bind(addon) }
        : null;
  }
  return cached ?? undefined;
}
