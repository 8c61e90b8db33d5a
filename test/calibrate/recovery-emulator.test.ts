import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrate, type CalibrationResult } from '../../src/calibrate/calibrate.js';
import { profileId } from '../../src/profile/index.js';
import { registerSimulator } from '../../simulator/register.js';
import { hiddenTruth } from './hidden-truth.js';
import { memoryBoardDevice } from './memory-board.js';
import { checkRecovery, expectRecovered } from './recovery.js';

/**
 * The acceptance test: a board emulator (the wire protocol with the simulator's physics) runs a
 * hidden profile; calibration reaches it only through the serial driver, as it would a board,
 * so it sees code widths rather than precisions and no profileId. An hour of drift passes on a
 * fake clock shared by the emulator and the drift step's sleep.
 */
const truth = hiddenTruth(42);
let now = Date.UTC(2025, 6, 1);
let result: CalibrationResult;
let closeAll: () => Promise<void>;

beforeAll(async () => {
  registerSimulator();
  const { device, board } = await memoryBoardDevice(truth, { clock: () => now });
  closeAll = async () => {
    await device.close();
    await board.close();
  };
  expect(device.info().profileId).toBeUndefined();
  result = await calibrate(device, {
    budget: 40_000,
    seed: 5,
    clock: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    driftDurationMs: 3_600_000,
    source: 'memory:board',
  });
});

afterAll(async () => closeAll?.());

describe('calibrate a hidden board through the emulator', () => {
  it('recovers every parameter within tolerances derived from the products spent', () => {
    expectRecovered(checkRecovery(truth, result, 16));
  });

  it('writes a valid profile with its goodness of fit, settings, device and ids', () => {
    const p = result.profile;
    expect(result.profileId).toBe(profileId(p));
    const cal = p.meta!.calibration as {
      physicsId: string;
      device: { uri: string; firmware: string };
      settings: { budget: number };
      products: { total: number };
      goodnessOfFit: {
        response: { standardisedResiduals: { n: number } };
        replay: { passed: boolean; channels: { ks: number; stdRatio: number }[] };
      };
    };
    expect(cal.physicsId).toBe(result.physicsId);
    expect(cal.device.uri).toBe('memory:board');
    expect(cal.device.firmware).toMatch(/emulator/);
    expect(cal.settings.budget).toBe(40_000);
    expect(cal.products.total).toBe(result.totalProducts);
    const gof = cal.goodnessOfFit;
    expect(gof.response.standardisedResiduals.n).toBeGreaterThan(50);
    expect(gof.replay.passed).toBe(true);
    expect(gof.replay.channels).toHaveLength(truth.array.rows);
    for (const c of gof.replay.channels) {
      expect(c.ks).toBeLessThan(0.1);
      expect(Math.abs(Math.log(c.stdRatio))).toBeLessThan(0.15);
    }
    // The per-step product counts are printed and bounded.
    for (const s of result.steps) {
      expect(s.products).toBeLessThanOrEqual(s.allowance);
      expect(s.summary.length).toBeGreaterThan(10);
    }
  });
});
