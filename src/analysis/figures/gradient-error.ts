/**
 * The gradient-error figure (the paper's figure 4 and its appendix): one heatmap of the
 * draw-averaged error |I'(z~) - I'(z)| per activation (columns: the interpolation series from
 * ReLU to GELU) and per region (rows: full [-1, 1]^2 and the zoom). All panels share one colour
 * scale, logarithmic by default: ReLU's error near zero is ~1 and GELU's ~1e-3, and a shared
 * log scale shows both honestly where the paper needed two colour bars.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { GradientErrorMap, GradientErrorResult } from '../gradient-error.js';
import { heatmapDataUrl, type ColorScale } from './raster.js';
import { FIGURE_CONFIG, figureTitle, type FigureProvenance } from './theme.js';

export interface GradientErrorFigureOptions {
  provenance: FigureProvenance;
  /** Colour scale: 'log' (default) or 'linear'. */
  scale?: 'log' | 'linear';
  /** Log scale: the darkest colour stands for this value and everything below; default max * 1e-4. */
  floor?: number;
  scheme?: string;
  /** Panel size in pixels; default 170. */
  panel?: number;
}

function panelTitle(m: GradientErrorMap): string {
  const name =
    m.i === 0 ? 'ReLU' : m.i === 1 ? (m.activation.includes('silu') ? 'SiLU' : 'GELU') : undefined;
  const head = m.i === undefined ? m.activation : `i = ${m.i}${name ? ` (${name})` : ''}`;
  const half = Math.max(Math.abs(m.xs[0]!), Math.abs(m.xs[m.xs.length - 1]!));
  return `${head}, ${m.region === 'full' ? 'full' : 'zoom'} ±${half}`;
}

/** The vega-lite spec of the figure. */
export function gradientErrorFigure(
  result: GradientErrorResult,
  options: GradientErrorFigureOptions,
): TopLevelSpec {
  const { maps } = result;
  if (maps.length === 0) throw new RangeError('gradientErrorFigure: no maps to draw');
  let hi = 0;
  let minPositive = Infinity;
  for (const m of maps) {
    for (const v of m.error) {
      if (v > hi) hi = v;
      if (v > 0 && v < minPositive) minPositive = v;
    }
  }
  if (!(hi > 0)) hi = 1;
  const type = options.scale ?? 'log';
  const lo =
    type === 'log' ? (options.floor ?? Math.max(hi * 1e-4, Math.min(minPositive, hi / 10))) : 0;
  const color: ColorScale = { type, domain: [lo, hi], scheme: options.scheme ?? 'viridis' };
  const size = options.panel ?? 170;
  const legendTitle =
    type === 'log'
      ? ["|I'(z̃) − I'(z)|", 'mean over draws', `log scale, ≤ ${lo.toPrecision(2)} darkest`]
      : ["|I'(z̃) − I'(z)|", 'mean over draws'];

  const panel = (m: GradientErrorMap, withLegend: boolean) => {
    const nx = m.xs.length;
    const ny = m.ws.length;
    const hx = nx > 1 ? (m.xs[1]! - m.xs[0]!) / 2 : 0;
    const hy = ny > 1 ? (m.ws[1]! - m.ws[0]!) / 2 : 0;
    const x0 = m.xs[0]! - hx;
    const x1 = m.xs[nx - 1]! + hx;
    const y0 = m.ws[0]! - hy;
    const y1 = m.ws[ny - 1]! + hy;
    const url = heatmapDataUrl(m.error, nx, ny, color);
    const layers: unknown[] = [
      {
        data: { values: [{ url, x: x0, x2: x1, y: y0, y2: y1 }] },
        mark: { type: 'image', aspect: false, smooth: false },
        encoding: {
          url: { field: 'url', type: 'nominal' },
          x: {
            field: 'x',
            type: 'quantitative',
            scale: { domain: [x0, x1], nice: false, zero: false },
            axis: { tickCount: 5, grid: false },
            title: 'input x (full scale = 1)',
          },
          x2: { field: 'x2' },
          y: {
            field: 'y',
            type: 'quantitative',
            scale: { domain: [y0, y1], nice: false, zero: false },
            axis: { tickCount: 5, grid: false },
            title: 'weight w (full scale = 1)',
          },
          y2: { field: 'y2' },
        },
      },
    ];
    if (withLegend) {
      layers.push({
        data: { values: [{ v: lo }, { v: hi }] },
        mark: { type: 'point', opacity: 0 },
        encoding: {
          color: {
            field: 'v',
            type: 'quantitative',
            scale: {
              type,
              domain: [lo, hi],
              scheme: color.scheme,
              clamp: true,
              ...(type === 'linear' ? { zero: true } : {}),
            },
            legend: {
              title: legendTitle,
              titleLimit: 400,
              gradientLength: size * 1.5,
              format: '.0e',
            },
          },
        },
      });
    }
    return {
      width: size,
      height: size,
      title: { text: panelTitle(m), fontSize: 11 },
      layer: layers,
    };
  };

  // One aligned grid: a row per region, a column per activation.
  const regions = ['full', 'zoom'] as const;
  const rows = regions
    .map((r) => maps.filter((m) => m.region === r))
    .filter((row) => row.length > 0);
  const columns = Math.max(...rows.map((r) => r.length));
  const panels = rows.flatMap((row, k) => row.map((m, j) => panel(m, k === 0 && j === 0)));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: FIGURE_CONFIG,
    title: figureTitle(`Gradient error of one noisy multiply + activation, p = ${result.p}`, {
      ...options.provenance,
      note: [options.provenance.note, `mean of ${result.draws} noise draws per point`]
        .filter(Boolean)
        .join(' · '),
    }),
    columns,
    concat: panels,
  } as TopLevelSpec;
}
