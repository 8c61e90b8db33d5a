/**
 * Running a sweep plan into a directory:
 *
 *   <out>/sweep.json          the plan (preset, size, axes, every trial), rewritten each run
 *   <out>/runs/<trial id>/    one run directory per trial (trial.json + the trainer's files)
 *   <out>/results.csv|.json   one row per cell: median over seeds of the max test accuracy
 *   <out>/trials.csv          one row per trial
 *   <out>/accuracy-*.svg|png  the accuracy figures
 *
 * Running the same plan into the same directory again continues it: finished trials are read,
 * not re-run, and interrupted ones resume from their checkpoints.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { writeFigure } from '../analysis/figures/render.js';
import { cellsCsv, collectSweep, trialsCsv, type SweepTable } from './collect.js';
import type { SweepPlan } from './expand.js';
import type { SubmitOptions, TrialQueue } from './queue.js';
import { sweepFigures } from './sweep-figures.js';
import { describeDifference, readTrialFile, TrialConflictError } from './trial-dir.js';
import type { PlacedTrial, Trial, TrialEvent, TrialOutcome } from './trial.js';

export const SWEEP_FILE = 'sweep.json';
const SWEEP_FORMAT = 'analoop-sweep/1';

/** sweep.json as written. */
export interface SweepRecord {
  format: typeof SWEEP_FORMAT;
  preset: string;
  size: string;
  created: string;
  updated: string;
  axes: SweepPlan['axes'];
  seeds: number[];
  base: SweepPlan['base'];
  /** Each trial with its run directory relative to the sweep directory. */
  trials: (Trial & { run: string })[];
}

export type SweepEvent =
  TrialEvent | { type: 'outcome'; outcome: TrialOutcome; settled: number; total: number };

export interface RunSweepOptions {
  out: string;
  queue: TrialQueue;
  signal?: AbortSignal;
  onEvent?: (event: SweepEvent) => void;
}

export interface SweepResult {
  out: string;
  table: SweepTable;
  outcomes: TrialOutcome[];
  /** Files written besides the run directories. */
  files: string[];
  /** Some trials were interrupted or never started (run the same command again to continue). */
  incomplete: boolean;
  seconds: number;
}

/** The trials of a sweep record placed under its directory. */
export function placedTrials(dir: string, record: Pick<SweepRecord, 'trials'>): PlacedTrial[] {
  return record.trials.map((t) => ({
    id: t.id,
    cell: t.cell,
    config: t.config,
    runDir: resolve(dir, t.run),
  }));
}

export async function readSweepRecord(dir: string): Promise<SweepRecord | undefined> {
  const file = join(dir, SWEEP_FILE);
  if (!existsSync(file)) return undefined;
  const rec = JSON.parse(await readFile(file, 'utf8')) as SweepRecord;
  if (rec.format !== SWEEP_FORMAT)
    throw new Error(`${file}: format "${String(rec.format)}", expected "${SWEEP_FORMAT}"`);
  return rec;
}

/** Refuses a directory that holds another sweep, or trials with other settings. */
async function checkDirectory(
  out: string,
  plan: SweepPlan,
  trials: PlacedTrial[],
): Promise<SweepRecord | undefined> {
  const previous = await readSweepRecord(out);
  if (previous && (previous.preset !== plan.preset || previous.size !== plan.size))
    throw new TrialConflictError(
      `${out} holds the ${previous.size} ${previous.preset} sweep; use another --out for ${plan.size} ${plan.preset}`,
    );
  for (const t of trials) {
    const there = await readTrialFile(t.runDir);
    if (!there) continue;
    const same = isDeepStrictEqual(
      JSON.parse(JSON.stringify({ cell: there.cell, config: there.config })),
      JSON.parse(JSON.stringify({ cell: t.cell, config: t.config })),
    );
    if (!same)
      throw new TrialConflictError(
        `${t.runDir} holds trial ${t.id} run with other settings (${describeDifference(there, t)}); ` +
          'use another --out directory, or delete the old sweep to redo it',
      );
  }
  return previous;
}

/** The table, CSV/JSON files and figures of a sweep directory, from what its runs hold now. */
export async function writeSweepResults(
  out: string,
  meta: { preset: string; size: string; note: string },
  trials: readonly PlacedTrial[],
): Promise<{ table: SweepTable; files: string[] }> {
  const table = await collectSweep(meta, trials);
  const files = [join(out, 'results.csv'), join(out, 'trials.csv'), join(out, 'results.json')];
  await writeFile(files[0]!, cellsCsv(table));
  await writeFile(files[1]!, trialsCsv(table));
  await writeFile(files[2]!, JSON.stringify(table, null, 2) + '\n');
  for (const fig of sweepFigures(table, meta.note)) {
    const paths = await writeFigure(out, fig.name, fig.spec);
    files.push(paths.svg, paths.png);
  }
  return { table, files };
}

/** "linear on mnist, 10 epochs": the caption's summary of a plan's training. */
export function trainingNote(base: SweepPlan['base']): string {
  const limits = [
    base.trainLimit ? `${base.trainLimit} train` : '',
    base.testLimit ? `${base.testLimit} test` : '',
  ].filter(Boolean);
  return `${base.model} on ${base.dataset}${limits.length ? ` (${limits.join(', ')} samples)` : ''}, ${base.epochs} epoch${base.epochs === 1 ? '' : 's'}`;
}

export async function runSweep(plan: SweepPlan, opts: RunSweepOptions): Promise<SweepResult> {
  const t0 = performance.now();
  const out = resolve(opts.out);
  const record: SweepRecord = {
    format: SWEEP_FORMAT,
    preset: plan.preset,
    size: plan.size,
    created: new Date().toISOString(),
    updated: new Date().toISOString(),
    axes: plan.axes,
    seeds: plan.seeds,
    base: plan.base,
    trials: plan.trials.map((t) => ({ ...t, run: join('runs', t.id) })),
  };
  const trials = placedTrials(out, record);
  const previous = await checkDirectory(out, plan, trials);
  if (previous) record.created = previous.created;
  await mkdir(out, { recursive: true });
  await writeFile(join(out, SWEEP_FILE), JSON.stringify(record, null, 2) + '\n');

  const outcomes: TrialOutcome[] = [];
  const submit: SubmitOptions = {
    ...(opts.signal ? { signal: opts.signal } : {}),
    onEvent: (e) => opts.onEvent?.(e),
  };
  for await (const outcome of opts.queue.submit(trials, submit)) {
    outcomes.push(outcome);
    opts.onEvent?.({ type: 'outcome', outcome, settled: outcomes.length, total: trials.length });
  }
  const { table, files } = await writeSweepResults(
    out,
    { preset: plan.preset, size: plan.size, note: trainingNote(plan.base) },
    trials,
  );
  const incomplete = table.trials.some((t) => t.status !== 'finished');
  return { out, table, outcomes, files, incomplete, seconds: (performance.now() - t0) / 1000 };
}
