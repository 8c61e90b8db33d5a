/**
 * What earlier calibration steps learned and later ones build on: the ADC grid, the DAC and
 * weight grids, the output response, the noise with zero weights and inputs. A step that needs
 * something no step measured falls back to what DeviceInfo says and records the assumption.
 */
import type { DeviceInfo } from '../device/device.js';
import type { OutputGrid } from './quantised-noise.js';
import type { Response } from './response.js';

export interface Knowledge {
  adc: OutputGrid;
  /** DAC precision (steps per unit; 0 = ideal), once measured. */
  dacPrecision?: number;
  /** Weight precision, once measured. */
  weightPrecision?: number;
  /** Output response (gain, offset, nonlinearity), once measured. */
  response?: Response;
  /** Per-channel sample variance of outputs with zero weights and inputs (read noise + ADC rounding). */
  zeroVariance?: Float64Array;
  /** Per-channel read-noise standard deviation (quantised maximum likelihood). */
  readSd?: Float64Array;
  /** Things assumed rather than measured, for the profile's meta. */
  assumptions: string[];
}

/** Precision from a bit count in the paper's convention (p = 2^bits; 0 bits = ideal). */
export function precisionFromInfoBits(bits: number): number {
  return bits > 0 ? 2 ** bits : 0;
}

export function initialKnowledge(info: DeviceInfo): Knowledge {
  return {
    adc: { precision: precisionFromInfoBits(info.outputBits), range: info.outputRange },
    assumptions: [],
  };
}

/** The DAC precision: measured, or DeviceInfo's bits read the paper's way (noted as assumed). */
export function dacPrecision(k: Knowledge, info: DeviceInfo): number {
  if (k.dacPrecision !== undefined) return k.dacPrecision;
  const p = precisionFromInfoBits(info.inputBits);
  k.dacPrecision = p;
  k.assumptions.push(
    `dac precision ${p} assumed from DeviceInfo.inputBits = ${info.inputBits} (p = 2^bits); run the dac step to measure it`,
  );
  return p;
}

/** The response, or an error naming the step that measures it. */
export function needResponse(k: Knowledge, step: string): Response {
  if (!k.response)
    throw new Error(
      `calibration step "${step}" needs the output response; run the "gain" step first`,
    );
  return k.response;
}

/** Half of the output range's smaller side: how far outputs may go from 0 before they clip. */
export function outputHeadroom(range: readonly [number, number]): number {
  return Math.min(Math.abs(range[0]), Math.abs(range[1]));
}
