/**
 * Fused noise chains: Clamp -> RP -> Noise -> Clamp -> RP in one pass over memory, with the
 * counter-based generator, bit-identical to the separate calls (clamp, reducePrecision,
 * addNoise) that remain the reference. The simulator runs one such chain per product operand
 * (weights, inputs, outputs), millions of elements per training step, so the separate calls'
 * four or five passes over memory, and their re-validation per call, are real costs.
 *
 * Bit-identity: every stage rounds to float32 exactly where the reference stores into its
 * Float32Array, and uses the same float64 expressions in the same order. The native path
 * (native/analoop.c, when the addon is built) mirrors these expressions with FMA contraction
 * off and receives the very normal tables used here; it serves the gaussian and uniform models
 * and chains without noise, and the tests compare it with the reference bit for bit. Laplace
 * (whose Math.log the C library might round differently) and Poisson always run in JS.
 */
import { loadNativeAddon, type NativeAddon } from '../compute/native-addon.js';
import {
  bitsToUniform,
  checkRange,
  counterBits,
  DrawStreams,
  forEachCounterRun,
} from './counter.js';
import { addNoise, NOISE_MODELS, type NoiseSpec } from './models.js';
import { normalFromBits, normalTables } from './normal-bits.js';
import { poissonFromCounter } from './poisson.js';
import { clamp, reducePrecision } from './quantise.js';
import type { NoiseKey } from './rng.js';

/** Clamp to [lo, hi] (each bound optional), then RP at precision p (0, Infinity or absent: none). */
export interface QuantStage {
  lo?: number;
  hi?: number;
  p?: number;
}

/** pre (Clamp -> RP), then noise, then post (Clamp -> RP); every part optional. */
export interface NoiseChain {
  pre?: QuantStage;
  noise?: NoiseSpec;
  post?: QuantStage;
}

export interface CompileOptions {
  /**
   * Use the native addon when it is built and serves the model (default true). Turned off,
   * the JS fused loop runs; the results are identical either way.
   */
  native?: boolean;
}

/**
 * Below this many elements the JS loop wins (a native call costs about a microsecond);
 * measured on the machine of bench/noise.ts.
 */
const NATIVE_MIN = 64;

// Flags and model numbers shared with native/analoop.c.
const PRE_CLAMP = 1;
const PRE_RP = 2;
const POST_CLAMP = 4;
const POST_RP = 8;
const MODEL = { none: 0, gaussian: 1, uniform: 2, laplace: 3, poisson: 4 } as const;

interface Stage {
  clampOn: boolean;
  lo: number;
  hi: number;
  /** 0 = no RP. */
  p: number;
  /**
   * 1/p when p is a power of two, else 0. Then v * inv equals v / p bit for bit (both are the
   * correctly rounded v 2^-k), and a multiply is several times cheaper than a divide.
   */
  inv: number;
}

function powerOfTwoInverse(p: number): number {
  if (!(p > 0 && p < Infinity)) return 0;
  const k = Math.round(Math.log2(p));
  return 2 ** k === p && 2 ** -k > 0 ? 2 ** -k : 0;
}

function checkStage(fn: string, name: string, s: QuantStage | undefined): Stage {
  const lo = s?.lo ?? -Infinity;
  const hi = s?.hi ?? Infinity;
  if (!(lo <= hi)) throw new RangeError(`${fn}: ${name} needs lo <= hi, got lo ${lo} and hi ${hi}`);
  const p = s?.p ?? 0;
  if (!(p === 0 || p === Infinity || p > 0)) {
    throw new RangeError(
      `${fn}: ${name}.p (precision) must be > 0 (or 0/Infinity for ideal), got ${p}`,
    );
  }
  const pp = p === Infinity ? 0 : p;
  return {
    clampOn: lo !== -Infinity || hi !== Infinity,
    lo,
    hi,
    p: pp,
    inv: powerOfTwoInverse(pp),
  };
}

/**
 * Elements per block: the stages of a chain run one after another over a block that stays in
 * L1 (8 KiB of float32), so the chain costs one pass over main memory. Each stage is a short
 * loop of the reference's own arithmetic, which V8 compiles well; one loop doing every stage
 * per element measured slower.
 */
const BLOCK = 2048;

/** dst[i] = Clamp -> RP of src[i] for i in [i0, i1): the reference's expressions, in order. */
function quantStage(src: Float32Array, dst: Float32Array, i0: number, i1: number, s: Stage): void {
  const { lo, hi, p, inv } = s;
  if (s.clampOn) {
    for (let i = i0; i < i1; i++) {
      const v = src[i];
      dst[i] = v < lo ? lo : v > hi ? hi : v;
    }
    src = dst;
  }
  if (p === 0) {
    if (src !== dst) for (let i = i0; i < i1; i++) dst[i] = src[i];
  } else if (inv !== 0) {
    for (let i = i0; i < i1; i++) {
      const g = src[i] * p;
      const r = Math.ceil(Math.abs(g) - 0.5) * inv;
      dst[i] = (g < 0 ? -r : r) + 0; // + 0 turns -0 into +0, as reducePrecision does
    }
  } else {
    for (let i = i0; i < i1; i++) {
      const g = src[i] * p;
      const r = Math.ceil(Math.abs(g) - 0.5) / p;
      dst[i] = (g < 0 ? -r : r) + 0;
    }
  }
}

