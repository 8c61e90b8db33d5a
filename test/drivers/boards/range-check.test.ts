import { describe, expect, it } from 'vitest';
import { checkCodes, checkConverter, clampValues } from '../../../drivers/boards/range-check.js';

const dac8 = { bits: 8, scale: 64, range: [-1, 1] as const };

describe('range checks before a DAC', () => {
  it('accepts a converter whose range fits its bit width', () => {
    expect(() => checkConverter(dac8, 'DAC')).not.toThrow();
    // 4 bits hold -8..7: [-1, 1] at scale 7 is codes -7..7.
    expect(() => checkConverter({ bits: 4, scale: 7, range: [-1, 1] }, 'DAC')).not.toThrow();
  });

  it('refuses a converter whose range would wrap, or is malformed', () => {
    // 1.0 at 128 codes per unit is code 128: one past an 8-bit code.
    expect(() => checkConverter({ bits: 8, scale: 128, range: [-1, 1] }, 'DAC')).toThrow(
      'DAC: range end 1 is code 128, outside the 8-bit range -128..127',
    );
    expect(() => checkConverter({ bits: 0, scale: 1, range: [-1, 1] }, 'ADC')).toThrow(
      /ADC: .*1\.\.32/,
    );
    expect(() => checkConverter({ bits: 8, scale: 0, range: [-1, 1] }, 'ADC')).toThrow(/scale/);
    expect(() => checkConverter({ bits: 8, scale: 1, range: [1, -1] }, 'ADC')).toThrow(/lo < hi/);
  });

  it('checks every code against width and range, naming the index', () => {
    expect(() => checkCodes([-64, 0, 64], dac8, 'inputs')).not.toThrow();
    expect(() => checkCodes([0, 65], dac8, 'inputs')).toThrow(
      'inputs: code 65 at index 1 is outside -64..64 (8-bit converter, range [-1, 1])',
    );
    expect(() => checkCodes([0.5], dac8, 'inputs')).toThrow(/code 0.5 at index 0/);
    // A range wider than the width: the width wins.
    expect(() => checkCodes([128], { bits: 8, scale: 1, range: [-1000, 1000] }, 'w')).toThrow(
      /-128\.\.127/,
    );
  });

  it('clamps values, infinities included; NaN is a RangeError', () => {
    expect([...clampValues(Float32Array.from([-3, 0.5, Infinity]), [-1, 1], 'x')]).toEqual([
      -1, 0.5, 1,
    ]);
    expect(() => clampValues(Float32Array.from([0, NaN]), [-1, 1], 'x')).toThrow(
      'x: value NaN at index 1 is not a number',
    );
    expect(() =>
      clampValues(Float32Array.from([-Infinity]), [-1, 1], 'w', { finite: true }),
    ).toThrow('w: value -Infinity at index 0 is not finite');
  });
});
