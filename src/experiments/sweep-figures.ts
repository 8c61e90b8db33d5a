/**
 * The figures of a sweep, from its collected table: accuracy vs i coloured by EP, and by depth
 * when the sweep has a depth axis (then by EP only if it has several EPs), or accuracy vs s for
 * the GELU scaling sweep. Depth is the
 * number of weight layers, conv + linear, so the conv series and the linear series share one
 * axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AccuracyRow } from '../analysis/run-results.js';
import { accuracyFigure } from '../analysis/figures/accuracy.js';
import { figureTitle, type FigureProvenance } from '../analysis/figures/theme.js';
import type { SweepTable } from './collect.js';
import { scaleAccuracyFigure } from './scale-figure.js';

export interface SweepFigure {
  /** File stem: <name>.svg and <name>.png. */
  name: string;
  spec: TopLevelSpec;
}

function list(values: readonly number[]): string {
  return [...new Set(values)].sort((a, b) => a - b).join(', ');
}

/**
 * The figure with its caption wrapped at `maxChars`: headless vega estimates text widths
 * generously, so one long caption line would widen the figure far beyond its plot.
 */
export function wrapCaption(
  spec: TopLevelSpec,
  provenance: FigureProvenance,
  maxChars = 64,
): TopLevelSpec {
  const title = (spec as { title?: { text?: string } }).title;
  if (!title?.text) return spec;
  return { ...spec, title: figureTitle(title.text, provenance, maxChars) } as TopLevelSpec;
}

/** The caption: device family, axes, data and budget, seeds. */
export function sweepProvenance(table: SweepTable, note: string): FigureProvenance {
  const done = table.trials.filter((t) => t.maxTestAccuracy !== undefined);
  const seeds = [...new Set(done.map((t) => t.seed))].sort((a, b) => a - b);
  return {
    device: `sim:paper, p ∈ {${list(done.map((t) => Number(t.cell.p)))}}, EP ∈ {${list(done.map((t) => Number(t.cell.ep)))}}`,
    ...(seeds.length === 1 ? { seed: seeds[0]! } : {}),
    note: `${table.preset} (${table.size}) · ${note} · ${done.length} runs${seeds.length > 1 ? `, seeds ${seeds.join(',')}; lines: median over seeds` : ''}`,
  };
}

/** The figures this table supports (none while no trial has finished). */
export function sweepFigures(table: SweepTable, note: string): SweepFigure[] {
  const done = table.trials.filter((t) => t.maxTestAccuracy !== undefined);
  if (done.length === 0) return [];
  const provenance = sweepProvenance(table, note);
  if (table.axes.includes('s')) {
    const rows = done.map((t) => ({
      s: Number(t.cell.s),
      ep: Number(t.cell.ep),
      p: Number(t.cell.p),
      accuracy: t.maxTestAccuracy!,
    }));
    return [
      {
        name: 'accuracy-vs-scale',
        spec: wrapCaption(scaleAccuracyFigure(rows, provenance), provenance),
      },
    ];
  }
  const rows: AccuracyRow[] = done.map((t) => ({
    i: Number(t.cell.i),
    ep: Number(t.cell.ep),
    p: Number(t.cell.p),
    accuracy: t.maxTestAccuracy!,
    seed: t.seed,
    device: t.device,
    activation: t.activation,
    run: t.id,
    ...(t.cell.depth !== undefined ? { depth: Number(t.cell.depth) } : {}),
  }));
  const figures: SweepFigure[] = [];
  const depthAxis = table.axes.includes('depth');
  // With one EP, colouring by EP says nothing the depth figure does not.
  if (!depthAxis || new Set(rows.map((r) => r.ep)).size > 1)
    figures.push({
      name: 'accuracy-by-ep',
      spec: wrapCaption(accuracyFigure(rows, { provenance, colorBy: 'ep' }), provenance),
    });
  if (depthAxis) {
    const depthProvenance = {
      ...provenance,
      note: `${provenance.note} · depth = conv + linear layers`,
    };
    figures.push({
      name: 'accuracy-by-depth',
      spec: wrapCaption(
        accuracyFigure(rows, { provenance: depthProvenance, colorBy: 'depth' }),
        depthProvenance,
      ),
    });
  }
  return figures;
}
