import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { LocalPool, expandPreset, inlineRunner, runSweep } from '../../src/experiments/index.js';
import { buildReport } from '../../src/report/index.js';
import { train } from '../../src/train/trainer.js';
import { registerSimulator } from '../../simulator/register.js';

const VOID = new Set(['meta', 'img', 'br', 'hr', 'link', 'input']);

/** Every non-void element closes in order (a structural check, not a full validator). */
function checkNesting(html: string): void {
  const stack: string[] = [];
  const noPre = html.replace(/<pre>[\s\S]*?<\/pre>/g, '<pre></pre>');
  for (const m of noPre.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, close, name] = m;
    const tag = name!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!close) stack.push(tag);
    else {
      const open = stack.pop();
      if (open !== tag) throw new Error(`</${tag}> closes <${open}> at ${m.index}`);
    }
  }
  expect(stack).toEqual([]);
}

let root: string;

beforeAll(async () => {
  registerSimulator();
  root = await mkdtemp(join(tmpdir(), 'analoop-report-'));
  const plan = expandPreset('paper-linear', {
    dataset: 'synthetic:64',
    epochs: 2,
    factors: [0, 1],
    eps: [0.2, 0.5],
  });
  await runSweep(plan, {
    out: join(root, 'sweep'),
    queue: new LocalPool({ runner: inlineRunner(), jobs: 2 }),
  });
  // A run outside the sweep, with a name that must be escaped.
  await train(
    {
      model: 'linear',
      dataset: 'synthetic:64',
      epochs: 1,
      activation: 'gelu',
      device: 'sim:paper?p=16&ep=0.5&seed=2',
      seed: 2,
    },
    { runDir: join(root, 'solo <b>run</b>') },
  );
});
afterEach(() => vi.restoreAllMocks());

describe('analoop report', () => {
  it('is one self-contained, well-nested HTML page', async () => {
    const { html, runs, sweeps, figures } = await buildReport(root, { now: new Date(0) });
    expect(runs).toBe(5);
    expect(sweeps).toBe(1);
    expect(figures).toBeGreaterThanOrEqual(3);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    checkNesting(html);
    // Nothing is fetched: no scripts, stylesheets or images from elsewhere.
    expect(/<script|<link|src="(?!data:)/.test(html)).toBe(false);
  });

  it('has the results table, inline figures, manifests and calibration ids', async () => {
    const { html } = await buildReport(root);
    expect(html.includes('Sweep paper-linear (quick)')).toBe(true);
    expect(/<table class="pivot">[\s\S]*i = 0<\/th>[\s\S]*i = 1<\/th>/.test(html)).toBe(true);
    const imgs = [...html.matchAll(/src="data:image\/svg\+xml;base64,([^"]+)"/g)];
    expect(imgs.length).toBeGreaterThanOrEqual(3);
    const svg = Buffer.from(imgs[0]![1]!, 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Max test accuracy vs interpolation factor');
    expect(/<details id="run-sweep_runs_i0-ep0\.2-p16-seed1">/.test(html)).toBe(true);
    expect(html.includes('&quot;format&quot;: &quot;analoop-run/1&quot;')).toBe(true);
    const manifest = JSON.parse(
      await readFile(join(root, 'sweep', 'runs', 'i1-ep0.5-p16-seed1', 'manifest.json'), 'utf8'),
    );
    expect(html.includes(manifest.calibrationProfileId)).toBe(true);
    // The run outside the sweep is listed, its name escaped.
    expect(html.includes('Other runs')).toBe(true);
    expect(html.includes('solo &lt;b&gt;run&lt;/b&gt;')).toBe(true);
    expect(html.includes('<b>run</b>')).toBe(false);
  });

  it('the CLI writes <runs-dir>/report.html', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-report-cli-'));
    await cp(join(root, 'sweep'), dir, { recursive: true });
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const code = await main(['node', 'analoop', 'report', dir]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(out).toMatch(/wrote .*report\.html: 4 runs, 1 sweep\(s\)/);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html.includes('<table class="pivot">')).toBe(true);
  });
});
