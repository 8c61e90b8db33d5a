/**
 * Run directories (written by `analoop train`) as rows for the accuracy figures: the
 * interpolation factor from the activation spec, EP and p from the device, depth from the model
 * options, and the maximum test accuracy over epochs (the paper's metric) from the `end` line of
 * metrics.jsonl. Runs that cannot be placed (no `end` line yet, an activation off the
 * interpolation path, a device with no known EP) are reported as skipped with the reason,
 * never silently dropped.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeviceUri } from '../device/uri.js';
import { parseActivation } from '../nn/activations.js';
import { interpolationFactor } from './interpolation.js';

/** One trained run, as the accuracy figure needs it. */
export interface AccuracyRow {
  /** Interpolation factor. */
  i: number;
  ep: number;
  /** Max test accuracy over epochs, a fraction in [0, 1]. */
  accuracy: number;
  p?: number;
  /** Number of conv layers (or of linear layers for networks without convs). */
  depth?: number;
  seed?: number;
  device?: string;
  activation?: string;
  model?: string;
  run?: string;
}

export interface SkippedRun {
  run: string;
  reason: string;
}

/** EP and p of a device URI `sim:paper?p=..&ep=..`, or of a paper profile name (`paper-p16-ep0.5-...`). */
export function noiseFromDevice(
  uri: string | undefined,
  deviceModel?: string,
): { ep?: number; p?: number } {
  const out: { ep?: number; p?: number } = {};
  if (uri) {
    try {
      const { params } = parseDeviceUri(uri);
      const ep = params.get('ep');
      const p = params.get('p');
      if (ep !== null && Number.isFinite(Number(ep))) out.ep = Number(ep);
      if (p !== null && Number.isFinite(Number(p))) out.p = Number(p);
    } catch {
      // not a URI: fall through to the device model name
    }
  }
  if ((out.ep === undefined || out.p === undefined) && deviceModel) {
    const m = /paper-p([\d.]+)-ep([\d.]+)/.exec(deviceModel);
    if (m) {
      out.p ??= Number(m[1]);
      out.ep ??= Number(m[2]);
    }
  }
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** The row of one run directory, or why it has none. */
export async function readRunResult(dir: string): Promise<AccuracyRow | SkippedRun> {
  let manifest: Record<string, unknown>;
  try {
    manifest = record(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  } catch (err) {
    return { run: dir, reason: `no readable manifest.json (${(err as Error).message})` };
  }
  const config = record(manifest.config);
  const deviceInfo = record(manifest.device);
  let end: Record<string, unknown> | undefined;
  try {
    const lines = (await readFile(join(dir, 'metrics.jsonl'), 'utf8')).split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      const rec = record(JSON.parse(line));
      if (rec.event === 'end') end = rec;
    }
  } catch (err) {
    return { run: dir, reason: `no readable metrics.jsonl (${(err as Error).message})` };
  }
  if (!end || typeof end.maxTestAccuracy !== 'number')
    return {
      run: dir,
      reason: "metrics.jsonl has no 'end' line with maxTestAccuracy (unfinished run?)",
    };
  const activation = typeof config.activation === 'string' ? config.activation : 'relu';
  let i: number | undefined;
  try {
    i = interpolationFactor(parseActivation(activation));
  } catch (err) {
    return { run: dir, reason: (err as Error).message };
  }
  if (i === undefined)
    return { run: dir, reason: `activation ${activation} has no interpolation factor` };
  const device = typeof config.device === 'string' ? config.device : undefined;
  const { ep, p } = noiseFromDevice(
    device,
    typeof deviceInfo.model === 'string' ? deviceInfo.model : undefined,
  );
  if (ep === undefined)
    return {
      run: dir,
      reason: `cannot tell the EP of device ${device ?? '(none)'}; use sim:paper?p=..&ep=..`,
    };
  const options = record(config.modelOptions);
  const depth =
    typeof options.convLayers === 'number'
      ? options.convLayers
      : typeof options.linearLayers === 'number'
        ? options.linearLayers
        : undefined;
  const row: AccuracyRow = { i, ep, accuracy: end.maxTestAccuracy, activation, run: dir };
  if (p !== undefined) row.p = p;
  if (depth !== undefined) row.depth = depth;
  if (typeof config.seed === 'number') row.seed = config.seed;
  if (device !== undefined) row.device = device;
  if (typeof config.model === 'string') row.model = config.model;
  return row;
}

/**
 * Every run under `root`: `root` itself when it is a run directory, else its subdirectories
 * (searched two levels deep, so a sweep's `runs/<preset>/<trial>` layout works too).
 */
export async function readRunResults(
  root: string,
): Promise<{ rows: AccuracyRow[]; skipped: SkippedRun[] }> {
  const dirs: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (existsSync(join(dir, 'manifest.json'))) {
      dirs.push(dir);
      return;
    }
    if (depth === 0) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      throw new Error(`${dir}: cannot list run directories (${(err as Error).message})`);
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name)))
      if (e.isDirectory()) await walk(join(dir, e.name), depth - 1);
  };
  await walk(root, 2);
  const rows: AccuracyRow[] = [];
  const skipped: SkippedRun[] = [];
  for (const d of dirs) {
    const r = await readRunResult(d);
    if ('reason' in r) skipped.push(r);
    else rows.push(r);
  }
  return { rows, skipped };
}
