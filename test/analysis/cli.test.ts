import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { registerSimulator } from '../../simulator/register.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(['node', 'analoop', ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(() => registerSimulator());
afterEach(() => vi.restoreAllMocks());

describe('analoop metrics', () => {
  it('ep-table --format csv: header and one line per model x p x EP', async () => {
    const r = await run(
      'metrics',
      'ep-table',
      '--models',
      'gaussian,poisson',
      '--eps',
      '0.5',
      '--ps',
      '16,64',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('model,p,bits,ep,scaleName,scale,epAtOne,epGridAverage');
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(lines[1]).toMatch(/^gaussian,16,4,0\.5,sigma,0\.04633/);
  });

  it('gsd --format json over a sweep', async () => {
    const r = await run('metrics', 'gsd', 'silu', '--sweep', '0:1:0.5', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { activation: string; gsd: number }[];
    expect(rows.map((x) => x.activation)).toEqual([
      'silu',
      'relu-gelu:0',
      'relu-gelu:0.5',
      'relu-gelu:1',
    ]);
    expect(rows[2]!.gsd).toBeCloseTo(0.5, 4);
  });

  it('effective-bits --format csv', async () => {
    const r = await run(
      'metrics',
      'effective-bits',
      '--scales',
      '1,2,3',
      '--ps',
      '64',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^s,p,inputBits,bits\n1,64,6,6\.3258/);
  });

  it('gradient-error --format json on a device, and the summary in the table form', async () => {
    const r = await run(
      'metrics',
      'gradient-error',
      '--p',
      '16',
      '--draws',
      '2',
      '--device',
      'sim:paper?p=16&ep=0.5',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      settings: { source: string };
      summary: { monotonic: boolean };
      rows: unknown[];
    };
    expect(j.settings.source).toMatch(/sim:paper\?p=16&ep=0\.5/);
    expect(j.rows).toHaveLength(5 * 3);
    const t = await run('metrics', 'gradient-error', '--p', '16', '--draws', '2');
    expect(t.out).toMatch(/ReLU\/GELU mean gradient error, near-zero band \|z\| < 0\.125: [\d.]+x/);
  });

  it('rejects a bad value with exit code 2', async () => {
    const r = await run('metrics', 'ep-table', '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/csv, json, table/);
    const s = await run('metrics', 'gradient-error', '--factors', '0,2', '--p', '4');
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/outside \[0, 1\]/);
  });
});

describe('analoop figures', () => {
  it('writes <name>.svg and .png', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-figs-'));
    expect((await run('figures', 'gsd', '--out', dir, '--sweep', '0:1:0.5')).code).toBe(0);
    expect(
      (await run('figures', 'gradient-error', '--out', dir, '--p', '8', '--draws', '1')).code,
    ).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([
      'gradient-error.png',
      'gradient-error.svg',
      'gsd.png',
      'gsd.svg',
    ]);
  });

  it('accuracy fails clearly when there are no runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-noruns-'));
    const r = await run('figures', 'accuracy', '--runs', dir, '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no finished runs/);
  });
});
