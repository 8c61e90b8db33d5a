import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCalibration, ProfileMismatchError } from '../../src/calibrate/check.js';
import { main } from '../../src/cli/program.js';
import type { Profile } from '../../src/profile/index.js';
import { registerSimulator } from '../../simulator/register.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { ch, editProfile } from './edit-profile.js';
import { hiddenTruth } from './hidden-truth.js';
import { memoryBoardDevice } from './memory-board.js';

/** `calibrate check` accepts the profile a device runs and catches one that is wrong. */
const truth = hiddenTruth(7, { drift: false });

const edit = editProfile;

beforeAll(() => registerSimulator());
afterEach(() => vi.restoreAllMocks());

async function check(device: Profile, profile: Profile) {
  return checkCalibration(new SimDevice(device), new SimDevice(profile, { seed: 99 }), {
    products: 2048,
  });
}

describe('checkCalibration', () => {
  it('passes the profile the device runs (other noise seed)', async () => {
    const r = await check(truth, truth);
    expect(r.passed).toBe(true);
    expect(r.products).toBe(2048);
    expect(r.channels).toHaveLength(8);
  });

  it('catches a wrong gain, offset, noise level or nonlinearity, on the channel concerned', async () => {
    const gain = await check(
      truth,
      edit(truth, (j) => (ch(j.channels.gain)[2] *= 1.1)),
    );
    expect(gain.passed).toBe(false);
    expect(gain.channels[2]!.failed).toContain('gainRatio');
    expect(gain.channels.filter((c) => c.failed.length).map((c) => c.channel)).toEqual([2]);

    const offset = await check(
      truth,
      edit(truth, (j) => (ch(j.channels.offset)[5] += 0.06)),
    );
    expect(offset.channels[5]!.failed).toContain('meanError');

    const noisy = await check(
      truth,
      edit(truth, (j) => (j.noise.read.scale *= 2)),
    );
    expect(noisy.failedChannels).toBe(8);
    for (const c of noisy.channels) expect(c.failed).toContain('stdRatio');

    const linear = await check(
      truth,
      edit(truth, (j) => delete j.nonlinearity),
    );
    expect(linear.passed).toBe(false);
  });

  it('works through the board emulator, and refuses a profile for another array', async () => {
    const { device, board } = await memoryBoardDevice(truth);
    try {
      const ok = await checkCalibration(device, new SimDevice(truth, { seed: 5 }), {
        products: 1024,
      });
      expect(ok.passed).toBe(true);
      const bad = await checkCalibration(
        device,
        new SimDevice(
          edit(truth, (j) => (j.channels.gain = ch(j.channels.gain).map((g) => g * 0.9))),
        ),
        { products: 1024 },
      );
      expect(bad.failedChannels).toBe(8);
      const other = edit(truth, (j) => {
        j.array.rows = 4;
        j.channels.gain = 1;
        j.channels.offset = 0;
      });
      await expect(checkCalibration(device, new SimDevice(other))).rejects.toThrow(
        ProfileMismatchError,
      );
      await expect(checkCalibration(device, new SimDevice(other))).rejects.toThrow(
        /4 output channels, the device has 8/,
      );
    } finally {
      await device.close();
      await board.close();
    }
  });
});

/** Runs the CLI in-process and captures what it prints. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(['node', 'analoop', ...args]), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('analoop calibrate check', () => {
  it('exits 0 on a matching profile and 1, naming the fix, on a mis-specified one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cal-check-'));
    const dev = join(dir, 'board.json');
    const good = join(dir, 'good.json');
    const wrong = join(dir, 'wrong.json');
    await writeFile(dev, JSON.stringify(truth));
    await writeFile(good, JSON.stringify({ ...truth, seed: 3 }));
    await writeFile(wrong, JSON.stringify(edit(truth, (j) => (ch(j.channels.offset)[1] -= 0.08))));
    const a = await run(
      'calibrate',
      'check',
      '--device',
      `sim:${dev}`,
      '--profile',
      good,
      '--products',
      '1024',
    );
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/pass/);
    const b = await run(
      'calibrate',
      'check',
      '--device',
      `sim:${dev}`,
      '--profile',
      wrong,
      '--products',
      '1024',
      '--json',
    );
    expect(b.code).toBe(1);
    const report = JSON.parse(b.out.trim().split('\n').at(-1)!);
    expect(report.event).toBe('check');
    expect(report.channels[1].failed).toContain('meanError');
    expect(b.err).toMatch(
      /calibration check failed: 1 of 8 channels past threshold \(meanError on 1.*\).*does not describe.*recalibrate with analoop calibrate --device/,
    );
    const c = await run('calibrate', 'check', '--profile', good);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/give --device <uri>/);
    const d = await run(
      'calibrate',
      'check',
      '--device',
      `sim:${dev}`,
      '--profile',
      join(dir, 'missing.json'),
    );
    expect(d.code).toBe(1);
    expect(d.err).toMatch(/cannot read/);
  });
});
