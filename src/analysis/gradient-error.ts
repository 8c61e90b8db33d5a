/**
 * The gradient-error experiment of method.md section 5, the paper's headline: one multiply of a
 * bias-free linear layer followed by an activation. On a grid of inputs x and weights w the exact
 * pre-activation is z = x w and the hardware gives z~; the gradient error is
 * |I'(z~) - I'(z)|, the error the backward pass makes in the activation's derivative.
 *
 * Two maps: the full range [-1, 1]^2 on the grid linspace(-1, 1, 2p+1) (the quantisation
 * levels), and a zoom [-0.25, 0.25]^2 sampled with the same number of points (finer than the
 * levels, as in the paper's script; the hardware quantises the in-between inputs itself).
 * Each map is the mean over `draws` independent noise draws of the per-point error, i.e. an
 * estimate of the expected gradient error at (x, w); more draws give a smoother map and steadier
 * statistics (see region-stats.ts). All activations are evaluated on the same draws, so their
 * differences are not sampling noise.
 */
import { activateDerivative, activationName, type ActivationSpec } from '../nn/activations.js';
import { interpolationFactor } from './interpolation.js';
import type { ProductSource } from './product-source.js';
import { linspace } from './sweep.js';

export type MapRegion = 'full' | 'zoom';

/** One map: the draw-averaged gradient error of one activation over one grid. */
export interface GradientErrorMap {
  activation: string;
  /** Interpolation factor i, when the activation has one. */
  i: number | undefined;
  region: MapRegion;
  xs: Float64Array;
  ws: Float64Array;
  /** Mean |I'(z~) - I'(z)| over the draws, row-major by x: [ix * ws.length + iw]. */
  error: Float64Array;
}

export interface GradientErrorOptions {
  activations: readonly ActivationSpec[];
  source: ProductSource;
  /** Grid precision: points per axis are 2p + 1. Default 256 (the paper's "8-bit"). */
  p?: number;
  /** Independent noise draws averaged per map; default 8. */
  draws?: number;
  /** Half-width of the zoom region; default 0.25. */
  zoom?: number;
  /** Points per axis; default 2p + 1 (both maps). */
  points?: number;
}

export interface GradientErrorResult {
  p: number;
  draws: number;
  zoom: number;
  source: string;
  maps: GradientErrorMap[];
}

/** Default number of draws averaged. */
export const DEFAULT_DRAWS = 8;

/** Computes the full and zoom maps for every activation. */
export async function gradientErrorMaps(
  options: GradientErrorOptions,
): Promise<GradientErrorResult> {
  const { activations, source, p = 256, draws = DEFAULT_DRAWS, zoom = 0.25 } = options;
  if (!(Number.isInteger(p) && p > 0))
    throw new RangeError(`gradient error: p must be a positive integer, got ${p}`);
  if (!(Number.isInteger(draws) && draws > 0))
    throw new RangeError(`gradient error: draws must be a positive integer, got ${draws}`);
  if (!(zoom > 0 && zoom <= 1))
    throw new RangeError(`gradient error: zoom must be in (0, 1], got ${zoom}`);
  if (activations.length === 0)
    throw new RangeError('gradient error: give at least one activation');
  const n = options.points ?? 2 * p + 1;
  if (!(Number.isInteger(n) && n >= 2))
    throw new RangeError(`gradient error: points must be an integer >= 2, got ${n}`);
  const regions: [MapRegion, number][] = [
    ['full', 1],
    ['zoom', zoom],
  ];
  const maps: GradientErrorMap[] = [];
  for (const [gridId, [region, half]] of regions.entries()) {
    const xs = linspace(-half, half, n);
    const ws = linspace(-half, half, n);
    maps.push(...(await mapsOnGrid(activations, source, xs, ws, gridId, region, draws)));
  }
  return { p, draws, zoom, source: source.label, maps };
}

async function mapsOnGrid(
  activations: readonly ActivationSpec[],
  source: ProductSource,
  xs: Float64Array,
  ws: Float64Array,
  gridId: number,
  region: MapRegion,
  draws: number,
): Promise<GradientErrorMap[]> {
  const nx = xs.length;
  const nw = ws.length;
  const size = nx * nw;
  const grid = await source.grid(xs, ws, gridId);
  // Exact derivative I'(z), z = x w in float64, per activation.
  const exact = activations.map((spec) => {
    const d = new Float64Array(size);
    for (let i = 0; i < nx; i++)
      for (let j = 0; j < nw; j++) d[i * nw + j] = activateDerivative(spec, xs[i]! * ws[j]!);
    return d;
  });
  const sums = activations.map(() => new Float64Array(size));
  for (let d = 0; d < draws; d++) {
    const z = await grid.draw(d);
    if (z.length !== size)
      throw new RangeError(`product source returned ${z.length} products for a ${nx} x ${nw} grid`);
    activations.forEach((spec, a) => accumulate(spec, z, exact[a]!, sums[a]!));
  }
  return activations.map((spec, a) => {
    const error = sums[a]!;
    for (let k = 0; k < size; k++) error[k] /= draws;
    return {
      activation: activationName(spec),
      i: interpolationFactor(spec),
      region,
      xs,
      ws,
      error,
    };
  });
}

/**
 * sum[k] += |f'(z[k]) - exact[k]|. Quantised outputs take only a few hundred distinct values, so
 * f' is memoised per value (bounded, so a device with continuous outputs costs no memory).
 */
function accumulate(
  spec: ActivationSpec,
  z: Float32Array,
  exact: Float64Array,
  sum: Float64Array,
): void {
  const cache = new Map<number, number>();
  for (let k = 0; k < z.length; k++) {
    const v = z[k]!;
    let f = cache.get(v);
    if (f === undefined) {
      f = activateDerivative(spec, v);
      if (cache.size < 65536) cache.set(v, f);
    }
    sum[k] += Math.abs(f - exact[k]!);
  }
}
