/**
 * Preset -> sweep plan: the cartesian product of a size's axes (with the caller's overrides)
 * times the seeds, each cell one train() configuration with device
 * `sim:paper?p=..&ep=..&seed=..` and activation `relu-gelu:i` or `gelu:s`. The run seed and
 * the device's noise seed are the trial's seed, so seeds 1..n repeat the whole sweep with
 * independent initialisation, data order and noise.
 */
import { parseDatasetSpec } from '../data/index.js';
import type { TrainConfigInput } from '../train/config.js';
import {
  EXPERIMENT_PRESETS,
  experimentPresetNames,
  type DepthVariant,
  type ExperimentPreset,
  type PresetSize,
  type SweepAxes,
  type TrialBase,
} from './presets.js';
import type { CellValue, Trial } from './trial.js';

export type SweepSize = 'quick' | 'full';

/** A preset asked for in a way it cannot run (unknown name, missing data, bad axis values). */
export class PresetError extends Error {
  override name = 'PresetError';
}

/** Overrides of a size's defaults; each replaces the preset's value when given. */
export interface ExpandOptions {
  size?: SweepSize;
  /** Seeds 1..n. */
  seeds?: number;
  dataset?: string;
  epochs?: number;
  batchSize?: number;
  trainLimit?: number;
  testLimit?: number;
  factors?: number[];
  scales?: number[];
  eps?: number[];
  ps?: number[];
  depths?: DepthVariant[];
}

export interface SweepPlan {
  preset: string;
  size: SweepSize;
  axes: SweepAxes;
  seeds: number[];
  base: TrialBase;
  trials: Trial[];
}

export function findPreset(name: string): ExperimentPreset {
  const p = EXPERIMENT_PRESETS.find((x) => x.name === name);
  if (!p)
    throw new PresetError(
      `unknown experiment preset "${name}"; valid: ${experimentPresetNames().join(', ')}`,
    );
  return p;
}

/** The size a preset runs at, or why it cannot. */
export function presetSize(preset: ExperimentPreset, size: SweepSize): PresetSize {
  if (size === 'full') return preset.full;
  if (!preset.quick)
    throw new PresetError(
      `${preset.name} has no quick size: it needs CIFAR-format data; run it with --full --dataset cifar10:<dir> (or cifar100:<dir>)`,
    );
  return preset.quick;
}

function check(values: number[], what: string, ok: (v: number) => boolean, rule: string): void {
  if (values.length === 0) throw new PresetError(`${what}: empty list`);
  const bad = values.find((v) => !ok(v));
  if (bad !== undefined) throw new PresetError(`${what}: ${bad} is out of range (${rule})`);
  if (new Set(values).size !== values.length) throw new PresetError(`${what}: repeated values`);
}

function resolveAxes(preset: ExperimentPreset, size: PresetSize, o: ExpandOptions): SweepAxes {
  const base = size.axes;
  if (o.factors && !base.factors)
    throw new PresetError(
      `${preset.name} sweeps GELU scaling factors: use --scales, not --factors`,
    );
  if (o.scales && !base.scales)
    throw new PresetError(
      `${preset.name} sweeps interpolation factors: use --factors, not --scales`,
    );
  if (o.depths && !base.depths)
    throw new PresetError(`${preset.name} has no depth axis; --depths applies to paper-depth`);
  const axes: SweepAxes = { eps: o.eps ?? base.eps, ps: o.ps ?? base.ps };
  if (base.factors) axes.factors = o.factors ?? base.factors;
  if (base.scales) axes.scales = o.scales ?? base.scales;
  if (base.depths) axes.depths = o.depths ?? base.depths;
  if (axes.factors)
    check(axes.factors, 'interpolation factors', (v) => v >= 0 && v <= 1, '0 <= i <= 1');
  if (axes.scales)
    check(axes.scales, 'GELU scaling factors', (v) => v > 0 && Number.isFinite(v), 's > 0');
  check(axes.eps, 'EP values', (v) => v >= 0 && v < 1, '0 <= EP < 1');
  check(axes.ps, 'precisions p', (v) => v > 0 && Number.isFinite(v), 'p > 0');
  if (axes.depths) {
    if (axes.depths.length === 0) throw new PresetError('depths: empty list');
    for (const d of axes.depths) {
      if (!(Number.isInteger(d.convLayers) && d.convLayers >= 0 && d.convLayers <= 6))
        throw new PresetError(`depth ${d.convLayers}:${d.linearLayers}: conv layers must be 0..6`);
      if (!(Number.isInteger(d.linearLayers) && d.linearLayers >= 1 && d.linearLayers <= 3))
        throw new PresetError(
          `depth ${d.convLayers}:${d.linearLayers}: linear layers must be 1..3`,
        );
    }
  }
  return axes;
}

