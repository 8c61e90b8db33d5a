/**
 * Read noise: the same product, all weights and inputs zero, repeated. What comes back is each
 * channel's zero output (its offset through the nonlinearity) plus read noise, rounded by the
 * ADC; weight and input noise contribute only through products of two small noises. The spread
 * is fitted per channel by quantised maximum likelihood for a Gaussian, Laplace and uniform
 * model; the Gaussian is kept unless another is clearly more likely (10 log-likelihood units).
 */
import { gaussianEPFromSigma, laplaceEPFromScale, uniformEPFromWidth } from '../../noise/index.js';
import { inferGrid } from '../grid.js';
import type { Knowledge } from '../knowledge.js';
import type { ProbeSession } from '../probe-session.js';
import {
  fitQuantisedNoise,
  FITTED_NOISE_MODELS,
  scaleFromSd,
  type FittedNoiseModel,
  type NoiseFit,
  type OutputGrid,
} from '../quantised-noise.js';
import { excessKurtosis, Moments } from '../stats.js';

export const READ_NOISE_MIN_PRODUCTS = 64;

export interface ReadNoiseData {
  products: number;
  /** Per channel: output value -> count. */
  histograms: Map<number, number>[];
  moments: Moments[];
  kurtosis: number[];
}

export interface ReadNoiseResult {
  products: number;
  adcPrecision: number;
  /** Per channel: mean output with zero weights and inputs, and its standard error. */
  zeroOutput: number[];
  zeroOutputSe: number[];
  /** Per channel: sample variance of the returned values (read noise plus ADC rounding). */
  variance: number[];
  /** Per channel: read-noise standard deviation (quantised maximum likelihood) and its standard error. */
  sd: number[];
  sdSe: number[];
  /** Per channel EP at the ADC precision (undefined for an ideal ADC). */
  ep: (number | undefined)[];
  model: FittedNoiseModel;
  /** Pooled (root mean square) standard deviation over channels, and the profile scale of `model`. */
  pooledSd: number;
  scale: number;
  /** EP of the pooled noise at the ADC precision. */
  pooledEp: number | undefined;
  /** Total log-likelihood per model (the choice's evidence). */
  logLik: Record<FittedNoiseModel, number>;
  excessKurtosis: number[];
}

/** Repeat the all-zero product `products` times and keep per-channel histograms. */
export async function measureZeroProducts(
  session: ProbeSession,
  products: number,
): Promise<ReadNoiseData> {
  if (products < READ_NOISE_MIN_PRODUCTS)
    throw new RangeError(
      `read noise needs at least ${READ_NOISE_MIN_PRODUCTS} products, got ${products}`,
    );
  const { rows, cols } = session;
  await session.program(new Float32Array(rows * cols));
  const Y = await session.products(new Float32Array(products * cols), products);
  const histograms = Array.from({ length: rows }, () => new Map<number, number>());
  const moments = Array.from({ length: rows }, () => new Moments());
  const kurtosis: number[] = [];
  for (let r = 0; r < rows; r++) {
    const h = histograms[r]!;
    const m = moments[r]!;
    const vals = new Float64Array(products);
    for (let b = 0; b < products; b++) {
      const v = Y[b * rows + r]!;
      vals[b] = v;
      h.set(v, (h.get(v) ?? 0) + 1);
      m.add(v);
    }
    kurtosis.push(excessKurtosis(vals));
  }
  return { products, histograms, moments, kurtosis };
}

function epOf(model: FittedNoiseModel, scale: number, p: number): number | undefined {
  if (!(p > 0) || !(scale > 0)) return undefined;
  if (model === 'gaussian') return gaussianEPFromSigma(scale, p);
  if (model === 'laplace') return laplaceEPFromScale(scale, p);
  return uniformEPFromWidth(scale, p);
}

/** Fit the noise models to measured zero products through the ADC grid `grid`. */
export function fitReadNoise(data: ReadNoiseData, grid: OutputGrid): ReadNoiseResult {
  const fits = new Map<FittedNoiseModel, NoiseFit[]>();
  const logLik = {} as Record<FittedNoiseModel, number>;
  for (const model of FITTED_NOISE_MODELS) {
    const f = data.histograms.map((h) => fitQuantisedNoise(h, model, grid));
    fits.set(model, f);
    logLik[model] = f.reduce((s, x) => s + x.logLik, 0);
  }
  let model: FittedNoiseModel = 'gaussian';
  for (const m of FITTED_NOISE_MODELS) if (logLik[m] > logLik[model] + 10) model = m;
  const chosen = fits.get(model)!;
  const sd = chosen.map((f) => f.sd);
  const pooledSd = Math.sqrt(sd.reduce((s, v) => s + v * v, 0) / sd.length);
  const scale = scaleFromSd(model, pooledSd);
  const p = grid.precision;
  return {
    products: data.products,
    adcPrecision: p,
    zeroOutput: data.moments.map((m) => m.mean),
    zeroOutputSe: data.moments.map((m) => m.se),
    variance: data.moments.map((m) => m.variance),
    sd,
    // The standard deviation of a sample standard deviation, sigma / sqrt(2 (n - 1)).
    sdSe: sd.map((s) => s / Math.sqrt(2 * Math.max(1, data.products - 1))),
    ep: chosen.map((f) => epOf(model, f.scale, p)),
    model,
    pooledSd,
    scale,
    pooledEp: epOf(model, scale, p),
    logLik,
    excessKurtosis: data.kurtosis,
  };
}

/** The read-noise step: measure, infer the ADC grid from what came back, fit, and record. */
export async function measureReadNoise(
  session: ProbeSession,
  knowledge: Knowledge,
  products: number,
): Promise<{ result: ReadNoiseResult; data: ReadNoiseData }> {
  const data = await measureZeroProducts(session, products);
  const grid = inferGrid(session.outputs);
  knowledge.adc = { precision: grid.precision, range: knowledge.adc.range };
  const result = fitReadNoise(data, knowledge.adc);
  knowledge.zeroVariance = Float64Array.from(result.variance);
  knowledge.readSd = Float64Array.from(result.sd);
  return { result, data };
}
