import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibrate/calibrate.js';
import { registerSimulator } from '../../simulator/register.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { hiddenTruth } from './hidden-truth.js';
import { checkRecovery, expectRecovered } from './recovery.js';

/**
 * Hidden truth on the in-process simulator: random gains, offsets, noise at every site, a cubic
 * nonlinearity and per-channel drift. The calibration sees only the Device; an hour of drift
 * passes on a fake clock shared by the device and the drift step's sleep.
 */
beforeAll(() => registerSimulator());

describe('calibrate against a hidden profile on SimDevice', () => {
  it('recovers every parameter within tolerances derived from the products spent', async () => {
    const truth = hiddenTruth(11);
    let now = Date.UTC(2025, 0, 1);
    const device = new SimDevice(truth, { clock: () => now });
    const result = await calibrate(device, {
      budget: 40_000,
      seed: 3,
      clock: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      driftDurationMs: 3_600_000,
    });
    const rows = checkRecovery(truth, result, 16);
    expectRecovered(rows);
    // The budget bounds every step and the total.
    for (const s of result.steps) expect(s.products).toBeLessThanOrEqual(s.allowance);
    expect(result.totalProducts).toBeLessThanOrEqual(40_000);
    expect(result.gof?.passed).toBe(true);
    expect(result.assumed).toEqual([]);
  });
});
