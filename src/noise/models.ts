/**
 * The noise models of method.md section 2, their (scale, EP, p) conversions, and the sampler.
 *
 * EP (error probability, AnalogVNN's "leakage") is the probability that a value on the
 * quantisation grid k/p lands in a different RP bin after the noise is added. The bins are
 * 1/p wide, so for additive noise n it is P(|n| > 1/(2p)), which gives the closed forms below.
 * Each model is set by any two of (scale, EP, p); resolveNoise derives the third.
 *
 * Poisson (shot) noise is signal dependent: y = sign(x) Poisson(|x| r) / r with rate
 * r = p * scale ("scale" = expected counts per quantisation step), so its EP varies with |x|.
 * analoop defines it at |x| = 1, where it is largest (poissonEPAtOne; AnalogVNN's max_leakage),
 * and also offers the average over the grid (poissonEPGridAverage). Both are computed exactly
 * from the Poisson pmf and the RP rounding rule, not approximated.
 */
import { erfc, erfcinv } from './erf.js';
import { normalFromBits } from './normal-bits.js';
import {
  bitsToUniform,
  checkRange,
  counterBits,
  DrawStreams,
  forEachCounterRun,
} from './counter.js';
import { poissonFromCounter, poissonRangeProbability } from './poisson.js';
import type { NoiseKey } from './rng.js';

export type NoiseModel = 'none' | 'gaussian' | 'laplace' | 'uniform' | 'poisson';

/** Every NoiseModel, for validation and CLI help. */
export const NOISE_MODELS: readonly NoiseModel[] = [
  'none',
  'gaussian',
  'laplace',
  'uniform',
  'poisson',
];

/** A noise model ready to sample. */
export interface NoiseSpec {
  model: NoiseModel;
  /** sigma (gaussian), b (laplace), full width v (uniform), or the Poisson scale. */
  scale: number;
  /** Precision. Required by 'poisson' (its rate is p * scale); ignored by the other models. */
  p?: number;
}

/** A fully resolved noise setting: resolveNoise's answer, usable directly as a NoiseSpec. */
export interface ResolvedNoise {
  model: NoiseModel;
  scale: number;
  ep: number | undefined;
  p: number | undefined;
}

