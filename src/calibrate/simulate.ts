/**
 * How calibration gets a simulator for a profile without importing simulator/ (src/ never does):
 * through the device registry's `sim:<profile.json>` scheme, which the CLI (and tests) register.
 * The profile is written to a temporary file that is gone once the device has read it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Device } from '../device/device.js';
import { openDevice } from '../device/registry.js';
import type { Profile } from '../profile/index.js';

export type SimulateProfile = (profile: Profile) => Promise<Device>;

/** Open `sim:` on a profile held in memory. */
export const simulateProfile: SimulateProfile = async (profile) => {
  const dir = await mkdtemp(join(tmpdir(), 'analoop-calibrate-'));
  const file = join(dir, 'profile.json');
  try {
    await writeFile(file, JSON.stringify(profile));
    return await openDevice(`sim:${file}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
