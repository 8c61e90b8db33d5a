/**
 * A trial's run directory as the queue sees it: trial.json (what it is, so a re-run with other
 * options cannot silently reuse it), and the trainer's metrics.jsonl and checkpoint.json, which
 * say whether it is finished (an 'end' line), resumable (a checkpoint) or not started.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { RunDir } from '../train/run-dir.js';
import type { RunSummary } from '../train/metrics.js';
import type { PlacedTrial, Trial } from './trial.js';

export const TRIAL_FILE = 'trial.json';
const TRIAL_FORMAT = 'analoop-trial/1';

/** A run directory holds a different trial than the one asked for. */
export class TrialConflictError extends Error {
  override name = 'TrialConflictError';
}

export type TrialState =
  { state: 'finished'; summary: RunSummary } | { state: 'resumable' } | { state: 'new' };

/** The 'end' line of a metrics.jsonl, if any (a torn last line from a kill is ignored). */
export async function readRunSummary(runDir: string): Promise<RunSummary | undefined> {
  let text: string;
  try {
    text = await readFile(new RunDir(runDir).metricsFile, 'utf8');
  } catch {
    return undefined;
  }
  let end: RunSummary | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const rec = JSON.parse(line) as { event?: unknown; maxTestAccuracy?: unknown };
      if (rec.event === 'end' && typeof rec.maxTestAccuracy === 'number') end = rec as RunSummary;
    } catch {
      // a line cut short by a kill: not an end line
    }
  }
  return end;
}

export async function trialState(runDir: string): Promise<TrialState> {
  const summary = await readRunSummary(runDir);
  if (summary) return { state: 'finished', summary };
  return new RunDir(runDir).hasCheckpoint() ? { state: 'resumable' } : { state: 'new' };
}

/** The trial recorded in a run directory, if any. */
export async function readTrialFile(runDir: string): Promise<Trial | undefined> {
  const file = join(runDir, TRIAL_FILE);
  if (!existsSync(file)) return undefined;
  const rec = JSON.parse(await readFile(file, 'utf8')) as Trial & { format?: string };
  return { id: rec.id, cell: rec.cell, config: rec.config };
}

/**
 * Makes the run directory and records the trial in it; a directory that already records a
 * different trial is a TrialConflictError (its results belong to other options).
 */
export async function prepareTrialDir(trial: PlacedTrial): Promise<void> {
  const previous = await readTrialFile(trial.runDir);
  const mine: Trial = { id: trial.id, cell: trial.cell, config: trial.config };
  if (previous) {
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(previous)), JSON.parse(JSON.stringify(mine))))
      throw new TrialConflictError(
        `${trial.runDir} holds trial ${previous.id} with other settings (${describeDifference(previous, mine)}); ` +
          'use another --out directory, or delete that run to redo it',
      );
    return;
  }
  await mkdir(trial.runDir, { recursive: true });
  await writeFile(
    join(trial.runDir, TRIAL_FILE),
    JSON.stringify({ format: TRIAL_FORMAT, ...mine }, null, 2) + '\n',
  );
}

/** The first few config fields that differ, for conflict messages. */
export function describeDifference(a: Trial, b: Trial): string {
  const ca = a.config as Record<string, unknown>;
  const cb = b.config as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ca), ...Object.keys(cb)])].filter(
    (k) => !isDeepStrictEqual(ca[k], cb[k]),
  );
  if (keys.length === 0) return 'its cell differs';
  return keys
    .slice(0, 3)
    .map((k) => `${k}: ${JSON.stringify(ca[k])} there, ${JSON.stringify(cb[k])} now`)
    .join('; ');
}

/**
 * Removes what a run that never finished an epoch left behind (manifest, a 'start' line), so
 * the fresh start does not append to it. Only called for state 'new' (no checkpoint).
 */
export async function clearUnstartedRun(runDir: string): Promise<void> {
  const run = new RunDir(runDir);
  await rm(run.metricsFile, { force: true });
  await rm(run.manifestFile, { force: true });
}
