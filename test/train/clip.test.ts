import { describe, expect, it } from 'vitest';
import type { Param } from '../../src/nn/layer.js';
import { clipGradNorm, clipGradValue, gradNorm } from '../../src/train/clip.js';

function param(grad: number[]): Param {
  return {
    name: 'p',
    shape: [grad.length],
    value: new Float32Array(grad.length),
    grad: Float32Array.from(grad),
    version: 0,
  };
}

describe('clipGradNorm', () => {
  it('scales all grads together to the max norm and returns the norm before', () => {
    // Global norm of (3, 4) and (12) is sqrt(9 + 16 + 144) = 13.
    const ps = [param([3, 4]), param([12])];
    expect(gradNorm(ps)).toBe(13);
    expect(clipGradNorm(ps, 1.3)).toBe(13);
    const coef = 1.3 / (13 + 1e-6);
    expect(ps[0].grad[0]).toBeCloseTo(3 * coef, 6);
    expect(ps[1].grad[0]).toBeCloseTo(12 * coef, 6);
    expect(gradNorm(ps)).toBeCloseTo(1.3, 5);
    expect(ps[0].version).toBe(0);
  });

  it('leaves grads below the limit alone', () => {
    const ps = [param([3, 4])];
    expect(clipGradNorm(ps, 10)).toBe(5);
    expect([...ps[0].grad]).toEqual([3, 4]);
  });

  it('returns a non-finite norm without touching the grads', () => {
    const ps = [param([NaN, 1]), param([2])];
    expect(clipGradNorm(ps, 1)).toBeNaN();
    expect(ps[1].grad[0]).toBe(2);
    expect(clipGradNorm([param([Infinity])], 1)).toBe(Infinity);
    expect(() => clipGradNorm(ps, 0)).toThrow(/maxNorm 0/);
  });
});

describe('clipGradValue', () => {
  it('clamps each entry and counts the clamped ones', () => {
    const ps = [param([-3, 0.5, 2]), param([1, -1])];
    expect(clipGradValue(ps, 1)).toBe(2);
    expect([...ps[0].grad]).toEqual([-1, 0.5, 1]);
    expect([...ps[1].grad]).toEqual([1, -1]);
    expect(() => clipGradValue(ps, -1)).toThrow(/clip -1/);
  });
});
