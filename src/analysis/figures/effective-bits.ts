/**
 * Effective bits of GELU's derivative near zero vs scaling factor s, one line per precision p:
 * bits = log2(1 / (G_s'(1/p) - G_s'(0))). Fewer bits mean the derivative's first step is
 * coarser; a dashed rule per p marks log2(p), the input's own bits.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EffectiveBitsRow } from '../effective-bits.js';
import { FIGURE_CONFIG, figureTitle, type FigureProvenance } from './theme.js';

export function effectiveBitsFigure(
  rows: readonly EffectiveBitsRow[],
  options: { provenance: FigureProvenance },
): TopLevelSpec {
  const ps = [...new Set(rows.map((r) => r.p))].sort((a, b) => a - b);
  const color = {
    field: 'p',
    type: 'ordinal',
    title: 'precision p (steps per unit)',
    legend: { titleLimit: 400 },
    scale: { domain: ps, scheme: 'viridis' },
    sort: ps,
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: FIGURE_CONFIG,
    title: figureTitle(
      "Effective bits of GELU's derivative near zero vs scaling factor",
      options.provenance,
    ),
    width: 420,
    height: 280,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: {
          x: { field: 's', type: 'quantitative', title: 'GELU scaling factor s (dimensionless)' },
          y: { field: 'bits', type: 'quantitative', title: "log2(1 / (G's(1/p) − G's(0))) (bits)" },
          color,
        },
      },
      {
        data: { values: ps.map((p) => ({ p, inputBits: Math.log2(p) })) },
        mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 0.8 },
        encoding: { y: { field: 'inputBits', type: 'quantitative' }, color },
      },
    ],
  } as TopLevelSpec;
}
