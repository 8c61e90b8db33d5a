/**
 * Test accuracy per epoch of every run: the check a reader makes before trusting a max-over-
 * epochs table (did the runs converge, did one collapse?). One line per run coloured by the
 * interpolation factor, one panel per combination of the other swept values (EP, p, depth).
 */
import type { TopLevelSpec } from 'vega-lite';
import { FIGURE_CONFIG, figureTitle, type FigureProvenance } from '../analysis/figures/theme.js';
import type { RunInfo } from './run-info.js';

/** Panels beyond this are drawn as one panel (small multiples stop being readable). */
const MAX_PANELS = 12;

export function learningCurvesFigure(
  runs: readonly RunInfo[],
  provenance: FigureProvenance,
): TopLevelSpec | undefined {
  const drawn = runs.filter((r) => r.epochs.length > 0);
  if (drawn.length === 0) return undefined;
  const varies = (f: (r: RunInfo) => unknown) => new Set(drawn.map(f)).size > 1;
  const candidates: { label: string; get: (r: RunInfo) => unknown }[] = [
    { label: 'EP', get: (r) => r.row?.ep },
    { label: 'p', get: (r) => r.row?.p },
    { label: 'depth', get: (r) => r.row?.depth },
  ];
  const parts = candidates.filter((p) => varies(p.get));
  const panel = (r: RunInfo) =>
    parts.map((p) => `${p.label} ${p.get(r) === undefined ? '?' : String(p.get(r))}`).join(' · ') ||
    'all runs';
  const panels = new Set(drawn.map(panel));
  const facet = panels.size > 1 && panels.size <= MAX_PANELS;
  // Colour by i when the runs differ in it; otherwise (e.g. gelu:s runs, all i = 1) by activation.
  const byFactor = drawn.every((r) => r.row !== undefined) && varies((r) => r.row?.i);
  const values = drawn.flatMap((r) =>
    r.epochs.map((e) => ({
      run: r.name,
      epoch: e.epoch,
      accuracy: e.testAccuracy * 100,
      i: r.row?.i ?? null,
      activation: String(r.config.activation ?? '?'),
      panel: panel(r),
    })),
  );
  const color = byFactor
    ? {
        field: 'i',
        type: 'quantitative',
        title: 'factor i',
        scale: { scheme: 'viridis', domain: [0, 1] },
        legend: { type: 'gradient' },
      }
    : { field: 'activation', type: 'nominal', title: 'activation' };
  const inner = {
    mark: { type: 'line', strokeWidth: 1.2, opacity: 0.8, point: { size: 12, filled: true } },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1 } },
      y: {
        field: 'accuracy',
        type: 'quantitative',
        title: 'test accuracy (%)',
        scale: { zero: false },
      },
      color,
      detail: { field: 'run' },
      tooltip: [{ field: 'run' }, { field: 'epoch' }, { field: 'accuracy', format: '.2f' }],
    },
  };
  const head = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: FIGURE_CONFIG,
    title: figureTitle('Test accuracy per epoch (noise on)', provenance, 64),
    data: { values },
  };
  if (!facet) return { ...head, width: 460, height: 260, ...inner } as TopLevelSpec;
  return {
    ...head,
    facet: { field: 'panel', type: 'nominal', title: null, header: { labelFontSize: 11 } },
    columns: 3,
    spec: { width: 240, height: 160, ...inner },
    resolve: { scale: { y: 'shared' } },
  } as TopLevelSpec;
}
