/**
 * The results table as a reader wants it: one column per value of the swept activation
 * parameter (i or s), one row per combination of the other axes, median max test accuracy in
 * the cells. Shared by the printed table and the HTML report.
 */
import type { SweepTable } from './collect.js';
import type { CellValue } from './trial.js';

export interface Pivot {
  /** Axis along the columns: 'i' or 's' (or the last axis when neither is present). */
  columnAxis: string;
  columns: CellValue[];
  /** Axes labelling the rows, in order. */
  rowAxes: string[];
  rows: { labels: CellValue[]; values: (number | null)[]; seeds: number[] }[];
}

function compare(a: CellValue, b: CellValue): number {
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b));
}

export function pivotTable(table: SweepTable): Pivot {
  const columnAxis = table.axes.includes('i')
    ? 'i'
    : table.axes.includes('s')
      ? 's'
      : table.axes[table.axes.length - 1]!;
  // depth is derived from convLayers + linearLayers: sort by it, but do not split rows on it.
  const rowAxes = table.axes.filter((a) => a !== columnAxis);
  const columns = [...new Set(table.cells.map((c) => c.cell[columnAxis]!))].sort(compare);
  const rowMap = new Map<string, Pivot['rows'][number]>();
  for (const c of table.cells) {
    const labels = rowAxes.map((a) => c.cell[a]!);
    const key = JSON.stringify(labels);
    let row = rowMap.get(key);
    if (!row) {
      row = { labels, values: columns.map(() => null), seeds: columns.map(() => 0) };
      rowMap.set(key, row);
    }
    const k = columns.indexOf(c.cell[columnAxis]!);
    row.values[k] = c.median;
    row.seeds[k] = c.seeds.length;
  }
  const order = rowAxes.includes('depth')
    ? ['depth', ...rowAxes.filter((a) => a !== 'depth')]
    : rowAxes;
  const rows = [...rowMap.values()].sort((x, y) => {
    for (const a of order) {
      const k = rowAxes.indexOf(a);
      const d = compare(x.labels[k]!, y.labels[k]!);
      if (d !== 0) return d;
    }
    return 0;
  });
  return { columnAxis, columns, rowAxes, rows };
}

/** The pivot as aligned text, accuracies in percent; '-' where no seed has finished. */
export function formatPivot(table: SweepTable): string {
  const p = pivotTable(table);
  const header = [...p.rowAxes, ...p.columns.map((c) => `${p.columnAxis}=${c}`)];
  const body = p.rows.map((r) => [
    ...r.labels.map(String),
    ...r.values.map((v) => (v === null ? '-' : (v * 100).toFixed(2))),
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((b) => b[k]!.length)));
  const split = p.rowAxes.length;
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k < split ? c.padEnd(widths[k]!) : c.padStart(widths[k]!)))
      .map((c, k) => (k === split ? `| ${c}` : c))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w, k) => (k === split ? '+-' : '') + '-'.repeat(w)).join('--');
  return [line(header), rule, ...body.map(line)].join('\n') + '\n';
}