/** out[i] += scale * N(0, 1) for i in [i0, i1), counters lo, lo + 1, ... */
function gaussianStage(
  out: Float32Array,
  i0: number,
  i1: number,
  lo: number,
  s0: number,
  s1: number,
  scale: number,
): void {
  for (let i = i0; i < i1; i++, lo = (lo + 1) | 0)
    out[i] = out[i] + scale * normalFromBits(counterBits(lo, s0, s1));
}

function uniformStage(
  out: Float32Array,
  i0: number,
  i1: number,
  lo: number,
  s0: number,
  s1: number,
  scale: number,
): void {
  for (let i = i0; i < i1; i++, lo = (lo + 1) | 0)
    out[i] = out[i] + scale * (bitsToUniform(counterBits(lo, s0, s1)) - 0.5);
}

function laplaceStage(
  out: Float32Array,
  i0: number,
  i1: number,
  lo: number,
  s0: number,
  s1: number,
  scale: number,
): void {
  for (let i = i0; i < i1; i++, lo = (lo + 1) | 0) {
    const u = bitsToUniform(counterBits(lo, s0, s1));
    out[i] = out[i] + scale * (u < 0.5 ? Math.log(2 * u) : -Math.log(2 - 2 * u));
  }
}

/** Poisson (shot) noise at rate r, as addNoise: NaN and infinite values pass through. */
function poissonStage(
  out: Float32Array,
  i0: number,
  i1: number,
  lo: number,
  s0: number,
  s1: number,
  r: number,
  streams: DrawStreams,
): void {
  for (let i = i0; i < i1; i++, lo = (lo + 1) | 0) {
    const v = out[i];
    const mean = Math.abs(v) * r;
    if (!(mean < Infinity)) continue;
    const y = poissonFromCounter(mean, lo, s0, s1, streams) / r;
    out[i] = v < 0 ? -y : y;
  }
}

let nativeTablesSent = false;

/** The addon when it is loaded and has the normal tables; undefined otherwise. */
function nativeAddon(): NativeAddon | undefined {
  const n = loadNativeAddon();
  if (!n.ok) return undefined;
  if (!nativeTablesSent) {
    const t = normalTables();
    n.addon.noiseTables(t.centre, t.direct, t.octave);
    nativeTablesSent = true;
  }
  return n.addon;
}

/** True when the native fused kernels are in use for the models they serve. */
export function nativeChainsAvailable(): boolean {
  return nativeAddon() !== undefined;
}

/** A validated chain, ready to apply many times (validation and set-up happen once). */
export class CompiledChain {
  private readonly pre: Stage;
  private readonly post: Stage;
  private readonly model: number;
  private readonly scale: number;
  /** Poisson: counts per unit signal, p * scale. */
  private readonly rate: number;
  private readonly params: Float64Array;
  private readonly native: NativeAddon | undefined;

  constructor(
    readonly chain: NoiseChain,
    opts: CompileOptions = {},
  ) {
    const fn = 'noise chain';
    this.pre = checkStage(fn, 'pre', chain.pre);
    this.post = checkStage(fn, 'post', chain.post);
    const spec = chain.noise ?? { model: 'none', scale: 0 };
    const { model, scale } = spec;
    if (!NOISE_MODELS.includes(model)) {
      throw new RangeError(
        `${fn}: unknown model '${String(model)}'; use one of ${NOISE_MODELS.join(', ')}`,
      );
    }
    if (model !== 'none' && !(Number.isFinite(scale) && scale >= 0)) {
      throw new RangeError(`${fn} (${model}): scale must be finite and >= 0, got ${scale}`);
    }
    this.model = model === 'none' || scale === 0 ? MODEL.none : MODEL[model];
    this.scale = scale;
    this.rate = 0;
    if (this.model === MODEL.poisson) {
      const p = spec.p;
      if (p === undefined || !(Number.isFinite(p) && p > 0)) {
        throw new RangeError(
          `${fn} (poisson): noise.p (precision) is required and must be finite and > 0, got ${p}; the rate is p * scale`,
        );
      }
      this.rate = p * scale;
    }
    const flags =
      (this.pre.clampOn ? PRE_CLAMP : 0) |
      (this.pre.p !== 0 ? PRE_RP : 0) |
      (this.post.clampOn ? POST_CLAMP : 0) |
      (this.post.p !== 0 ? POST_RP : 0);
    this.params = Float64Array.of(
      flags,
      this.model,
      scale,
      this.pre.lo,
      this.pre.hi,
      this.pre.p,
      this.pre.inv,
      this.post.lo,
      this.post.hi,
      this.post.p,
      this.post.inv,
    );
    const servedNatively = this.model <= MODEL.uniform;
    this.native = opts.native !== false && servedNatively ? nativeAddon() : undefined;
  }

