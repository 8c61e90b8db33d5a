/**
 * The data of the paper's figures 2-3: an activation and its derivative under full precision,
 * with its input reduced to precision p (f(RP(x))), and with its input taken through the aod
 * block of a noisy converter (f(RP(Clamp(Noise(x)))), one noise draw per point). The plotted
 * range plays the converter's full scale (the Clamp range), as the activation's input on
 * hardware is the converted, clipped product.
 */
import {
  activate,
  activateDerivative,
  activationName,
  type ActivationSpec,
} from '../nn/activations.js';
import { clamp, deriveKey, addNoise, reducePrecision, type NoiseModel } from '../noise/index.js';
import { assumedNoiseSpec } from './assumed-products.js';
import { linspace } from './sweep.js';

export type CurveCondition = 'full precision' | 'reduced precision' | 'noisy';
export const CURVE_CONDITIONS: readonly CurveCondition[] = [
  'full precision',
  'reduced precision',
  'noisy',
];

export interface CurveRow {
  [key: string]: string | number;
  activation: string;
  condition: CurveCondition;
  x: number;
  /** The value the activation was evaluated at (x, RP(x), or the noisy quantised x). */
  input: number;
  f: number;
  df: number;
}

export interface CurveOptions {
  activations: readonly ActivationSpec[];
  /** Precision of the reduced-precision and noisy inputs; default 16 (4 bits: steps visible). */
  p?: number;
  ep?: number;
  model?: NoiseModel;
  seed?: number;
  /** Plotted (and clamp) range; default [-1, 1]. */
  range?: [number, number];
  points?: number;
}

/** Rows for every activation x condition x point. */
export function activationCurves(options: CurveOptions): CurveRow[] {
  const {
    activations,
    p = 16,
    ep = 0.5,
    model = 'gaussian',
    seed = 0,
    range = [-1, 1],
    points = 401,
  } = options;
  const xs = linspace(range[0], range[1], points);
  const rp = reducePrecision(Float32Array.from(xs), p);
  const noisy = Float32Array.from(xs);
  addNoise(assumedNoiseSpec({ p, ep, model }), noisy, deriveKey(seed, 0x61637276), 0);
  reducePrecision(clamp(noisy, range[0], range[1]), p);
  const inputs: Record<CurveCondition, ArrayLike<number>> = {
    'full precision': xs,
    'reduced precision': rp,
    noisy,
  };
  const rows: CurveRow[] = [];
  for (const spec of activations) {
    const name = activationName(spec);
    for (const condition of CURVE_CONDITIONS) {
      const inp = inputs[condition];
      for (let k = 0; k < xs.length; k++) {
        const v = inp[k]!;
        rows.push({
          activation: name,
          condition,
          x: xs[k]!,
          input: v,
          f: activate(spec, v),
          df: activateDerivative(spec, v),
        });
      }
    }
  }
  return rows;
}
