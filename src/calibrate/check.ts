/**
 * `calibrate check`: does a profile still describe a device? Random products replayed on the
 * device and on the simulator of the profile, compared channel by channel (compare.ts).
 */
import type { Device } from '../device/device.js';
import {
  planReplay,
  randomReplayDesign,
  replayCompare,
  type MismatchReport,
  type MismatchThresholds,
} from './compare.js';
import { DEFAULT_TILE_COLS, ProbeSession, type ProbeProgress } from './probe-session.js';

export interface CheckOptions {
  /** Device products to spend. Default 2048. */
  products?: number;
  /** Distinct random input vectors (the rest are repeats). Default products / 16, 8..64. */
  vectors?: number;
  thresholds?: MismatchThresholds;
  seed?: number;
  tileCols?: number;
  tile?: number;
  onProgress?: (e: ProbeProgress) => void;
}

export interface CheckResult extends MismatchReport {
  products: number;
}

/** A problem that makes the comparison meaningless: the profile is for another array. */
export class ProfileMismatchError extends Error {
  override readonly name = 'ProfileMismatchError';
}

/** Replay random products on `device` and on `sim` (the profile's simulator) and compare. */
export async function checkCalibration(
  device: Device,
  sim: Device,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const d = device.info();
  const s = sim.info();
  if (s.rows !== d.rows) {
    throw new ProfileMismatchError(
      `the profile describes an array with ${s.rows} output channels, the device has ${d.rows}; calibrate this device (analoop calibrate --device <uri> --out profile.json) or check the profile made for it`,
    );
  }
  const cols = options.tileCols ?? Math.min(d.cols, s.cols, DEFAULT_TILE_COLS);
  if (cols > s.cols || cols > d.cols) {
    throw new ProfileMismatchError(
      `tile of ${cols} inputs does not fit the ${cols > s.cols ? `profile's ${s.cols}` : `device's ${d.cols}`} columns; use --tile-cols ${Math.min(d.cols, s.cols)} or less`,
    );
  }
  const products = options.products ?? 2048;
  const plan = planReplay(products, options.vectors);
  const session = new ProbeSession(device, {
    tileRows: d.rows,
    tileCols: cols,
    seed: options.seed ?? 7,
    ...(options.tile === undefined ? {} : { tile: options.tile }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  session.beginStep('check', plan.vectors * plan.repeats);
  const design = randomReplayDesign(session, plan.vectors, plan.repeats);
  const report = await replayCompare(session, sim, design, options.thresholds);
  return { ...report, products: session.endStep() };
}