  /** Whether long arrays go through the native kernel. */
  get usesNative(): boolean {
    return this.native !== undefined;
  }

  /**
   * out = post(noise(pre(x))), element i drawing from (key, startIndex + i), exactly as
   * applyChainReference. In place by default; out may be x.
   */
  apply(x: Float32Array, key: NoiseKey, startIndex: number, out: Float32Array = x): Float32Array {
    if (out.length !== x.length) {
      throw new RangeError(
        `noise chain: out has length ${out.length} but x has length ${x.length}`,
      );
    }
    checkRange(startIndex, x.length);
    const n = x.length;
    if (n === 0) return out;
    const native = n >= NATIVE_MIN ? this.native : undefined;
    if (native) {
      const params = this.params;
      if (this.model === MODEL.none) native.chainRun(x, out, 0, n, 0, 0, 0, params);
      else
        forEachCounterRun(key, startIndex, n, 0, (i0, i1, lo, s0, s1) =>
          native.chainRun(x, out, i0, i1 - i0, lo, s0, s1, params),
        );
      return out;
    }
    this.applyJs(x, key, startIndex, out);
    return out;
  }

  private applyJs(x: Float32Array, key: NoiseKey, startIndex: number, out: Float32Array): void {
    const n = x.length;
    const { pre, post, scale, model } = this;
    const postOn = post.clampOn || post.p !== 0;
    if (model === MODEL.none) {
      for (let b0 = 0; b0 < n; b0 += BLOCK) {
        const b1 = Math.min(n, b0 + BLOCK);
        quantStage(x, out, b0, b1, pre);
        if (postOn) quantStage(out, out, b0, b1, post);
      }
      return;
    }
    forEachCounterRun(key, startIndex, n, 0, (i0, i1, lo, s0, s1, hi) => {
      const streams = model === MODEL.poisson ? new DrawStreams(key, hi, 5) : undefined;
      for (let b0 = i0; b0 < i1; b0 += BLOCK) {
        const b1 = Math.min(i1, b0 + BLOCK);
        const c = (lo + (b0 - i0)) | 0;
        quantStage(x, out, b0, b1, pre);
        if (model === MODEL.gaussian) gaussianStage(out, b0, b1, c, s0, s1, scale);
        else if (model === MODEL.uniform) uniformStage(out, b0, b1, c, s0, s1, scale);
        else if (model === MODEL.laplace) laplaceStage(out, b0, b1, c, s0, s1, scale);
        else poissonStage(out, b0, b1, c, s0, s1, this.rate, streams!);
        if (postOn) quantStage(out, out, b0, b1, post);
      }
    });
  }
}

/** Validates `chain` once for repeated use (the simulator compiles its chains per device). */
export function compileChain(chain: NoiseChain, opts?: CompileOptions): CompiledChain {
  return new CompiledChain(chain, opts);
}

/** One-off fused chain: compileChain(chain).apply(x, key, startIndex, out). */
export function applyChain(
  chain: NoiseChain,
  x: Float32Array,
  key: NoiseKey,
  startIndex: number,
  out: Float32Array = x,
): Float32Array {
  return new CompiledChain(chain).apply(x, key, startIndex, out);
}

function referenceStage(s: QuantStage | undefined, out: Float32Array): void {
  if (!s) return;
  const lo = s.lo ?? -Infinity;
  const hi = s.hi ?? Infinity;
  if (lo !== -Infinity || hi !== Infinity) clamp(out, lo, hi);
  if (s.p !== undefined) reducePrecision(out, s.p);
}

/**
 * The same chain as separate reference calls (clamp, reducePrecision, addNoise), one pass each:
 * the definition the fused paths are tested against, kept for tests and benchmarks.
 */
export function applyChainReference(
  chain: NoiseChain,
  x: Float32Array,
  key: NoiseKey,
  startIndex: number,
  out: Float32Array = x,
): Float32Array {
  if (out.length !== x.length) {
    throw new RangeError(`noise chain: out has length ${out.length} but x has length ${x.length}`);
  }
  if (out !== x) out.set(x);
  referenceStage(chain.pre, out);
  addNoise(chain.noise ?? { model: 'none', scale: 0 }, out, key, startIndex);
  referenceStage(chain.post, out);
  return out;
}
