/**
 * The interpolation factor i of method.md section 4 (I = (1 - i) R + i G_s, or with SiLU) as a
 * property of any activation spec, and the series of specs a sweep over i describes. The paper's
 * figures put i on the x axis, so run results and metrics are keyed on it: plain ReLU is i = 0,
 * plain GELU (any s) and SiLU are i = 1.
 */
import {
  defaultReluGradAtZero,
  validateActivation,
  type ActivationSpec,
  type ReluZeroGrad,
} from '../nn/activations.js';

/** i of a spec; undefined for leaky ReLU (slope a != 0), which is not on an interpolation path. */
export function interpolationFactor(spec: ActivationSpec): number | undefined {
  switch (spec.kind) {
    case 'relu':
      return spec.slope === 0 ? 0 : undefined;
    case 'gelu':
    case 'silu':
      return 1;
    case 'relu-gelu':
    case 'relu-silu':
      return spec.mix;
  }
}

/** The two interpolation families of the paper. */
export type InterpolationFamily = 'relu-gelu' | 'relu-silu';
export const INTERPOLATION_FAMILIES: readonly InterpolationFamily[] = ['relu-gelu', 'relu-silu'];

export interface SeriesOptions {
  family?: InterpolationFamily;
  /** GELU scaling factor s (relu-gelu only); default 1. */
  scale?: number;
  /** R'(0) at exactly zero; default the family's (0 for relu-gelu, 1 for relu-silu). */
  reluGradAtZero?: ReluZeroGrad;
}

/** The spec of factor i in a family: relu-gelu:i[:s] or relu-silu:i. */
export function interpolationSpec(i: number, options: SeriesOptions = {}): ActivationSpec {
  const family = options.family ?? 'relu-gelu';
  const zero = options.reluGradAtZero ?? defaultReluGradAtZero(family);
  const spec: ActivationSpec =
    family === 'relu-gelu'
      ? { kind: 'relu-gelu', mix: i, scale: options.scale ?? 1, reluGradAtZero: zero }
      : { kind: 'relu-silu', mix: i, reluGradAtZero: zero };
  if (family === 'relu-silu' && options.scale !== undefined && options.scale !== 1) {
    throw new RangeError(
      `interpolationSpec: relu-silu has no scaling factor (got s = ${options.scale})`,
    );
  }
  return validateActivation(spec);
}

/** One spec per factor. */
export function interpolationSeries(
  factors: readonly number[],
  options: SeriesOptions = {},
): ActivationSpec[] {
  return factors.map((i) => interpolationSpec(i, options));
}

/** The paper's gradient-error series, i in {0, 0.25, 0.5, 0.75, 1}. */
export const PAPER_FACTORS: readonly number[] = [0, 0.25, 0.5, 0.75, 1];
