/**
 * The gradient-error experiment end to end, as the CLI, the figures and the report run it:
 * build the interpolation series, pick the product source (the assumed chain, or a Device the
 * caller opened), compute the maps, their region statistics and the summary of the paper's
 * claims, and say where the numbers came from.
 */
import type { Device } from '../device/device.js';
import type { NoiseModel } from '../noise/index.js';
import type { ReluZeroGrad } from '../nn/activations.js';
import { assumedModelProducts } from './assumed-products.js';
import { deviceProducts } from './device-products.js';
import { DEFAULT_DRAWS, gradientErrorMaps, type GradientErrorResult } from './gradient-error.js';
import { interpolationSeries, PAPER_FACTORS, type InterpolationFamily } from './interpolation.js';
import {
  defaultBand,
  gradientErrorStats,
  summariseGradientError,
  type GradientErrorSummary,
  type RegionStats,
} from './region-stats.js';
import type { FigureProvenance } from './figures/theme.js';

export interface GradientErrorExperimentOptions {
  /**
   * Grid precision (2p + 1 points per axis) and, for the assumed chain, its RP precision.
   * Default 256, or 2^inputBits of the device when one is given (its own DAC levels).
   */
  p?: number;
  /** Assumed chain only: error probability and noise model. */
  ep?: number;
  model?: NoiseModel;
  /** Assumed chain: the noise seed. Device: draw numbers start at seed * 65536. */
  seed?: number;
  draws?: number;
  factors?: readonly number[];
  family?: InterpolationFamily;
  scale?: number;
  reluGradAtZero?: ReluZeroGrad;
  zoom?: number;
  /** Near-zero band |z| < band; default 2/p. */
  band?: number;
  /** Measure the products on this device instead of assuming the chain. */
  device?: Device;
  /** The URI the device was opened from, for captions. */
  deviceUri?: string;
}

export interface GradientErrorExperiment {
  result: GradientErrorResult;
  stats: RegionStats[];
  summary: GradientErrorSummary;
  provenance: FigureProvenance;
  settings: Record<string, string | number | null>;
}

/** Draw numbers a device sees are seed * DRAW_STRIDE + d. */
export const DRAW_STRIDE = 65536;

export async function runGradientErrorExperiment(
  options: GradientErrorExperimentOptions = {},
): Promise<GradientErrorExperiment> {
  const info = options.device?.info();
  const deviceP = info && info.inputBits > 0 ? Math.round(2 ** info.inputBits) : undefined;
  const {
    p = deviceP ?? 256,
    ep = 0.5,
    model = 'gaussian',
    seed = 1,
    draws = DEFAULT_DRAWS,
    factors = PAPER_FACTORS,
    family = 'relu-gelu',
    zoom = 0.25,
    device,
  } = options;
  const band = options.band ?? defaultBand(p);
  const activations = interpolationSeries(factors, {
    family,
    ...(options.scale === undefined ? {} : { scale: options.scale }),
    ...(options.reluGradAtZero === undefined ? {} : { reluGradAtZero: options.reluGradAtZero }),
  });
  const source = device
    ? deviceProducts(device, {
        drawBase: seed * DRAW_STRIDE,
        label:
          `device ${options.deviceUri ?? info!.model}` +
          (info!.profileId ? ` (profile ${info!.profileId.slice(0, 12)})` : ''),
      })
    : assumedModelProducts({ p, ep, model, seed });
  const result = await gradientErrorMaps({ activations, source, p, draws, zoom });
  const stats = gradientErrorStats(result, band);
  const summary = summariseGradientError(stats, band);
  const provenance: FigureProvenance = {
    device: source.label,
    seed,
    note: `grid ${2 * p + 1}² (p = ${p}), near-zero band |z| < ${Number(band.toPrecision(4))}`,
  };
  const settings = {
    source: source.label,
    device: options.deviceUri ?? null,
    p,
    ep: device ? null : ep,
    model: device ? null : model,
    seed,
    draws,
    zoom,
    band,
    family,
  };
  return { result, stats, summary, provenance, settings };
}
