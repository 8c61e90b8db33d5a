import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSerialDriver } from '../../drivers/serial/register.js';
import { main } from '../../src/cli/program.js';
import { loadProfile, profileId } from '../../src/profile/index.js';
import { servePty } from '../../simulator/board-emulator/serve-pty.js';
import { registerSimulator } from '../../simulator/register.js';
import { hiddenTruth } from './hidden-truth.js';

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

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as Record<string, unknown> & {
          event: string;
          step?: string;
          products: number;
          allowance: number;
          profileId?: string;
          assumed?: string[];
        },
    );

let dir: string;
let board: string;
beforeAll(async () => {
  registerSimulator();
  registerSerialDriver();
  dir = await mkdtemp(join(tmpdir(), 'cal-cli-'));
  board = join(dir, 'board.json');
  await writeFile(board, JSON.stringify(hiddenTruth(31, { drift: false })));
});
afterEach(() => vi.restoreAllMocks());

describe('analoop calibrate', () => {
  it('writes a profile whose id is the one it prints, with JSON lines per step', async () => {
    const out = join(dir, 'fitted.json');
    const r = await run(
      'calibrate',
      '--device',
      `sim:${board}`,
      '--out',
      out,
      '--budget',
      '12000',
      '--steps',
      'noise,dac,gain,weights,sources,gof',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const ev = lines(r.out);
    const steps = ev.filter((e) => e.event === 'step');
    expect(steps.map((s) => s.step)).toEqual(['noise', 'dac', 'gain', 'weights', 'sources', 'gof']);
    for (const s of steps) expect(s.products).toBeLessThanOrEqual(s.allowance);
    const done = ev.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.products).toBeLessThanOrEqual(12000);
    const p = await loadProfile(out);
    expect(profileId(p)).toBe(done.profileId);
    expect(done.assumed).toEqual(['no gain drift (not measured: run the drift step)']);
    const show = await run('profile', 'show', out);
    expect(JSON.parse(show.out).id).toBe(done.profileId);
    // The fitted profile runs in the simulator and passes its own check against the device.
    const chk = await run(
      'calibrate',
      'check',
      '--device',
      `sim:${board}`,
      '--profile',
      out,
      '--products',
      '1024',
    );
    expect(chk.code, chk.err + chk.out).toBe(0);
  });

  it('adds the steps a requested one needs and says what it assumed', async () => {
    const out = join(dir, 'gain-only.json');
    const r = await run(
      'calibrate',
      '--device',
      `sim:${board}`,
      '--out',
      out,
      '--budget',
      '3000',
      '--steps',
      'gain',
      '--no-json',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/adding step\(s\) noise, dac: the requested steps need them/);
    expect(r.out).toMatch(/assumed: no programming noise \(not measured: run the weights step\)/);
    expect(r.out).toMatch(/wrote .*gain-only.json: calibration id [0-9a-f]{16}/);
  });

  it('names the problem and the fix for bad settings', async () => {
    const out = join(dir, 'x.json');
    const cases: [string[], number, RegExp][] = [
      [['--steps', 'gain,noize'], 2, /unknown calibration step "noize"; steps are noise, dac/],
      [['--budget', '100'], 2, /--budget 100 is too small .* raise --budget to \d+ or more/],
      [
        ['--tile-size', '9x4'],
        2,
        /tile size 9x4 does not fit the device's 8 x 16 array; use at most 8x16/,
      ],
      [['--tile-size', 'big'], 2, /expected ROWSxCOLS with positive integers, e.g. 8x16/],
      [['--drift-duration', 'soon'], 2, /expected a duration > 0 such as 30s/],
    ];
    for (const [args, code, msg] of cases) {
      const r = await run('calibrate', '--device', `sim:${board}`, '--out', out, ...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err).toMatch(msg);
    }
    const noOut = await run('calibrate', '--device', `sim:${board}`);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(/give --out <file>/);
    const badUri = await run('calibrate', '--device', 'usb:/dev/x', '--out', out);
    expect(badUri.code).toBe(1);
    expect(badUri.err).toMatch(/cannot open --device "usb:\/dev\/x": unknown device scheme "usb:"/);
    const badDir = await run(
      'calibrate',
      '--device',
      `sim:${board}`,
      '--out',
      join(dir, 'no', 'such', 'dir.json'),
      '--budget',
      '1000',
      '--steps',
      'noise',
    );
    expect(badDir.code).toBe(1);
    expect(badDir.err).toMatch(/cannot write --out .*check that the directory exists/);
  });
});

const hasSocat = !spawnSync('socat', ['-V'], { stdio: 'ignore' }).error;
if (!hasSocat)
  console.warn('skipping calibration over a pty: socat is not installed (apt-get install socat)');

describe.skipIf(!hasSocat)('analoop calibrate over a pty', () => {
  it('calibrates the emulated board through serial: and checks the result', async () => {
    const link = join(dir, 'cal.tty');
    const truth = hiddenTruth(77, { drift: false });
    const server = await servePty({ link, profile: truth });
    try {
      const out = join(dir, 'pty.json');
      const uri = `serial:${link}?heartbeat=0&telemetry=0`;
      const r = await run(
        'calibrate',
        '--device',
        uri,
        '--out',
        out,
        '--budget',
        '8000',
        '--steps',
        'noise,dac,gain,weights,gof',
        '--json',
      );
      expect(r.code, r.err).toBe(0);
      const p = await loadProfile(out);
      expect(p.adc.precision).toBe(truth.adc.precision);
      expect(p.dac.precision).toBe(truth.dac.precision);
      const c = await run(
        'calibrate',
        'check',
        '--device',
        uri,
        '--profile',
        out,
        '--products',
        '1024',
        '--json',
      );
      expect(c.code, c.err).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