function checkPositive(fn: string, name: string, v: number): void {
  if (!(Number.isFinite(v) && v > 0))
    throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${v}`);
}

function checkEP(fn: string, ep: number): void {
  if (!(ep > 0 && ep < 1))
    throw new RangeError(`${fn}: ep (error probability) must be in (0, 1), got ${ep}`);
}

// ---- Gaussian: EP = erfc(1 / (2 sqrt(2) sigma p)) ------------------------------------------
// erfcinv(EP) is used for erfinv(1 - EP): identical, and exact for small EP.

/** sigma = 1 / (2 sqrt(2) p erfinv(1 - EP)). */
export function gaussianSigmaFromEP(ep: number, p: number): number {
  checkEP('gaussianSigmaFromEP', ep);
  checkPositive('gaussianSigmaFromEP', 'p', p);
  return 1 / (2 * Math.SQRT2 * p * erfcinv(ep));
}

/** EP = 1 - erf(1 / (2 sqrt(2) sigma p)). */
export function gaussianEPFromSigma(sigma: number, p: number): number {
  checkPositive('gaussianEPFromSigma', 'sigma', sigma);
  checkPositive('gaussianEPFromSigma', 'p', p);
  return erfc(1 / (2 * Math.SQRT2 * sigma * p));
}

/** p = 1 / (2 sqrt(2) sigma erfinv(1 - EP)). */
export function gaussianPrecisionFromSigmaEP(sigma: number, ep: number): number {
  checkPositive('gaussianPrecisionFromSigmaEP', 'sigma', sigma);
  checkEP('gaussianPrecisionFromSigmaEP', ep);
  return 1 / (2 * Math.SQRT2 * sigma * erfcinv(ep));
}

// ---- Laplace: EP = exp(-1 / (2 p b)) -------------------------------------------------------

/** b = -1 / (2 p ln EP). */
export function laplaceScaleFromEP(ep: number, p: number): number {
  checkEP('laplaceScaleFromEP', ep);
  checkPositive('laplaceScaleFromEP', 'p', p);
  return -1 / (2 * p * Math.log(ep));
}

/** EP = exp(-1 / (2 p b)). */
export function laplaceEPFromScale(b: number, p: number): number {
  checkPositive('laplaceEPFromScale', 'b', b);
  checkPositive('laplaceEPFromScale', 'p', p);
  return Math.exp(-1 / (2 * p * b));
}

/** p = -1 / (2 b ln EP). */
export function laplacePrecisionFromScaleEP(b: number, ep: number): number {
  checkPositive('laplacePrecisionFromScaleEP', 'b', b);
  checkEP('laplacePrecisionFromScaleEP', ep);
  return -1 / (2 * b * Math.log(ep));
}

// ---- Uniform U(-v/2, v/2): EP = 1 - 1 / (v p) when v p >= 1, else 0 --------------------------

/** v = 1 / ((1 - EP) p). */
export function uniformWidthFromEP(ep: number, p: number): number {
  checkEP('uniformWidthFromEP', ep);
  checkPositive('uniformWidthFromEP', 'p', p);
  return 1 / ((1 - ep) * p);
}

/** EP = 1 - 1 / (v p), and 0 when the noise is narrower than a bin (v p <= 1). */
export function uniformEPFromWidth(v: number, p: number): number {
  checkPositive('uniformEPFromWidth', 'v', v);
  checkPositive('uniformEPFromWidth', 'p', p);
  return Math.max(0, 1 - 1 / (v * p));
}

/** p = 1 / ((1 - EP) v). */
export function uniformPrecisionFromWidthEP(v: number, ep: number): number {
  checkPositive('uniformPrecisionFromWidthEP', 'v', v);
  checkEP('uniformPrecisionFromWidthEP', ep);
  return 1 / ((1 - ep) * v);
}

// ---- Poisson: y = sign(x) Poisson(|x| r) / r, r = p * scale ----------------------------------

/** r = p * scale: counts per unit signal. */
export function poissonRate(p: number, scale: number): number {
  checkPositive('poissonRate', 'p', p);
  checkPositive('poissonRate', 'scale', scale);
  return p * scale;
}

/**
 * EP of a value in RP bin k >= 0 whose count has mean `mean`. RP(N / r) lands in bin
 * ceil(N / scale - 1/2), so the value stays iff scale (k - 1/2) < N <= scale (k + 1/2).
 */
function poissonEPInBin(k: number, mean: number, scale: number): number {
  const nLo = Math.floor(scale * (k - 0.5)) + 1;
  const nHi = Math.floor(scale * (k + 0.5));
  return Math.max(0, 1 - poissonRangeProbability(mean, nLo, nHi));
}

/** EP at |x| = 1, the largest over [-1, 1]. */
export function poissonEPAtOne(p: number, scale: number): number {
  const r = poissonRate(p, scale);
  return poissonEPInBin(Math.ceil(p - 0.5), r, scale);
}

/**
 * EP averaged over the grid k/p in [-1, 1] (k = -floor(p)..floor(p), zero included, where it is
 * 0). Cost O(p sqrt(p scale)).
 */
export function poissonEPGridAverage(p: number, scale: number): number {
  poissonRate(p, scale);
  const kMax = Math.floor(p);
  let sum = 0;
  for (let k = 1; k <= kMax; k++) sum += poissonEPInBin(k, k * scale, scale);
  return (2 * sum) / (2 * kMax + 1);
}

/**
 * The Poisson scale whose EP at |x| = 1 is `ep`, by bisection on log(scale). EP falls as scale
 * grows but in small steps (counts are integers), so the answer's EP may differ slightly from
 * `ep` when scale is small; resolveNoise reports the EP actually obtained.
 */
export function poissonScaleFromEP(ep: number, p: number): number {
  checkEP('poissonScaleFromEP', ep);
  checkPositive('poissonScaleFromEP', 'p', p);
  // Below 1 / (p + 1/2) no count lands in the bin of 1, so EP = 1 there.
  let lo = 0.5 / (p + 0.5);
  // The normal approximation puts the answer near p (2 z)^2 with z = sqrt(2) erfcinv(ep).
  let hi = p * (2 * Math.SQRT2 * erfcinv(ep) + 4) ** 2 + 1;
  while (poissonEPAtOne(p, hi) > ep) hi *= 4;
  for (let it = 0; it < 200 && hi / lo > 1 + 1e-13; it++) {
    const mid = Math.sqrt(lo * hi);
    if (poissonEPAtOne(p, mid) > ep) lo = mid;
    else hi = mid;
  }
  return hi;
}

// ---- Resolving (scale, ep, p) ---------------------------------------------------------------

interface Conversions {
  scaleName: string;
  scaleFrom(ep: number, p: number): number;
  epFrom(scale: number, p: number): number;
  pFrom(scale: number, ep: number): number;
}

const ADDITIVE: Record<'gaussian' | 'laplace' | 'uniform', Conversions> = {
  gaussian: {
    scaleName: 'sigma',
    scaleFrom: gaussianSigmaFromEP,
    epFrom: gaussianEPFromSigma,
    pFrom: gaussianPrecisionFromSigmaEP,
  },
  laplace: {
    scaleName: 'Laplace b',
    scaleFrom: laplaceScaleFromEP,
    epFrom: laplaceEPFromScale,
    pFrom: laplacePrecisionFromScaleEP,
  },
  uniform: {
    scaleName: 'full width v',
    scaleFrom: uniformWidthFromEP,
    epFrom: uniformEPFromWidth,
    pFrom: uniformPrecisionFromWidthEP,
  },
};

/** Relative tolerance when all three of (scale, ep, p) are given: admits table values rounded to 5 digits. */
const CONSISTENCY_RTOL = 1e-4;

/**
 * Completes a noise setting from any two of (scale, ep, p) and checks all three when all are
 * given (relative tolerance 1e-4 on scale; absolute 1e-4 on ep for Poisson). Given values must be
 * finite and > 0, ep in (0, 1). A derived ep may be 0 (uniform noise narrower than a bin).
 *
 * Exceptions: 'none' takes no scale or ep and returns scale 0, ep 0. 'poisson' needs p (its EP
 * depends on the signal level and jumps with p, so p is not derived) and one of scale or ep; its
 * ep is the EP at |x| = 1.
 */
export function resolveNoise(opts: {
  model: NoiseModel;
  p?: number;
  ep?: number;
  scale?: number;
}): ResolvedNoise {
  const { model, p, ep, scale } = opts;
  const fn = `resolveNoise(${String(model)})`;
  if (!NOISE_MODELS.includes(model)) {
    throw new RangeError(
      `resolveNoise: unknown model '${String(model)}'; use one of ${NOISE_MODELS.join(', ')}`,
    );
  }
  if (p !== undefined) checkPositive(fn, 'p', p);
  if (model === 'none') {
    if ((scale !== undefined && scale !== 0) || (ep !== undefined && ep !== 0)) {
      throw new RangeError(
        `${fn}: model 'none' adds no noise, so scale and ep must be left out (got scale ${scale}, ep ${ep})`,
      );
    }
    return { model, scale: 0, ep: 0, p };
  }
  if (ep !== undefined) checkEP(fn, ep);
  if (scale !== undefined) checkPositive(fn, 'scale', scale);

  if (model === 'poisson') return resolvePoisson(fn, p, ep, scale);

  const c = ADDITIVE[model];
  const given = [
    scale !== undefined && 'scale',
    ep !== undefined && 'ep',
    p !== undefined && 'p',
  ].filter((s): s is string => s !== false);
  if (given.length < 2) {
    const missing = ['scale', 'ep', 'p'].filter((s) => !given.includes(s));
    throw new RangeError(
      `${fn}: give two of scale (${c.scaleName}), ep (error probability in (0, 1)) and p (precision); ` +
        `got ${given.length === 0 ? 'none' : `only ${given.join(', ')}`}. Add ${missing.join(' or ')}.`,
    );
  }
  if (scale === undefined) return { model, scale: c.scaleFrom(ep!, p!), ep, p };
  if (ep === undefined) return { model, scale, ep: c.epFrom(scale, p!), p };
  if (p === undefined) return { model, scale, ep, p: c.pFrom(scale, ep) };
  const implied = c.scaleFrom(ep, p);
  if (Math.abs(scale - implied) > CONSISTENCY_RTOL * implied) {
    throw new RangeError(
      `${fn}: scale ${scale}, ep ${ep} and p ${p} are inconsistent (ep and p imply scale ${implied}); give only two of them`,
    );
  }
  return { model, scale, ep, p };
}

function resolvePoisson(
  fn: string,
  p: number | undefined,
  ep: number | undefined,
  scale: number | undefined,
): ResolvedNoise {
  if (p === undefined) {
    throw new RangeError(
      `${fn}: give p (precision) and one of scale or ep; p is not derived for shot noise, whose EP depends on the signal level`,
    );
  }
  if (scale === undefined && ep === undefined) {
    throw new RangeError(
      `${fn}: give scale (expected counts per quantisation step) or ep (EP at |x| = 1) with p`,
    );
  }
  if (scale === undefined) {
    const s = poissonScaleFromEP(ep!, p);
    return { model: 'poisson', scale: s, ep: poissonEPAtOne(p, s), p };
  }
  const actual = poissonEPAtOne(p, scale);
  if (ep !== undefined && Math.abs(ep - actual) > CONSISTENCY_RTOL) {
    throw new RangeError(
      `${fn}: scale ${scale}, ep ${ep} and p ${p} are inconsistent (scale and p give EP ${actual} at |x| = 1); give only two of them`,
    );
  }
  return { model: 'poisson', scale, ep: actual, p };
}

// ---- Sampling ---------------------------------------------------------------------------------

/**
 * out = x + noise, a fresh sample per element: element i uses the random stream of
 * (key, startIndex + i) and nothing else, so the result does not depend on chunking or batch
 * size (rng.ts). Float32 in, float32 out (in place by default). scale 0 adds nothing.
 *
 * Poisson needs spec.p: y = sign(x) Poisson(|x| r) / r with r = p * scale; NaN and infinite x
 * pass through unchanged. Throughput on one core (Float32Array): Gaussian ~100 M/s (one hash and
 * a table lookup per element), uniform ~120 M/s, Laplace ~30 M/s (a log per element), Poisson
 * ~15 M/s.
 */
export function addNoise(
  spec: NoiseSpec,
  x: Float32Array,
  key: NoiseKey,
  startIndex: number,
  out: Float32Array = x,
): Float32Array {
  if (out.length !== x.length)
    throw new RangeError(`addNoise: out has length ${out.length} but x has length ${x.length}`);
  checkRange(startIndex, x.length);
  const { model, scale } = spec;
  if (!NOISE_MODELS.includes(model)) {
    throw new RangeError(
      `addNoise: unknown model '${String(model)}'; use one of ${NOISE_MODELS.join(', ')}`,
    );
  }
  if (model !== 'none' && !(Number.isFinite(scale) && scale >= 0)) {
    throw new RangeError(`addNoise(${model}): scale must be finite and >= 0, got ${scale}`);
  }
  if (model === 'none' || scale === 0) {
    if (out !== x) out.set(x);
    return out;
  }
  const n = x.length;
  switch (model) {
    case 'gaussian':
      forEachCounterRun(key, startIndex, n, 0, (i0, i1, lo, s0, s1) => {
        for (let i = i0; i < i1; i++, lo = (lo + 1) | 0)
          out[i] = x[i] + scale * normalFromBits(counterBits(lo, s0, s1));
      });
      break;
    case 'laplace':
      forEachCounterRun(key, startIndex, n, 0, (i0, i1, lo, s0, s1) => {
        for (let i = i0; i < i1; i++, lo = (lo + 1) | 0) {
          const u = bitsToUniform(counterBits(lo, s0, s1));
          out[i] = x[i] + scale * (u < 0.5 ? Math.log(2 * u) : -Math.log(2 - 2 * u));
        }
      });
      break;
    case 'uniform':
      forEachCounterRun(key, startIndex, n, 0, (i0, i1, lo, s0, s1) => {
        for (let i = i0; i < i1; i++, lo = (lo + 1) | 0)
          out[i] = x[i] + scale * (bitsToUniform(counterBits(lo, s0, s1)) - 0.5);
      });
      break;
    case 'poisson': {
      const p = spec.p;
      if (p === undefined || !(Number.isFinite(p) && p > 0)) {
        throw new RangeError(
          `addNoise(poisson): spec.p (precision) is required and must be finite and > 0, got ${p}; the rate is p * scale`,
        );
      }
      const r = p * scale;
      forEachCounterRun(key, startIndex, n, 0, (i0, i1, lo, s0, s1, hi) => {
        const streams = new DrawStreams(key, hi, 5);
        for (let i = i0; i < i1; i++, lo = (lo + 1) | 0) {
          const v = x[i];
          const mean = Math.abs(v) * r;
          if (!(mean < Infinity)) {
            out[i] = v;
            continue;
          }
          const y = poissonFromCounter(mean, lo, s0, s1, streams) / r;
          out[i] = v < 0 ? -y : y;
        }
      });
      break;
    }
  }
  return out;
}
