import { describe, expect, it } from 'vitest';
import { splitmix32 } from '../../src/data/prng.js';
import type { Telemetry } from '../../src/device/device.js';
import { monitorDevice } from '../../src/calibrate/monitor.js';
import { ProfilePredictor } from '../../src/calibrate/predict.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { editProfile } from './edit-profile.js';
import { hiddenTruth } from './hidden-truth.js';

const truth = hiddenTruth(8, { drift: false });
const ROWS = 8;
const COLS = 16;

const edit = editProfile;

/** Training-like traffic: a random tile, then `calls` random batches, the clock advancing. */
async function traffic(device: ReturnType<typeof monitorDevice>, calls: number, tick: () => void) {
  const rng = splitmix32(4);
  const u = () => rng() / 0x100000000;
  const W = Float32Array.from({ length: ROWS * COLS }, () => 0.6 * (2 * u() - 1));
  await device.program(0, W, ROWS, COLS);
  for (let i = 0; i < calls; i++) {
    const X = Float32Array.from({ length: 64 * COLS }, () => 2 * u() - 1);
    await device.matmul(0, X, 64, { draw: i, rowOffset: 0 });
    tick();
  }
}

describe('ProfilePredictor', () => {
  it("matches the simulator's mean and spread for one product", async () => {
    const sim = new SimDevice(truth);
    const W = Float32Array.from({ length: ROWS * COLS }, (_, i) => Math.sin(i) * 0.7);
    const x = Float32Array.from({ length: COLS }, (_, i) => Math.cos(3 * i) * 0.8);
    const pred = new ProfilePredictor(truth).predict(
      new ProfilePredictor(truth).programmed(W),
      ROWS,
      COLS,
      x,
    );
    // Average over many programmings and draws, as the prediction does.
    const n = 400;
    const s = new Float64Array(ROWS);
    const s2 = new Float64Array(ROWS);
    for (let k = 0; k < n; k++) {
      await sim.program(0, W, ROWS, COLS);
      const X = new Float32Array(16 * COLS);
      for (let b = 0; b < 16; b++) X.set(x, b * COLS);
      const Y = await sim.matmul(0, X, 16);
      for (let b = 0; b < 16; b++)
        for (let r = 0; r < ROWS; r++) {
          s[r] += Y[b * ROWS + r]!;
          s2[r] += Y[b * ROWS + r]! ** 2;
        }
    }
    for (let r = 0; r < ROWS; r++) {
      const m = s[r]! / (16 * n);
      const sd = Math.sqrt(s2[r]! / (16 * n) - m * m);
      expect(Math.abs(m - pred.mean[r]!)).toBeLessThan((4 * pred.sd[r]!) / Math.sqrt(n));
      expect(sd / pred.sd[r]!).toBeGreaterThan(0.9);
      expect(sd / pred.sd[r]!).toBeLessThan(1.1);
    }
  });
});

describe('the training monitor', () => {
  it('stays quiet while the device matches its profile', async () => {
    const logs: string[] = [];
    const dev = monitorDevice(new SimDevice(truth), truth, {
      fraction: 0.2,
      log: (l) => logs.push(l),
    });
    await traffic(dev, 150, () => undefined);
    const st = dev.status();
    expect(st.sampled).toBeGreaterThan(1500);
    expect(st.warnings).toBe(0);
    expect(logs).toEqual([]);
    for (const c of st.channels) {
      expect(Math.abs(c.gainError)).toBeLessThan(0.03);
      expect(Math.abs(c.bias)).toBeLessThan(0.5);
      expect(c.noiseRatio).toBeGreaterThan(0.8);
      expect(c.noiseRatio).toBeLessThan(1.25);
    }
  });

  it('warns once, with a telemetry event and a log line, when a channel drifts away', async () => {
    let now = Date.UTC(2025, 0, 1);
    // The board drifts (channel 3 loses 10% gain an hour); the profile does not know.
    const board = new SimDevice(
      edit(truth, (j) => (j.channels.gainDriftPerHour = [0, 0, 0, -0.1, 0, 0, 0, 0])),
      {
        clock: () => now,
      },
    );
    const logs: string[] = [];
    const events: Telemetry[] = [];
    const dev = monitorDevice(board, truth, {
      fraction: 0.2,
      clock: () => now,
      log: (l) => logs.push(l),
      source: 'serial:/dev/ttyUSB0',
    });
    dev.telemetry$.subscribe((t) => events.push(t));
    await traffic(dev, 300, () => (now += 60_000));
    const st = dev.status();
    expect(st.warnings).toBe(1);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^analoop: warning: calibration mismatch on serial:\/dev\/ttyUSB0: channel 3 gain off by -\d+\.\d%/,
    );
    expect(logs[0]).toMatch(/recalibrate with analoop calibrate/);
    expect(events.filter((e) => e.event?.startsWith('calibration mismatch'))).toHaveLength(1);
    expect(st.channels[3]!.gainError).toBeLessThan(-0.05);
    expect(Math.abs(st.channels[0]!.gainError)).toBeLessThan(0.03);
    await dev.close();
  });
});