function resolveDataset(preset: ExperimentPreset, size: PresetSize, dataset?: string): string {
  const kinds = size.datasetKinds;
  const forms = (kinds ?? ['cifar10']).map((k) => `${k}:<dir>`).join(' or ');
  if (dataset === undefined) {
    if (size.data === 'given')
      throw new PresetError(
        `${preset.name} at full size needs CIFAR-format data: pass --dataset ${forms} (the binary version of the data set)`,
      );
    return String(size.base.dataset);
  }
  if (kinds) {
    const kind = parseDatasetSpec(dataset).kind;
    if (!(kinds as readonly string[]).includes(kind))
      throw new PresetError(
        `${preset.name} at full size needs CIFAR-format data; --dataset ${dataset} is ${kind}: pass --dataset ${forms}`,
      );
  }
  return dataset;
}

/** Number text for ids and URIs: 0.1 stays "0.1", never "0.1000000001". */
function num(v: number): string {
  return String(Number(v.toPrecision(12)));
}

export function expandPreset(name: string | ExperimentPreset, o: ExpandOptions = {}): SweepPlan {
  const preset = typeof name === 'string' ? findPreset(name) : name;
  const sizeName = o.size ?? 'quick';
  const size = presetSize(preset, sizeName);
  const axes = resolveAxes(preset, size, o);
  const seedCount = o.seeds ?? size.seeds;
  if (!(Number.isInteger(seedCount) && seedCount >= 1))
    throw new PresetError(`seeds: expected a positive integer, got ${seedCount}`);
  const seeds = Array.from({ length: seedCount }, (_, k) => k + 1);
  const base: TrialBase = {
    ...size.base,
    dataset: resolveDataset(preset, size, o.dataset),
    ...(o.epochs !== undefined ? { epochs: o.epochs } : {}),
    ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
    ...(o.trainLimit !== undefined ? { trainLimit: o.trainLimit } : {}),
    ...(o.testLimit !== undefined ? { testLimit: o.testLimit } : {}),
  };
  const acts: { key: 'i' | 's'; value: number; activation: string }[] = axes.factors
    ? axes.factors.map((i) => ({ key: 'i', value: i, activation: `relu-gelu:${num(i)}` }))
    : axes.scales!.map((s) => ({ key: 's', value: s, activation: `gelu:${num(s)}` }));
  const depths: (DepthVariant | undefined)[] = axes.depths ?? [undefined];
  const trials: Trial[] = [];
  for (const depth of depths)
    for (const act of acts)
      for (const ep of axes.eps)
        for (const p of axes.ps)
          for (const seed of seeds) {
            const cell: Record<string, CellValue> = {};
            const id: string[] = [];
            const modelOptions: Record<string, unknown> = { ...(base.modelOptions ?? {}) };
            if (depth) {
              cell.convLayers = depth.convLayers;
              cell.linearLayers = depth.linearLayers;
              cell.depth = depth.convLayers + depth.linearLayers;
              id.push(`c${depth.convLayers}-l${depth.linearLayers}`);
              modelOptions.convLayers = depth.convLayers;
              modelOptions.linearLayers = depth.linearLayers;
            }
            cell[act.key] = act.value;
            cell.ep = ep;
            cell.p = p;
            cell.seed = seed;
            id.push(`${act.key}${num(act.value)}`, `ep${num(ep)}`, `p${num(p)}`, `seed${seed}`);
            Object.assign(modelOptions, preset.cellModelOptions?.({ ep, p }) ?? {});
            const config: TrainConfigInput = {
              ...base,
              ...(Object.keys(modelOptions).length > 0 ? { modelOptions } : {}),
              activation: act.activation,
              device: `sim:paper?p=${num(p)}&ep=${num(ep)}&seed=${seed}`,
              seed,
            };
            trials.push({ id: id.join('-'), cell, config });
          }
  return { preset: preset.name, size: sizeName, axes, seeds, base, trials };
}
