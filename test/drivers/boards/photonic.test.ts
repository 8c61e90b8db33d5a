import { describe, expect, it } from 'vitest';
import {
  checkPhotonicConverter,
  mapPhotonicWeights,
  meshExponent,
  photonicWeightRange,
  unscaleOutputs,
} from '../../../drivers/boards/photonic.js';

const mesh = { bits: 8, scale: 127, range: [-1, 1] as const };

describe('photonic mapping', () => {
  it('a mesh converter must stay within |w| <= 1', () => {
    expect(() => checkPhotonicConverter(mesh)).not.toThrow();
    expect(() => checkPhotonicConverter({ bits: 8, scale: 60, range: [-2, 2] })).toThrow(
      /weight range \[-2, 2\], but an MZI mesh realises only \|w\| <= 1/,
    );
  });

  it('weights within the mesh are written as they are (gain 1)', () => {
    const t = mapPhotonicWeights(Float32Array.from([0.5, -1, 0.25]), mesh, 2);
    expect([...t.values]).toEqual([0.5, -1, 0.25]);
    expect(t.gain).toBe(1);
  });

  it('max |w| = 3 needs 2^2: written as w / 4, outputs multiplied by 4', () => {
    const t = mapPhotonicWeights(Float32Array.from([3, -1, 0.5]), mesh, 2);
    expect(t.gain).toBe(4);
    expect([...t.values]).toEqual([0.75, -0.25, 0.125]);
    // Mesh product with x = [1, 1, 1]: 0.625; undone: 2.5 = 3 - 1 + 0.5.
    expect([...unscaleOutputs(Float32Array.from([0.625]), t.gain)]).toEqual([2.5]);
  });

  it('exactly 2 needs 2^1 (2 / 2 = 1 is on the mesh limit)', () => {
    expect(meshExponent(Float32Array.from([2, -2]), mesh, 3)).toBe(1);
    expect(meshExponent(Float32Array.from([2.01]), mesh, 3)).toBe(2);
  });

  it('weights beyond 2^maxExponent are clamped first (the Clamp); with maxExponent 0 that is |w| <= 1', () => {
    expect(photonicWeightRange(mesh, 0)).toEqual([-1, 1]);
    expect(photonicWeightRange(mesh, 3)).toEqual([-8, 8]);
    const t = mapPhotonicWeights(Float32Array.from([5, -0.5]), mesh, 0);
    expect([...t.values]).toEqual([1, -0.5]);
    expect(t.gain).toBe(1);
    const u = mapPhotonicWeights(Float32Array.from([5, -0.5]), mesh, 1);
    expect([...u.values]).toEqual([1, -0.25]);
    expect(u.gain).toBe(2);
  });

  it('non-finite weights are a RangeError', () => {
    expect(() => mapPhotonicWeights(Float32Array.from([NaN]), mesh, 1)).toThrow(RangeError);
    expect(() => mapPhotonicWeights(Float32Array.from([Infinity]), mesh, 1)).toThrow(/not finite/);
  });

  it('an asymmetric mesh range picks the exponent on the side that needs it', () => {
    const oneSided = { bits: 8, scale: 100, range: [-0.5, 1] as const };
    // -0.8 needs 2^1 to reach -0.4 >= -0.5, although 0.8 would fit as it is.
    expect(meshExponent(Float32Array.from([-0.8]), oneSided, 2)).toBe(1);
    expect(meshExponent(Float32Array.from([0.8]), oneSided, 2)).toBe(0);
  });
});
