/**
 * GSD vs interpolation factor: D = f'(h) - f'(0) for each family, on a log axis because it falls
 * from 1 (ReLU) to ~1e-4 (GELU/SiLU: curvature, no step) and the last decades are the point.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { GsdRow } from '../gsd.js';
import { FIGURE_CONFIG, figureTitle, type FigureProvenance } from './theme.js';

export interface GsdSeriesRow extends GsdRow {
  family: string;
}

export function gsdFigure(
  rows: readonly GsdSeriesRow[],
  options: { provenance: FigureProvenance; log?: boolean },
): TopLevelSpec {
  const log = options.log ?? true;
  const data = rows.filter((r) => r.i !== null && (!log || r.gsd > 0));
  const h = rows[0]?.h ?? 1e-4;
  const enc = {
    x: {
      field: 'i',
      type: 'quantitative',
      title: 'interpolation factor i (0 = ReLU, 1 = GELU/SiLU)',
      scale: { domain: [0, 1] },
    },
    y: {
      field: 'gsd',
      type: 'quantitative',
      title: "GSD f'(h) − f'(0) (dimensionless)",
      scale: log ? { type: 'log' } : { zero: true },
      axis: log ? { format: '.0e' } : {},
    },
    color: {
      field: 'family',
      type: 'nominal',
      title: 'family',
      scale: { scheme: 'tableau10' },
      legend: { labelLimit: 400 },
    },
  };
  // The families coincide except at i = 1, so the second is dashed to stay visible.
  const dash = {
    field: 'family',
    type: 'nominal',
    legend: null,
    scale: {
      range: [
        [1, 0],
        [5, 3],
      ],
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: FIGURE_CONFIG,
    title: figureTitle(
      `Gradient step discontinuity f'(h) − f'(0) vs interpolation factor, h = ${h}`,
      options.provenance,
    ),
    width: 420,
    height: 280,
    data: { values: data },
    layer: [
      { mark: { type: 'line', strokeWidth: 1.6 }, encoding: { ...enc, strokeDash: dash } },
      {
        mark: { type: 'point', filled: true, size: 40 },
        encoding: { ...enc, tooltip: [{ field: 'activation' }, { field: 'gsd' }] },
      },
      {
        // Label the smooth end points: their GSD is curvature (~h sqrt(2/pi) for GELU), not a step.
        transform: [
          { filter: 'datum.i === 1' },
          { calculate: "format(datum.gsd, '.2e')", as: 'label' },
        ],
        mark: { type: 'text', align: 'right', dx: -8, dy: -4, fontSize: 10 },
        encoding: { x: enc.x, y: enc.y, text: { field: 'label' }, color: enc.color },
      },
    ],
  } as TopLevelSpec;
}
