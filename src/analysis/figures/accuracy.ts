/**
 * Accuracy vs interpolation factor (the paper's sweep figures): the maximum test accuracy of
 * each run as a faint point, the median over seeds as a line, coloured by EP (or by depth), one
 * column per precision p when the runs span several.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AccuracyRow } from '../run-results.js';
import { FIGURE_CONFIG, figureTitle, type FigureProvenance } from './theme.js';

export interface AccuracyFigureOptions {
  provenance: FigureProvenance;
  /** Colour the lines by EP (default) or by depth. */
  colorBy?: 'ep' | 'depth';
}

/** Median of a non-empty list. */
function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median accuracy per (i, ep, p, depth) cell, with the number of runs in it. */
export function medianAccuracy(rows: readonly AccuracyRow[]) {
  const cells = new Map<
    string,
    { i: number; ep: number; p: number | null; depth: number | null; acc: number[] }
  >();
  for (const r of rows) {
    const key = JSON.stringify([r.i, r.ep, r.p ?? null, r.depth ?? null]);
    let c = cells.get(key);
    if (!c)
      cells.set(key, (c = { i: r.i, ep: r.ep, p: r.p ?? null, depth: r.depth ?? null, acc: [] }));
    c.acc.push(r.accuracy);
  }
  return [...cells.values()].map((c) => ({
    i: c.i,
    ep: c.ep,
    p: c.p,
    depth: c.depth,
    accuracy: median(c.acc),
    runs: c.acc.length,
  }));
}

export function accuracyFigure(
  rows: readonly AccuracyRow[],
  options: AccuracyFigureOptions,
): TopLevelSpec {
  if (rows.length === 0) throw new RangeError('accuracyFigure: no runs to plot');
  const by = options.colorBy ?? 'ep';
  const pct = (a: number) => a * 100;
  const points = rows.map((r) => ({
    i: r.i,
    ep: r.ep,
    p: r.p ?? null,
    depth: r.depth ?? null,
    accuracy: pct(r.accuracy),
    run: r.run ?? '',
  }));
  const medians = medianAccuracy(rows).map((m) => ({ ...m, accuracy: pct(m.accuracy) }));
  const ps = [...new Set(rows.map((r) => r.p ?? null))];
  const facet = ps.length > 1;
  const color =
    by === 'ep'
      ? {
          field: 'ep',
          type: 'quantitative',
          title: 'error probability EP',
          scale: { scheme: 'plasma', domain: [0, 1] },
          legend: { type: 'gradient', titleLimit: 400 },
        }
      : { field: 'depth', type: 'ordinal', title: 'depth (layers)', scale: { scheme: 'viridis' } };
  const detail = [{ field: 'ep' }, { field: 'depth' }];
  const x = {
    field: 'i',
    type: 'quantitative',
    title: 'interpolation factor i (0 = ReLU, 1 = GELU)',
    scale: { domain: [0, 1] },
  };
  const y = {
    field: 'accuracy',
    type: 'quantitative',
    title: 'max test accuracy (%)',
    scale: { zero: false },
  };
  const layer = [
    // Faint per-run points: fillOpacity (not opacity), so the shared legend stays opaque.
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 18, fillOpacity: 0.35, strokeOpacity: 0 },
      encoding: { x, y, color },
    },
    {
      data: { values: medians },
      mark: { type: 'line', strokeWidth: 1.8, point: { filled: true, size: 30 } },
      encoding: { x, y, color, detail, order: { field: 'i' } },
    },
  ];
  const head = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: FIGURE_CONFIG,
    title: figureTitle(
      `Max test accuracy vs interpolation factor, by ${by === 'ep' ? 'EP' : 'depth'}`,
      options.provenance,
    ),
  };
  if (!facet) return { ...head, width: 420, height: 280, layer } as TopLevelSpec;
  // One panel per p: each layer keeps its own data, filtered to the panel's p.
  return {
    ...head,
    hconcat: ps.map((p) => ({
      width: 300,
      height: 240,
      title: { text: p === null ? 'p unknown' : `p = ${p}`, fontSize: 12 },
      layer: layer.map((l) => ({
        ...l,
        transform: [{ filter: p === null ? 'datum.p === null' : `datum.p === ${p}` }],
      })),
    })),
    resolve: { scale: { y: 'shared' } },
  } as TopLevelSpec;
}
