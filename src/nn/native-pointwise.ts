/**
 * The addon's pointwise and pooling kernels (native/pointwise.c) for ActivationLayer, MaxPool2d
 * and Dropout. The JavaScript loops in those layers (and activations.ts) remain the reference and
 * the fallback when the addon is absent, older than these functions, disabled by
 * ANALOOP_NATIVE=0 or by ANALOOP_NATIVE_POINTWISE=0.
 */
import { loadNativeAddon, nativeSwitchedOff, type NativeAddon } from '../compute/native-addon.js';

/** Set to 0, off or false to keep these layers in JavaScript (e.g. to compare speed). */
export const NATIVE_POINTWISE_ENV = 'ANALOOP_NATIVE_POINTWISE';

/** Activation kinds as the addon numbers them. */
export const NATIVE_ACTIVATION_KIND = {
  relu: 0,
  gelu: 1,
  'relu-gelu': 2,
  silu: 3,
  'relu-silu': 4,
} as const;

export interface PointwiseKernels {
  /**
   * y = f(x), dydx = f'(x) as activations.ts forwardAndDerivative; kind from
   * NATIVE_ACTIVATION_KIND, params = [slope, reluGradAtZero, mix, scale]. Same lengths.
   */
  activationForward(
    kind: number,
    params: Float64Array,
    x: Float32Array,
    y: Float32Array,
    dydx: Float32Array,
  ): void;
  /** out[k] = a[k] * b[k] in float32 (one rounding, as the JS loops). Same lengths. */
  multiplyInto(a: Float32Array, b: Float32Array, out: Float32Array): void;
  /** geo = [planes, H, W, oH, oW, kh, kw, sh, sw, ph, pw]; writes y and argmax. */
  maxpoolForward(geo: Int32Array, x: Float32Array, y: Float32Array, argmax: Int32Array): void;
  /** Overwrites dx: zeros, plus dy routed to each window's argmax (summed in output order). */
  maxpoolBackward(geo: Int32Array, dy: Float32Array, argmax: Int32Array, dx: Float32Array): void;
  /**
   * Elements offset .. offset + count - 1 of one counter run (lo, s0, s1 as forEachCounterRun
   * gives them): mask = uniform < p ? 0 : keep (as float32), y = x * mask.
   */
  dropoutForward(
    x: Float32Array,
    y: Float32Array,
    mask: Float32Array,
    offset: number,
    count: number,
    lo: number,
    s0: number,
    s1: number,
    p: number,
    keep: number,
  ): void;
}

const NAMES = [
  'activationForward',
  'multiplyInto',
  'maxpoolForward',
  'maxpoolBackward',
  'dropoutForward',
] as const;

let allowed = !nativeSwitchedOff(process.env[NATIVE_POINTWISE_ENV]);
let cached: PointwiseKernels | null | undefined;

/** Turns the native kernels off (or on) in this process; returns the previous setting. */
export function setNativePointwise(enabled: boolean): boolean {
  const was = allowed;
  allowed = enabled;
  return was;
}

/** The addon's pointwise kernels when built, allowed and present; otherwise undefined. */
export function nativePointwiseKernels(): PointwiseKernels | undefined {
  if (!allowed) return undefined;
  if (cached === undefined) {
    const n = loadNativeAddon();
    const addon = n.ok ? (n.addon as NativeAddon & Partial<PointwiseKernels>) : undefined;
    cached =
      addon && NAMES.every((name) => typeof addon[name] === 'function')
        ? (Object.fromEntries(
            NAMES.map((name) => [name, (addon[name] as (...a: unknown[]) => void).bind(addon)]),
          ) as unknown as PointwiseKernels)
        : null;
  }
  return cached ?? undefined;
}
