import { describe, expect, it } from 'vitest';
import { splitmix32 } from '../../src/data/prng.js';
import { monitorDevice, type MonitorOptions } from '../../src/calibrate/monitor.js';
import type { Profile } from '../../src/profile/index.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { editProfile } from './edit-profile.js';
import { hiddenTruth } from './hidden-truth.js';

const truth = hiddenTruth(8, { drift: false });
const ROWS = 8;
const COLS = 16;

/** The board: the profile with every noise block scaled by s (the ADC grid is not noise). */
function board(s: number, seed: number): Profile {
  return editProfile(truth, (j) => {
    const noise = j.noise as unknown as Record<string, { scale: number }>;
    for (const k of ['read', 'input', 'weight', 'programming']) noise[k]!.scale *= s;
    j.seed = seed;
  });
}

/**
 * One window: a fresh board and monitor, batches of 64 random inputs, each a new draw, until
 * every channel has `window` sampled products (the warmup, so the test runs once, at the end).
 * `reprogram`: new weights before every call, as training does after every step; otherwise one
 * programming serves the whole window.
 */
async function runWindow(
  s: number,
  w: number,
  window: number,
  reprogram: boolean,
  o: MonitorOptions = {},
) {
  const logs: string[] = [];
  const dev = monitorDevice(new SimDevice(board(s, 5000 + w)), truth, {
    fraction: 0.2,
    window,
    seed: 77 + w,
    log: (l) => logs.push(l),
    ...o,
  });
  const rng = splitmix32(100 + w);
  const u = () => rng() / 0x100000000;
  for (let i = 0; Math.min(...dev.status().channels.map((c) => c.samples)) < window; i++) {
    if (i === 0 || reprogram) {
      const W = Float32Array.from({ length: ROWS * COLS }, () => 0.6 * (2 * u() - 1));
      await dev.program(0, W, ROWS, COLS);
    }
    const X = Float32Array.from({ length: 64 * COLS }, () => 2 * u() - 1);
    await dev.matmul(0, X, 64, { draw: i, rowOffset: 0 });
  }
  return { status: dev.status(), logs };
}

describe("the monitor's noise test", () => {
  // Tolerance 1 and z = 1.645 turn the test into "is the noise exactly as predicted?" at 5% per
  // side: on an honest board the share of channels flagged high (and low) must be near 5%. Its
  // spread must match the reported standard error: with one programming for the window, the
  // write error (shared by every product since programming) is half the predicted variance,
  // and leaving its covariance out made the error 0.11 where the spread is 0.17.
  for (const reprogram of [false, true]) {
    it(`has its nominal false-alarm rate on an honest board (${reprogram ? 'reprogrammed every call' : 'one programming'})`, async () => {
      let high = 0;
      let low = 0;
      const v: number[] = [];
      const se: number[] = [];
      const windows = 30;
      for (let w = 0; w < windows; w++) {
        const { status } = await runWindow(1, w, 200, reprogram, { noiseRatio: 1, z: 1.6449 });
        for (const c of status.channels) {
          v.push(c.noiseRatio ** 2);
          se.push(c.noiseVarSE);
          if (c.flags.noise && c.noiseRatio > 1) high++;
          if (c.flags.noise && c.noiseRatio < 1) low++;
        }
      }
      const n = v.length;
      const mean = v.reduce((a, b) => a + b, 0) / n;
      const spread = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const meanSE = se.reduce((a, b) => a + b, 0) / n;
      // Binomial(240, 0.05): 12 +- 3.4; channels of one window share inputs, so allow more.
      expect(high / n).toBeGreaterThan(0.015);
      expect(high / n).toBeLessThan(0.1);
      expect(low / n).toBeGreaterThan(0.015);
      expect(low / n).toBeLessThan(0.1);
      expect(Math.abs(mean - 1)).toBeLessThan(0.05);
      expect(spread / meanSE).toBeGreaterThan(0.8);
      expect(spread / meanSE).toBeLessThan(1.25);
    });
  }

  // docs/calibration.md: with the defaults (1.25x, z = 4), 1.5x either way is flagged in every
  // window of 800 sampled products when the weights are reprogrammed between calls; the
  // honest board never is.
  it('flags noise 1.5x under- or overstated within 800 sampled products, and not an honest board', async () => {
    for (const [s, dir] of [
      [1.5, 'high'],
      [1 / 1.5, 'low'],
      [1, 'none'],
    ] as const) {
      for (let w = 0; w < 4; w++) {
        const { status, logs } = await runWindow(s, w, 800, true);
        const flagged = status.channels.filter((c) => c.flags.noise);
        if (dir === 'none') {
          expect(flagged).toEqual([]);
          expect(logs).toEqual([]);
          continue;
        }
        expect(flagged.length).toBeGreaterThanOrEqual(6);
        for (const c of flagged) expect(c.noiseRatio > 1).toBe(dir === 'high');
        expect(logs).toHaveLength(1);
        expect(logs[0]).toMatch(/channel \d noise \d\.\d\dx the profile's \(threshold 1\.25x\)/);
        expect(status.channels.every((c) => !c.flags.bias && !c.flags.gain)).toBe(true);
      }
    }
  });

  it('rejects options it cannot use, naming the fix', () => {
    const sim = new SimDevice(truth);
    expect(() => monitorDevice(sim, truth, { noiseRatio: 0.8 })).toThrow(
      /noiseRatio 0\.8 is below 1; pass the largest tolerated ratio/,
    );
    expect(() => monitorDevice(sim, truth, { fraction: 2 })).toThrow(
      /fraction 2 is not in \[0, 1\]/,
    );
    expect(() => monitorDevice(sim, truth, { window: 0 })).toThrow(/window 0 is below 1/);
  });
});
