/**
 * The activation figure (the paper's figures 2-3): f and f' (rows) under full precision,
 * reduced precision and noise (columns), one colour per activation. Full- and reduced-precision
 * curves are lines (RP makes the staircase visible); noisy values are points, since each is an
 * independent draw and a line through them would suggest an order that does not exist.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CURVE_CONDITIONS, type CurveRow } from '../activation-curves.js';
import { FIGURE_CONFIG, figureTitle, type FigureProvenance } from './theme.js';

export interface ActivationsFigureOptions {
  provenance: FigureProvenance;
  /** Column headings, e.g. { 'reduced precision': 'reduced precision, p = 16' }. */
  conditionLabels?: Partial<Record<string, string>>;
  panel?: { width: number; height: number };
}

export function activationsFigure(
  rows: readonly CurveRow[],
  options: ActivationsFigureOptions,
): TopLevelSpec {
  const { width, height } = options.panel ?? { width: 230, height: 170 };
  const activations = [...new Set(rows.map((r) => r.activation))];
  const color = {
    field: 'activation',
    type: 'nominal',
    scale: { domain: activations, scheme: 'tableau10' },
    legend: { title: 'activation' },
  };
  const quantities = [
    { field: 'f', title: 'f(x) (same units as x)' },
    { field: 'df', title: "f'(x) (dimensionless)" },
  ];
  const panel = (condition: string, q: { field: string; title: string }, top: boolean) => {
    const noisy = condition === 'noisy';
    return {
      width,
      height,
      ...(top
        ? { title: { text: options.conditionLabels?.[condition] ?? condition, fontSize: 12 } }
        : {}),
      data: { values: rows.filter((r) => r.condition === condition) },
      mark: noisy
        ? { type: 'point', filled: true, size: 6, opacity: 0.7 }
        : { type: 'line', strokeWidth: 1.6, interpolate: 'linear' },
      encoding: {
        x: {
          field: 'x',
          type: 'quantitative',
          title: 'x (full scale = 1)',
          scale: { nice: false },
        },
        y: { field: q.field, type: 'quantitative', title: q.title },
        color,
        ...(noisy ? {} : { detail: { field: 'activation' } }),
        order: { field: 'x' },
      },
    };
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: FIGURE_CONFIG,
    title: figureTitle(
      'Activations and their derivatives: full precision, reduced precision, noise',
      options.provenance,
    ),
    // One grid (not rows of hconcat) so the panels align whatever their axis label widths.
    columns: CURVE_CONDITIONS.length,
    concat: quantities.flatMap((q, k) => CURVE_CONDITIONS.map((c) => panel(c, q, k === 0))),
    resolve: { scale: { color: 'shared' } },
  } as TopLevelSpec;
}
