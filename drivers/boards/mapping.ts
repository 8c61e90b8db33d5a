import type { DeviceKind, Range } from '../../src/device/device.js';
import { codesToValues, valuesToCodes } from '../serial/codes.js';
import {
  checkConductanceRange,
  mapMemristiveWeights,
  weightMagnitude,
  type ConductanceRange,
} from './memristive.js';
import { checkPhotonicConverter, mapPhotonicWeights, photonicWeightRange } from './photonic.js';
import { checkCodes, checkConverter, clampValues, type ConverterSpec } from './range-check.js';

/**
 * The one place that turns abstract values into a board's codes and back, whatever the board:
 * inputs through the DAC, weights through the array's own mapping (photonic mesh, memristive
 * pairs, or a plain converter for simulated boards), outputs from the ADC. Every code leaving
 * here has passed checkCodes against its converter.
 */

/** A weight tile ready for ProgramWeights. */
export interface MappedWeights {
  codes: Int32Array;
  /** Multiply the tile's ADC values by this (photonic power-of-two scaling; 1 otherwise). */
  gain: number;
}

export interface WeightMapping {
  /** What program() clamps to: DeviceInfo.weightRange. */
  readonly range: Range;
  map(W: Float32Array): MappedWeights;
}

export interface WeightMappingOptions {
  /** Photonic: the largest power-of-two exponent for weights beyond |w| <= 1 (default 0). */
  maxExponent?: number;
  /** Memristive: the cell conductance range. */
  conductance?: ConductanceRange;
}

/** The weight mapping for a board of `kind` with weight converter `weight`. */
export function weightMapping(
  kind: DeviceKind,
  weight: ConverterSpec,
  options: WeightMappingOptions = {},
): WeightMapping {
  checkConverter(weight, 'weight converter');
  if (kind === 'photonic') {
    checkPhotonicConverter(weight);
    const maxExponent = options.maxExponent ?? 0;
    return {
      range: photonicWeightRange(weight, maxExponent),
      map(W) {
        const tile = mapPhotonicWeights(W, weight, maxExponent);
        const codes = valuesToCodes(tile.values, weight);
        checkCodes(codes, weight, 'photonic weight codes');
        return { codes, gain: tile.gain };
      },
    };
  }
  if (kind === 'memristive') {
    const g = options.conductance;
    if (!g) throw new RangeError('memristive board: conductance range (Gmin, Gmax) is missing');
    checkConductanceRange(g);
    weightMagnitude(weight); // fails now, at open, on an empty range
    return {
      range: weight.range,
      map(W) {
        const tile = mapMemristiveWeights(W, weight, g);
        const codes = valuesToCodes(tile.values, weight);
        checkCodes(codes, weight, 'memristive weight codes');
        return { codes, gain: 1 };
      },
    };
  }
  return {
    range: weight.range,
    map(W) {
      const codes = valuesToCodes(
        clampValues(W, weight.range, 'weights', { finite: true }),
        weight,
      );
      checkCodes(codes, weight, 'weight codes');
      return { codes, gain: 1 };
    },
  };
}

/**
 * Input values to DAC codes: clipped to the DAC range (the paper's input Clamp; infinities clip
 * too), NaN is a RangeError.
 */
export function inputCodes(X: Float32Array, dac: ConverterSpec): Int32Array {
  const codes = valuesToCodes(clampValues(X, dac.range, 'inputs'), dac);
  checkCodes(codes, dac, 'input codes');
  return codes;
}

/** ADC codes to values, times the tile's gain. */
export function outputValues(codes: Int32Array, adc: ConverterSpec, gain = 1): Float32Array {
  const y = codesToValues(codes, adc);
  if (gain !== 1) for (let i = 0; i < y.length; i++) y[i] = y[i]! * gain;
  return y;
}
