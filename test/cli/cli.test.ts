import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { registerSimulator } from '../../simulator/register.js';

/** Runs the CLI in-process and captures what it prints. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(['node', 'analoop', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(() => registerSimulator());
afterEach(() => vi.restoreAllMocks());

describe('analoop CLI', () => {
  it('--help lists the commands', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const c of ['train', 'compare', 'doctor', 'profile']) expect(r.out).toContain(c);
  });

  it('a bad flag value or an unknown flag exits 2 with a message naming it', async () => {
    const a = await run('train', '--epochs', '0');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--epochs.*expected an integer in \[1/);
    const b = await run('train', '--epocs', '3');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/unknown option '--epocs'/);
    const c = await run('train', '--optimizer', 'lion');
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/lion.*adam/s);
  });

  it('an unknown device scheme or dataset exits 1 naming the valid ones', async () => {
    const a = await run(
      'train',
      '--device',
      'usb:/dev/x',
      '--dataset',
      'synthetic',
      '--epochs',
      '1',
      '--json',
    );
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/usb/);
    expect(a.err).toMatch(/sim/);
    const b = await run('train', '--dataset', 'imagenet', '--epochs', '1', '--json');
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/imagenet[\s\S]*mnist/);
  });

  it('train writes JSON lines when not on a terminal, and the run directory', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'analoop-cli-')), 'run');
    const r = await run(
      'train',
      '--dataset',
      'synthetic:256',
      '--model-option',
      'hidden=[16]',
      '--epochs',
      '2',
      '--batch-size',
      '32',
      '--device',
      'sim:paper?p=16&ep=0.5',
      '--activation',
      'relu-gelu:0.5',
      '--out',
      dir,
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.event === 'epoch')).toHaveLength(2);
    expect(lines.at(-1).event).toBe('end');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.activation).toBe('relu-gelu:0.5');
    // What fixes the digital products' last bits, so two runs can be compared (null for js).
    if (manifest.kernels === 'openblas') expect(manifest.kernelsBuild).toMatch(/; 1 thread$/);
    else expect(manifest.kernelsBuild).toBeNull();

    // Resume takes its configuration from the run directory; only --epochs may change.
    const bad = await run('train', '--resume', dir, '--lr', '0.1', '--json');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/drop --lr/);
    const more = await run('train', '--resume', dir, '--epochs', '3', '--json');
    expect(more.code).toBe(0);
    expect(
      more.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((l) => l.event === 'epoch'),
    ).toHaveLength(1);
  });

  it('compare prints one table row per activation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-cmp-'));
    const r = await run(
      'compare',
      '--dataset',
      'synthetic:256',
      '--model-option',
      'hidden=[16]',
      '--epochs',
      '1',
      '--batch-size',
      '64',
      '--activations',
      'relu,gelu,silu',
      '--seeds',
      '2',
      '--out',
      dir,
      '--json',
    );
    expect(r.code).toBe(0);
    const table = r.out.slice(r.out.indexOf('activation'));
    for (const a of ['relu', 'gelu', 'silu'])
      expect(table).toMatch(new RegExp(`^${a}\\s+\\d+\\.\\d+% ±`, 'm'));
    const saved = JSON.parse(await readFile(join(dir, 'compare.json'), 'utf8'));
    expect(saved.rows).toHaveLength(3);
    expect(saved.rows[0].seeds).toEqual([1, 2]);
  });

  it('profile validate names the bad field and exits 1; schema and paper print JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-prof-'));
    const paper = await run('profile', 'paper', '--p', '16', '--ep', '0.5');
    expect(paper.code).toBe(0);
    const profile = JSON.parse(paper.out);
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(profile));
    expect((await run('profile', 'validate', good)).code).toBe(0);

    profile.noise.read.ep = 1.5;
    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify(profile));
    const r = await run('profile', 'validate', broken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/noise\.read\.ep/);

    const schema = await run('profile', 'schema');
    expect(JSON.parse(schema.out).properties).toHaveProperty('noise');
  });

  it('doctor reports the chosen provider and a GFLOP/s figure', async () => {
    const r = await run('doctor', '--json', '--kernels', 'js', '--device', 'sim:paper?p=16&ep=0.5');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.kernels.chosen).toBe('js');
    expect(report.kernels.build).toBeNull();
    expect(report.kernels.gflops512).toBeGreaterThan(0);
    expect(report.deviceSchemes).toContain('sim');
    expect(report.device.info).toMatchObject({ kind: 'simulated', inputBits: 4, rows: 8192 });
  });
});
