/**
 * Accuracy vs GELU scaling factor s (the gelu-scale sweep): the accuracy-vs-i figure's layout
 * with s on a log2 axis, since the scaling factors of interest span 1/4 to 8. Lines are the
 * median over seeds, faint points the single runs, colour the EP, dash pattern the precision p.
 */
import type { TopLevelSpec } from 'vega-lite';
import { FIGURE_CONFIG, figureTitle, type FigureProvenance } from '../analysis/figures/theme.js';
import { median } from './collect.js';

export interface ScaleRow {
  s: number;
  ep: number;
  p: number;
  /** Max test accuracy, a fraction. */
  accuracy: number;
}

export function scaleAccuracyFigure(
  rows: readonly ScaleRow[],
  provenance: FigureProvenance,
): TopLevelSpec {
  if (rows.length === 0) throw new RangeError('scaleAccuracyFigure: no runs to plot');
  const points = rows.map((r) => ({ ...r, accuracy: r.accuracy * 100 }));
  const groups = new Map<string, ScaleRow[]>();
  for (const r of rows) {
    const k = JSON.stringify([r.s, r.ep, r.p]);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const medians = [...groups.values()].map((g) => ({
    s: g[0]!.s,
    ep: g[0]!.ep,
    p: g[0]!.p,
    accuracy: median(g.map((r) => r.accuracy)) * 100,
  }));
  const x = {
    field: 's',
    type: 'quantitative',
    title: 'GELU scaling factor s (activation gelu:s)',
    scale: { type: 'log', base: 2 },
    axis: { values: [...new Set(rows.map((r) => r.s))].sort((a, b) => a - b) },
  };
  const y = {
    field: 'accuracy',
    type: 'quantitative',
    title: 'max test accuracy (%)',
    scale: { zero: false },
  };
  const color = {
    field: 'ep',
    type: 'quantitative',
    title: 'error probability EP',
    scale: { scheme: 'plasma', domain: [0, 1] },
    legend: { type: 'gradient' },
  };
  const several = new Set(rows.map((r) => r.p)).size > 1;
  const dash = several ? { strokeDash: { field: 'p', type: 'ordinal', title: 'precision p' } } : {};
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: FIGURE_CONFIG,
    title: figureTitle('Max test accuracy vs GELU scaling factor, by EP', provenance),
    width: 420,
    height: 280,
    layer: [
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 18, fillOpacity: 0.35, strokeOpacity: 0 },
        encoding: { x, y, color },
      },
      {
        data: { values: medians },
        mark: { type: 'line', strokeWidth: 1.8, point: { filled: true, size: 30 } },
        encoding: {
          x,
          y,
          color,
          detail: [{ field: 'ep' }, { field: 'p' }],
          order: { field: 's' },
          ...dash,
        },
      },
    ],
  } as TopLevelSpec;
}
