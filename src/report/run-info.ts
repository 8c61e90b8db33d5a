/**
 * Everything the report shows about one run directory, read leniently: a report over a
 * directory with a half-written or foreign run must still render, saying what is missing.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readRunResult, type AccuracyRow } from '../analysis/run-results.js';
import { readTrialFile } from '../experiments/trial-dir.js';
import type { Trial } from '../experiments/trial.js';
import type { EpochMetrics, RunSummary } from '../train/metrics.js';

export interface RunInfo {
  dir: string;
  /** Path relative to the report's root ('.' for the root itself). */
  name: string;
  manifest?: Record<string, unknown>;
  manifestError?: string;
  config: Record<string, unknown>;
  epochs: EpochMetrics[];
  summary?: RunSummary;
  /** Times the run was resumed (metrics.jsonl 'resume' lines). */
  resumes: number;
  trial?: Trial;
  /** Its place on the accuracy-vs-i figures, or why it has none. */
  row?: AccuracyRow;
  skipped?: string;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

export async function readRunInfo(dir: string, root: string): Promise<RunInfo> {
  const info: RunInfo = {
    dir,
    name: relative(root, dir) || '.',
    config: {},
    epochs: [],
    resumes: 0,
  };
  try {
    info.manifest = record(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    info.config = record(info.manifest.config);
  } catch (err) {
    info.manifestError = (err as Error).message;
  }
  try {
    for (const line of (await readFile(join(dir, 'metrics.jsonl'), 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      let rec: Record<string, unknown>;
      try {
        rec = record(JSON.parse(line));
      } catch {
        continue; // a line torn by a kill
      }
      if (rec.event === 'epoch') info.epochs.push(rec as unknown as EpochMetrics);
      else if (rec.event === 'end') info.summary = rec as unknown as RunSummary;
      else if (rec.event === 'resume') info.resumes++;
    }
  } catch {
    // no metrics yet
  }
  try {
    const trial = await readTrialFile(dir);
    if (trial) info.trial = trial;
  } catch {
    // not a sweep trial, or a damaged trial.json: the manifest still describes the run
  }
  const r = await readRunResult(dir);
  if ('reason' in r) info.skipped = r.reason;
  else {
    // A sweep's depth is conv + linear layers; readRunResult only knows the conv count.
    const depth = info.trial?.cell.depth;
    info.row = typeof depth === 'number' ? { ...r, depth } : r;
  }
  return info;
}

/**
 * Run directories (those with manifest.json) and sweep directories (sweep.json) under root,
 * root included, at most `depth` levels down; the search does not descend into a run.
 */
export async function findRuns(
  root: string,
  depth = 4,
): Promise<{ runs: string[]; sweeps: string[] }> {
  const runs: string[] = [];
  const sweeps: string[] = [];
  const walk = async (dir: string, left: number): Promise<void> => {
    if (existsSync(join(dir, 'sweep.json'))) sweeps.push(dir);
    if (existsSync(join(dir, 'manifest.json'))) {
      runs.push(dir);
      return;
    }
    if (left === 0) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (dir === root)
        throw new Error(`${root}: cannot read the directory (${(err as Error).message})`);
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name)))
      if (e.isDirectory() && !e.name.startsWith('.')) await walk(join(dir, e.name), left - 1);
  };
  await walk(root, depth);
  return { runs, sweeps };
}
