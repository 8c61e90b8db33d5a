/**
 * The EP <-> noise-scale table of method.md section 2: for every noise model and every (EP, p)
 * of a grid, the scale that gives that error probability, and the EP recomputed from the scale
 * (a round-trip check). Poisson noise is signal dependent, so its scale is solved for the EP at
 * |x| = 1 and the table also gives the EP averaged over the grid k/p in [-1, 1]; for the additive
 * models EP is the same on every grid point, so both columns equal the EP.
 */
import {
  bitsFromPrecision,
  gaussianEPFromSigma,
  gaussianSigmaFromEP,
  laplaceEPFromScale,
  laplaceScaleFromEP,
  poissonEPAtOne,
  poissonEPGridAverage,
  poissonScaleFromEP,
  uniformEPFromWidth,
  uniformWidthFromEP,
  type NoiseModel,
} from '../noise/index.js';

/** Models with an EP relation ('none' has no noise to convert). */
export type NoisyModel = Exclude<NoiseModel, 'none'>;
export const NOISY_MODELS: readonly NoisyModel[] = ['gaussian', 'laplace', 'uniform', 'poisson'];

/** Default grid: the paper's EP range and precisions from 2 to 8 bits. */
export const DEFAULT_EPS: readonly number[] = [0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
export const DEFAULT_PS: readonly number[] = [4, 8, 16, 32, 64, 128, 256];

/** What the scale column means for each model. */
export const SCALE_NAMES: Record<NoisyModel, string> = {
  gaussian: 'sigma',
  laplace: 'b',
  uniform: 'width v',
  poisson: 'counts per step',
};

export interface EpTableRow {
  [key: string]: string | number;
  model: NoisyModel;
  p: number;
  /** b = log2(p), the paper's convention. */
  bits: number;
  /** The EP asked for. */
  ep: number;
  scaleName: string;
  scale: number;
  /** EP recomputed from the scale (at |x| = 1 for Poisson). */
  epAtOne: number;
  /** EP averaged over the grid k/p, k = -p..p (differs from epAtOne only for Poisson). */
  epGridAverage: number;
}

/** One row: the scale for (model, EP, p) and the EPs it gives back. */
export function epTableRow(model: NoisyModel, ep: number, p: number): EpTableRow {
  let scale: number;
  let epAtOne: number;
  let epGridAverage: number;
  switch (model) {
    case 'gaussian':
      scale = gaussianSigmaFromEP(ep, p);
      epAtOne = epGridAverage = gaussianEPFromSigma(scale, p);
      break;
    case 'laplace':
      scale = laplaceScaleFromEP(ep, p);
      epAtOne = epGridAverage = laplaceEPFromScale(scale, p);
      break;
    case 'uniform':
      scale = uniformWidthFromEP(ep, p);
      epAtOne = epGridAverage = uniformEPFromWidth(scale, p);
      break;
    case 'poisson':
      scale = poissonScaleFromEP(ep, p);
      epAtOne = poissonEPAtOne(p, scale);
      epGridAverage = poissonEPGridAverage(p, scale);
      break;
    default:
      throw new RangeError(
        `epTableRow: unknown noise model '${String(model)}'; use one of ${NOISY_MODELS.join(', ')}`,
      );
  }
  return {
    model,
    p,
    bits: bitsFromPrecision(p),
    ep,
    scaleName: SCALE_NAMES[model],
    scale,
    epAtOne,
    epGridAverage,
  };
}

/** The table over models x p x EP (in that nesting order). */
export function epTable(
  options: { models?: readonly NoisyModel[]; eps?: readonly number[]; ps?: readonly number[] } = {},
): EpTableRow[] {
  const { models = NOISY_MODELS, eps = DEFAULT_EPS, ps = DEFAULT_PS } = options;
  const rows: EpTableRow[] = [];
  for (const model of models)
    for (const p of ps) for (const ep of eps) rows.push(epTableRow(model, ep, p));
  return rows;
}
