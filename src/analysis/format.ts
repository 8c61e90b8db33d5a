/**
 * Rows of numbers and strings as CSV, JSON or an aligned text table: the three output formats
 * of `analoop metrics`. CSV and JSON keep full float64 precision (machine-readable); the table
 * rounds to 6 significant digits (for reading).
 */

export type Cell = number | string | boolean | null | undefined;
export type Row = Record<string, Cell>;
export type OutputFormat = 'csv' | 'json' | 'table';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'json', 'table'];

/** Column names in first-seen order over all rows (rows may differ in their keys). */
export function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header line; missing cells are empty. */
export function toCsv(rows: readonly Row[]): string {
  const cols = columnsOf(rows);
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

function tableCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
    return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
  }
  return String(v);
}

/** An aligned plain-text table; numbers right-aligned, text left-aligned. */
export function toTable(rows: readonly Row[]): string {
  const cols = columnsOf(rows);
  const cells = rows.map((r) => cols.map((c) => tableCell(r[c])));
  const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  const numeric = cols.map((c) =>
    rows.every((r) => r[c] === undefined || typeof r[c] === 'number'),
  );
  const fmt = (row: string[]) =>
    row
      .map((s, j) => (numeric[j] ? s.padStart(widths[j]!) : s.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [fmt(cols), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt)].join('\n') + '\n';
}

/**
 * Formats rows; with `extra` the JSON form is `{ ...extra, rows }` (settings and summaries next
 * to the rows) and the table form appends `extra` as `key: value` lines. CSV is rows only.
 */
export function formatRows(
  rows: readonly Row[],
  format: OutputFormat,
  extra?: Record<string, unknown>,
): string {
  switch (format) {
    case 'csv':
      return toCsv(rows);
    case 'json':
      return JSON.stringify(extra ? { ...extra, rows } : rows, null, 2) + '\n';
    case 'table': {
      let s = toTable(rows);
      if (extra) {
        for (const [k, v] of Object.entries(extra)) {
          s += `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}\n`;
        }
      }
      return s;
    }
  }
}
