import { describe, expect, it } from 'vitest';
import { allocateBudget, resolveSteps, STEP_NAMES } from '../../src/calibrate/steps.js';

describe('calibration steps and budget', () => {
  it('adds dependencies and runs steps in a fixed order', () => {
    expect(resolveSteps(['gain'])).toEqual({
      steps: ['noise', 'dac', 'gain'],
      added: ['noise', 'dac'],
    });
    expect(resolveSteps(['drift', 'noise']).steps).toEqual(['noise', 'dac', 'gain', 'drift']);
    expect(() => resolveSteps(['gian'])).toThrow(
      /unknown calibration step "gian"; steps are noise, dac, gain/,
    );
  });

  it('gives every step its minimum and shares the rest, never more than the budget', () => {
    const a = allocateBudget(40_000, STEP_NAMES, 16, 5);
    const total = Object.values(a).reduce((s, v) => s + v, 0);
    expect(total).toBeLessThanOrEqual(40_000);
    expect(total).toBeGreaterThan(39_990);
    expect(a.gain).toBeGreaterThan(a.enob);
    expect(() => allocateBudget(300, STEP_NAMES, 16, 5)).toThrow(
      /--budget 300 is too small .* need at least 476 products; raise --budget to 476 or more, or run fewer --steps/,
    );
  });
});
