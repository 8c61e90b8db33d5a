import { splitmix32 } from '../../src/data/prng.js';
import { parseProfile, type Profile } from '../../src/profile/index.js';

/**
 * A random "board" for calibration tests: random gains, offsets, read noise, input, weight and
 * programming noise, a mild cubic nonlinearity and per-channel gain drift, from a seed. The
 * fitting code never sees it: tests hand it to a SimDevice or the board emulator only.
 */
export interface HiddenTruthOptions {
  rows?: number;
  cols?: number;
  maxBatch?: number;
  /** Turn the drift off (for tests that do not run the drift step). */
  drift?: boolean;
}

export function hiddenTruth(seed: number, o: HiddenTruthOptions = {}): Profile {
  const rng = splitmix32(seed);
  const u = () => rng() / 0x100000000;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)]!;
  const rows = o.rows ?? 8;
  const cols = o.cols ?? 16;
  return parseProfile(
    {
      schema: 'analoop.profile/1',
      name: `hidden-${seed}`,
      array: { rows, cols, maxBatch: o.maxBatch ?? 64 },
      dac: { range: [-1, 1], precision: pick([16, 32, 64]) },
      adc: { range: [-1.5, 1.5], precision: pick([32, 64]) },
      weights: { range: [-1, 1], precision: pick([16, 32, 64]) },
      noise: {
        programming: { model: 'gaussian', scale: 0.006 + 0.008 * u() },
        weight: { model: 'gaussian', scale: 0.004 + 0.004 * u() },
        input: { model: 'gaussian', scale: 0.006 + 0.006 * u() },
        read: { model: 'gaussian', scale: 0.015 + 0.015 * u() },
      },
      channels: {
        gain: Array.from({ length: rows }, () => 0.85 + 0.3 * u()),
        offset: Array.from({ length: rows }, () => 0.1 * (u() - 0.5)),
        gainDriftPerHour:
          o.drift === false ? 0 : Array.from({ length: rows }, () => 0.1 * (u() - 0.5)),
      },
      nonlinearity: { kind: 'cubic', a3: -(0.03 + 0.05 * u()) },
      seed: seed + 1000,
    },
    `hidden truth ${seed}`,
  );
}
