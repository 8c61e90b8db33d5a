/**
 * A sweep's results, read back from its run directories (so a cached trial counts exactly like
 * a fresh one): one row per trial, and one row per cell with the median over seeds of the max
 * test accuracy (the paper's metric). Written as results.csv and results.json.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readRunSummary } from './trial-dir.js';
import type { CellValue, PlacedTrial } from './trial.js';

export interface TrialRow {
  id: string;
  runDir: string;
  cell: Record<string, CellValue>;
  status: 'finished' | 'unfinished';
  /** Max test accuracy over epochs (fraction), when finished. */
  maxTestAccuracy?: number;
  bestEpoch?: number;
  epochs?: number;
  stoppedEarly?: string | null;
  device: string;
  activation: string;
  seed: number;
  calibrationProfileId?: string | null;
}

export interface CellRow {
  /** The cell's axis values, seed excluded. */
  cell: Record<string, CellValue>;
  seeds: number[];
  /** Max test accuracy per finished seed, in the order of `seeds`. */
  accuracies: number[];
  /** Trials planned for this cell (finished or not). */
  planned: number;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface SweepTable {
  preset: string;
  size: string;
  /** Axis names of a cell, in column order (seed excluded). */
  axes: string[];
  trials: TrialRow[];
  cells: CellRow[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function profileId(runDir: string): Promise<string | null | undefined> {
  try {
    const m = JSON.parse(await readFile(join(runDir, 'manifest.json'), 'utf8')) as {
      calibrationProfileId?: string | null;
    };
    return m.calibrationProfileId;
  } catch {
    return undefined;
  }
}

export async function collectSweep(
  meta: { preset: string; size: string },
  trials: readonly PlacedTrial[],
): Promise<SweepTable> {
  const rows: TrialRow[] = [];
  for (const t of trials) {
    const summary = await readRunSummary(t.runDir);
    const pid = await profileId(t.runDir);
    const row: TrialRow = {
      id: t.id,
      runDir: t.runDir,
      cell: t.cell,
      status: summary ? 'finished' : 'unfinished',
      device: String(t.config.device),
      activation: String(t.config.activation),
      seed: Number(t.config.seed),
      ...(pid !== undefined ? { calibrationProfileId: pid } : {}),
    };
    if (summary) {
      row.maxTestAccuracy = summary.maxTestAccuracy;
      row.bestEpoch = summary.bestEpoch;
      row.epochs = summary.epochs;
      row.stoppedEarly = summary.stoppedEarly;
    }
    rows.push(row);
  }
  const axes = [...new Set(trials.flatMap((t) => Object.keys(t.cell)))].filter((k) => k !== 'seed');
  const cells = new Map<string, CellRow>();
  for (const r of rows) {
    const cell = Object.fromEntries(axes.map((a) => [a, r.cell[a]!]));
    const key = JSON.stringify(cell);
    let c = cells.get(key);
    if (!c) {
      c = { cell, seeds: [], accuracies: [], planned: 0, median: null, min: null, max: null };
      cells.set(key, c);
    }
    c.planned++;
    if (r.maxTestAccuracy !== undefined) {
      c.seeds.push(r.seed);
      c.accuracies.push(r.maxTestAccuracy);
    }
  }
  for (const c of cells.values()) {
    if (c.accuracies.length === 0) continue;
    c.median = median(c.accuracies);
    c.min = Math.min(...c.accuracies);
    c.max = Math.max(...c.accuracies);
  }
  return { preset: meta.preset, size: meta.size, axes, trials: rows, cells: [...cells.values()] };
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const acc = (v: number | null) => (v === null ? '' : v.toFixed(4));

/** One line per cell: axes, finished/planned seeds, median/min/max max test accuracy, per seed. */
export function cellsCsv(table: SweepTable): string {
  const header = [
    ...table.axes,
    'seeds_finished',
    'seeds_planned',
    'max_test_accuracy_median',
    'max_test_accuracy_min',
    'max_test_accuracy_max',
    'per_seed',
  ];
  const lines = table.cells.map((c) =>
    [
      ...table.axes.map((a) => c.cell[a]),
      c.seeds.length,
      c.planned,
      acc(c.median),
      acc(c.min),
      acc(c.max),
      c.seeds.map((s, k) => `${s}:${c.accuracies[k]!.toFixed(4)}`).join(' '),
    ]
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** One line per trial, for analyses that want every seed. */
export function trialsCsv(table: SweepTable): string {
  const header = [
    'id',
    ...table.axes,
    'seed',
    'status',
    'max_test_accuracy',
    'best_epoch',
    'epochs',
    'device',
    'activation',
    'calibration_profile_id',
    'run_dir',
  ];
  const lines = table.trials.map((t) =>
    [
      t.id,
      ...table.axes.map((a) => t.cell[a]),
      t.seed,
      t.status,
      t.maxTestAccuracy === undefined ? '' : t.maxTestAccuracy.toFixed(4),
      t.bestEpoch,
      t.epochs,
      t.device,
      t.activation,
      t.calibrationProfileId,
      t.runDir,
    ]
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}
