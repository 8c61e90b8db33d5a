/**
 * Summary statistics of gradient-error maps in the regions the paper talks about: the whole map,
 * the zoom [-0.25, 0.25]^2, and a near-zero band |z| = |x w| < band on the full map, where noise
 * can push z~ across zero and flip ReLU's derivative. The default band is 2/p, two quantisation
 * steps: at EP = 0.5 the output noise sigma is 0.74/p, so the band holds the points within about
 * 2.7 sigma of zero, where a flip is likely. The ReLU/GELU ratio depends on the band (a wider
 * band adds points where neither flips); docs/analysis.md lists it for several widths.
 *
 * "max" is the largest value of the draw-averaged map, i.e. the largest expected error at a grid
 * point; a single draw's maximum is 1 for ReLU wherever any flip happens, which says little.
 */
import type { GradientErrorMap, GradientErrorResult } from './gradient-error.js';

export type StatsRegion = 'full' | 'zoom' | 'band';

export interface RegionStats {
  [key: string]: string | number | null;
  activation: string;
  i: number | null;
  region: StatsRegion;
  mean: number;
  max: number;
  /** Grid points in the region. */
  points: number;
}

/** Default near-zero band half-width at precision p: 2 quantisation steps. */
export function defaultBand(p: number): number {
  return 2 / p;
}

/** Mean, max and count of a map's values where `keep(x, w)` holds (all points when omitted). */
export function mapStats(
  map: GradientErrorMap,
  keep?: (x: number, w: number) => boolean,
): { mean: number; max: number; points: number } {
  const { xs, ws, error } = map;
  const nw = ws.length;
  let sum = 0;
  let max = 0;
  let points = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < nw; j++) {
      if (keep && !keep(xs[i]!, ws[j]!)) continue;
      const e = error[i * nw + j]!;
      sum += e;
      if (e > max) max = e;
      points++;
    }
  }
  return { mean: points ? sum / points : NaN, max: points ? max : NaN, points };
}

/** full, zoom and band statistics for every activation of a result, in activation order. */
export function gradientErrorStats(
  result: GradientErrorResult,
  band = defaultBand(result.p),
): RegionStats[] {
  if (!(band > 0)) throw new RangeError(`gradient error statistics: band must be > 0, got ${band}`);
  const rows: RegionStats[] = [];
  const full = result.maps.filter((m) => m.region === 'full');
  for (const f of full) {
    const z = result.maps.find((m) => m.region === 'zoom' && m.activation === f.activation);
    const head = { activation: f.activation, i: f.i ?? null };
    rows.push({ ...head, region: 'full', ...mapStats(f) });
    if (z) rows.push({ ...head, region: 'zoom', ...mapStats(z) });
    rows.push({ ...head, region: 'band', ...mapStats(f, (x, w) => Math.abs(x * w) < band) });
  }
  return rows;
}

/** Summary of the paper's claims, computed from the statistics. */
export interface GradientErrorSummary {
  band: number;
  /** Mean error in the near-zero band at i = 0 divided by that at i = 1 (ReLU / GELU). */
  reluGeluBandRatio: number | null;
  /** The same ratio over the zoom map. */
  reluGeluZoomRatio: number | null;
  /** Full-map mean error per factor i, ascending in i. */
  meanByFactor: { i: number; mean: number }[];
  /** Whether that mean falls strictly as i rises. */
  monotonic: boolean;
}

/** The ReLU/GELU ratios and the monotonicity of the mean in i. */
export function summariseGradientError(
  rows: readonly RegionStats[],
  band: number,
): GradientErrorSummary {
  const mean = (i: number, region: StatsRegion) =>
    rows.find((r) => r.i === i && r.region === region)?.mean;
  const ratio = (region: StatsRegion) => {
    const a = mean(0, region);
    const b = mean(1, region);
    return a === undefined || b === undefined ? null : a / b;
  };
  const meanByFactor = rows
    .filter((r): r is RegionStats & { i: number } => r.region === 'full' && r.i !== null)
    .map((r) => ({ i: r.i, mean: r.mean }))
    .sort((a, b) => a.i - b.i);
  const monotonic = meanByFactor.every((m, k) => k === 0 || m.mean < meanByFactor[k - 1]!.mean);
  return {
    band,
    reluGeluBandRatio: ratio('band'),
    reluGeluZoomRatio: ratio('zoom'),
    meanByFactor,
    monotonic,
  };
}
