import { join } from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import { loadDataset } from '../data/index.js';
import { activationName, parseActivation } from '../nn/activations.js';
import type { TrainConfigInput } from './config.js';
import type { BatchProgress, EpochMetrics } from './metrics.js';
import { train } from './trainer.js';

export interface CompareRow {
  activation: string;
  seeds: number[];
  maxTestAccuracy: number[];
  finalTrainLoss: number[];
  meanMaxTestAccuracy: number;
  sdMaxTestAccuracy: number;
  meanFinalTrainLoss: number;
}

function meanSd(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.length > 1 ? xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) : 0;
  return [m, Math.sqrt(v)];
}

/**
 * Trains the same model, data order, seed and noise stream once per activation (and seed):
 * only the activation differs between the runs of one seed, which is the paper's comparison.
 */
export async function compareActivations(
  base: Omit<TrainConfigInput, 'activation' | 'seed'>,
  activations: string[],
  seeds: number[],
  opts: {
    outDir?: string;
    onProgress?: (label: string, e: BatchProgress | EpochMetrics) => void;
    signal?: AbortSignal;
    /** Record each run's hardware products to trace.jsonl in its run directory (needs outDir). */
    record?: boolean;
  } = {},
): Promise<CompareRow[]> {
  const names = activations.map((a) => activationName(parseActivation(a)));
  const data = await loadDataset(base.dataset ?? 'mnist', { grey: base.grey ?? false });
  const rows: CompareRow[] = names.map((activation) => ({
    activation,
    seeds: [],
    maxTestAccuracy: [],
    finalTrainLoss: [],
    meanMaxTestAccuracy: NaN,
    sdMaxTestAccuracy: NaN,
    meanFinalTrainLoss: NaN,
  }));
  for (const seed of seeds) {
    for (const row of rows) {
      const label = `${row.activation} seed ${seed}`;
      const runDir = opts.outDir
        ? join(opts.outDir, `${row.activation.replace(/[^\w.-]+/g, '_')}-seed${seed}`)
        : undefined;
      const r = await train(
        { ...base, activation: row.activation, seed },
        {
          data,
          runDir,
          ...(opts.record && runDir ? { recordTrace: join(runDir, 'trace.jsonl') } : {}),
          onProgress: (e) => opts.onProgress?.(label, e),
          signal: opts.signal,
        },
      );
      row.seeds.push(seed);
      row.maxTestAccuracy.push(r.summary.maxTestAccuracy);
      row.finalTrainLoss.push(r.summary.finalTrainLoss);
    }
  }
  for (const row of rows) {
    [row.meanMaxTestAccuracy, row.sdMaxTestAccuracy] = meanSd(row.maxTestAccuracy);
    row.meanFinalTrainLoss = meanSd(row.finalTrainLoss)[0];
  }
  if (opts.outDir) {
    await mkdir(opts.outDir, { recursive: true });
    await writeFile(
      join(opts.outDir, 'compare.json'),
      JSON.stringify({ base, seeds, rows }, null, 2) + '\n',
    );
  }
  return rows;
}

/** A plain-text table, one row per activation. */
export function formatCompareTable(rows: CompareRow[]): string {
  const header = ['activation', 'max test acc (mean ± sd)', 'per seed', 'final train loss'];
  const body = rows.map((r) => [
    r.activation,
    `${(r.meanMaxTestAccuracy * 100).toFixed(2)}% ± ${(r.sdMaxTestAccuracy * 100).toFixed(2)}`,
    r.maxTestAccuracy.map((a) => (a * 100).toFixed(2)).join(' '),
    r.meanFinalTrainLoss.toFixed(4),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return (
    [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n'
  );
}
