/**
 * Maximum-likelihood noise estimates from ADC codes. Read noise of a few ADC steps or less is
 * badly estimated by the sample standard deviation of the codes (Sheppard's step^2 / 12 is only
 * a large-noise approximation, and below half a step the codes hardly move), so the likelihood
 * of each observed code is the probability mass the noise puts into that code's bin, with the
 * end codes collecting the clipped tails.
 */
import { normalCdf } from '../noise/index.js';
import { quantiseValue } from './grid.js';
import { nelderMead } from './optimize.js';

export type FittedNoiseModel = 'gaussian' | 'laplace' | 'uniform';
export const FITTED_NOISE_MODELS: readonly FittedNoiseModel[] = ['gaussian', 'laplace', 'uniform'];

/** The output converter: precision (0 = ideal) and clipping range. */
export interface OutputGrid {
  precision: number;
  range: readonly [number, number];
}

export interface NoiseFit {
  model: FittedNoiseModel;
  /** Centre of the noise (the channel's noiseless output). */
  mu: number;
  /** The model's scale as the profile writes it: sigma, Laplace b, or uniform full width v. */
  scale: number;
  /** Standard deviation implied by the scale. */
  sd: number;
  logLik: number;
  n: number;
}

/** Standard deviation of a model with the profile's `scale`. */
export function sdFromScale(model: FittedNoiseModel, scale: number): number {
  return model === 'gaussian'
    ? scale
    : model === 'laplace'
      ? scale * Math.SQRT2
      : scale / Math.sqrt(12);
}

/** The profile's `scale` for a model with standard deviation `sd`. */
export function scaleFromSd(model: FittedNoiseModel, sd: number): number {
  return model === 'gaussian' ? sd : model === 'laplace' ? sd / Math.SQRT2 : sd * Math.sqrt(12);
}

function cdf(model: FittedNoiseModel, x: number, mu: number, s: number): number {
  if (x === -Infinity) return 0;
  if (x === Infinity) return 1;
  const t = (x - mu) / s;
  if (model === 'gaussian') return normalCdf(t);
  if (model === 'laplace') return t < 0 ? 0.5 * Math.exp(t) : 1 - 0.5 * Math.exp(-t);
  return Math.min(1, Math.max(0, t + 0.5));
}

function logDensity(model: FittedNoiseModel, x: number, mu: number, s: number): number {
  const t = (x - mu) / s;
  if (model === 'gaussian') return -0.5 * t * t - Math.log(s * Math.sqrt(2 * Math.PI));
  if (model === 'laplace') return -Math.abs(t) - Math.log(2 * s);
  return Math.abs(t) <= 0.5 ? -Math.log(s) : -700;
}

/**
 * Fit one model to a histogram of output values (value -> count) read through `grid`. The
 * values must be what the device returned (on the grid when precision > 0).
 */
export function fitQuantisedNoise(
  histogram: ReadonlyMap<number, number>,
  model: FittedNoiseModel,
  grid: OutputGrid,
): NoiseFit {
  const [lo, hi] = grid.range;
  const p = grid.precision;
  const kLo = p > 0 ? Math.round(quantiseValue(lo, p) * p) : NaN;
  const kHi = p > 0 ? Math.round(quantiseValue(hi, p) * p) : NaN;
  const bins: { a: number; b: number; v: number; count: number }[] = [];
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  for (const [v, count] of histogram) {
    n += count;
    s1 += v * count;
    s2 += v * v * count;
    if (p > 0) {
      const k = Math.round(v * p);
      bins.push({
        a: k <= kLo ? -Infinity : (k - 0.5) / p,
        b: k >= kHi ? Infinity : (k + 0.5) / p,
        v,
        count,
      });
    } else {
      bins.push({ a: v <= lo ? -Infinity : v, b: v >= hi ? Infinity : v, v, count });
    }
  }
  const m = s1 / n;
  const step = p > 0 ? 1 / p : 0;
  const sd0 = Math.max(Math.sqrt(Math.max(0, s2 / n - m * m)), step / 4, 1e-9);
  const logLik = (mu: number, s: number): number => {
    let ll = 0;
    for (const bin of bins) {
      let lp: number;
      if (bin.a === bin.b) lp = logDensity(model, bin.v, mu, s);
      else lp = Math.log(Math.max(1e-300, cdf(model, bin.b, mu, s) - cdf(model, bin.a, mu, s)));
      ll += bin.count * lp;
    }
    return ll;
  };
  const s0 = scaleFromSd(model, sd0);
  const best = nelderMead(
    ([mu, ls]) => -logLik(mu!, Math.exp(Math.max(ls!, Math.log(1e-9)))),
    [m, Math.log(s0)],
    [sd0 / 2, 0.3],
  );
  const scale = Math.exp(Math.max(best.x[1]!, Math.log(1e-9)));
  return { model, mu: best.x[0]!, scale, sd: sdFromScale(model, scale), logLik: -best.value, n };
}
