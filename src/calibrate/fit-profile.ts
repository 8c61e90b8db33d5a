/**
 * From step results to a calibration profile the simulator runs (src/profile's schema). Each
 * field comes from the step that measured it; a noise source the data do not resolve (within 4
 * standard errors of zero) is left out rather than set to a noisy guess; whatever no step
 * measured falls back to DeviceInfo or to the ideal value, and `assumed` lists it.
 */
import type { DeviceInfo } from '../device/device.js';
import {
  parseProfile,
  PROFILE_SCHEMA_ID,
  type Profile,
  type ProfileInput,
  type ProfileNoiseSpec,
} from '../profile/index.js';
import { roundSig } from './json.js';
import { precisionFromInfoBits, type Knowledge } from './knowledge.js';
import type { DacSweepResult } from './procedures/dac-sweep.js';
import type { DriftResult } from './procedures/drift.js';
import type { EnobResult } from './procedures/enob.js';
import type { NoiseSourcesResult } from './procedures/noise-sources.js';
import type { ReadNoiseResult } from './procedures/read-noise.js';
import type { ResponseResult } from './procedures/response-sweep.js';
import type { WeightErrorResult } from './procedures/weight-error.js';

export interface StepResults {
  noise?: ReadNoiseResult;
  dac?: DacSweepResult;
  gain?: ResponseResult;
  weights?: WeightErrorResult;
  sources?: NoiseSourcesResult;
  enob?: EnobResult;
  drift?: DriftResult;
}

export interface FittedProfile {
  profile: Profile;
  /** What was not measured and where its value came from. */
  assumed: string[];
}

/** Per-channel values for all array rows: the measured ones, the rest at their mean. */
function channels(measured: readonly number[], rows: number): number[] {
  const m = measured.reduce((s, v) => s + v, 0) / measured.length;
  return Array.from({ length: rows }, (_, r) => roundSig(r < measured.length ? measured[r]! : m));
}

const gaussian = (sd: number): ProfileNoiseSpec => ({ model: 'gaussian', scale: roundSig(sd) });
const NONE: ProfileNoiseSpec = { model: 'none' };

export function fitProfile(
  info: DeviceInfo,
  knowledge: Knowledge,
  results: StepResults,
  options: { name?: string; description?: string; seed?: number } = {},
): FittedProfile {
  const assumed = [...knowledge.assumptions];
  const rows = info.rows;
  const dacP = knowledge.dacPrecision ?? precisionFromInfoBits(info.inputBits);
  if (knowledge.dacPrecision === undefined)
    assumed.push(
      `dac precision ${dacP} from DeviceInfo.inputBits (not measured: run the dac step)`,
    );
  const wP = knowledge.weightPrecision ?? precisionFromInfoBits(info.weightBits);
  if (knowledge.weightPrecision === undefined)
    assumed.push(
      `weight precision ${wP} from DeviceInfo.weightBits (not measured: run the weights step)`,
    );
  if (!results.noise) assumed.push('no read noise (not measured: run the noise step)');
  if (!results.gain)
    assumed.push('unit gain, zero offset, no nonlinearity (not measured: run the gain step)');
  if (!results.weights) assumed.push('no programming noise (not measured: run the weights step)');
  if (!results.sources)
    assumed.push('no input or weight noise (not measured: run the sources step)');
  if (!results.drift) assumed.push('no gain drift (not measured: run the drift step)');

  const n = results.noise;
  const read: ProfileNoiseSpec =
    n && n.scale > 0 && (n.adcPrecision === 0 || n.pooledSd > 0.05 / n.adcPrecision)
      ? { model: n.model, scale: roundSig(n.scale) }
      : NONE;
  const s = results.sources;
  const w = results.weights;
  const g = results.gain;
  const measuredRows = g ? g.gain.length : rows;
  if (measuredRows < rows)
    assumed.push(
      `channels ${measuredRows}..${rows - 1} not probed (tile of ${measuredRows} rows): gain, offset and drift set to the mean of the probed ones`,
    );
  const d = results.drift;
  let nonlinearity: ProfileInput['nonlinearity'];
  if (g?.terms.includes('c2'))
    nonlinearity = { kind: 'polynomial', coefficients: [0, 1, roundSig(g.c2), roundSig(g.c3)] };
  else if (g?.terms.includes('c3')) nonlinearity = { kind: 'cubic', a3: roundSig(g.c3) };

  const input: ProfileInput = {
    schema: PROFILE_SCHEMA_ID,
    name: options.name ?? `calibrated-${info.model}`.replace(/\s+/g, '-'),
    description:
      options.description ??
      `fitted by analoop calibrate from ${info.kind} device ${info.model} (serial ${info.serial}, firmware ${info.firmware})`,
    array: { rows, cols: info.cols, maxBatch: info.maxBatch },
    dac: {
      range: [info.inputRange[0], info.inputRange[1]],
      precision: dacP,
      ...(info.inputConversion === 'per-source' ? { conversion: 'per-source' as const } : {}),
    },
    adc: { range: [info.outputRange[0], info.outputRange[1]], precision: knowledge.adc.precision },
    weights: { range: [info.weightRange[0], info.weightRange[1]], precision: wP },
    noise: {
      programming: w?.significant ? gaussian(w.programmingSd) : NONE,
      weight: s?.weight.significant ? gaussian(s.weight.sd) : NONE,
      input: s?.input.significant ? gaussian(s.input.sd) : NONE,
      read,
    },
    channels: {
      gain: g ? channels(g.gain, rows) : 1,
      offset: g ? channels(g.offset, rows) : 0,
      gainDriftPerHour: d?.significant ? channels(d.gainDriftPerHour, rows) : 0,
    },
    ...(nonlinearity ? { nonlinearity } : {}),
    seed: options.seed ?? 0,
  };
  return { profile: parseProfile(input, 'fitted profile'), assumed };
}
