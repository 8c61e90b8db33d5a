import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import {
  LocalPool,
  expandPreset,
  formatPivot,
  inlineRunner,
  runSweep,
  type TrialOutcome,
} from '../../src/experiments/index.js';
import { registerSimulator } from '../../simulator/register.js';

beforeAll(() => registerSimulator());
afterEach(() => vi.restoreAllMocks());

/** 4 trials: 2 depths x 2 factors, 1 epoch on 128 synthetic samples. */
function tinyDepthPlan() {
  return expandPreset('paper-depth', {
    dataset: 'synthetic:128',
    epochs: 1,
    factors: [0, 1],
    depths: [
      { convLayers: 0, linearLayers: 2 },
      { convLayers: 1, linearLayers: 3 },
    ],
  });
}

describe('runSweep end to end (real training, synthetic data)', () => {
  it('runs 4 trials 2 at a time and writes the table, CSV, JSON and figures', async () => {
    const out = await mkdtemp(join(tmpdir(), 'analoop-sweep-'));
    const plan = tinyDepthPlan();
    expect(plan.trials).toHaveLength(4);
    const queue = new LocalPool({ runner: inlineRunner(), jobs: 2 });
    const r = await runSweep(plan, { out, queue });
    expect(r.outcomes.map((o) => o.status)).toEqual(Array(4).fill('finished'));
    expect(r.incomplete).toBe(false);
    expect(r.table.cells).toHaveLength(4);
    for (const c of r.table.cells) {
      expect(c.median).toBeGreaterThanOrEqual(0);
      expect(c.median).toBeLessThanOrEqual(1);
    }
    const csv = (await readFile(join(out, 'results.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe(
      'convLayers,linearLayers,depth,i,ep,p,seeds_finished,seeds_planned,max_test_accuracy_median,max_test_accuracy_min,max_test_accuracy_max,per_seed',
    );
    expect(csv).toHaveLength(5);
    expect(csv[1]).toMatch(/^0,2,2,0,0\.65,16,1,1,0\.\d{4},/);
    const json = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(json.preset).toBe('paper-depth');
    expect(json.trials[0].device).toBe('sim:paper?p=16&ep=0.65&seed=1');
    const svg = await readFile(join(out, 'accuracy-by-depth.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('interpolation factor i');
    expect(svg).toContain('depth (layers)');
    expect((await stat(join(out, 'accuracy-by-depth.png'))).size).toBeGreaterThan(5000);
    // One EP: the depth figure says it all, no by-EP figure.
    expect(existsSync(join(out, 'accuracy-by-ep.svg'))).toBe(false);
    // The run manifests record each trial's seed and device.
    const manifest = JSON.parse(
      await readFile(join(out, 'runs', 'c1-l3-i1-ep0.65-p16-seed1', 'manifest.json'), 'utf8'),
    );
    expect(manifest.config.seed).toBe(1);
    expect(manifest.config.device).toBe('sim:paper?p=16&ep=0.65&seed=1');
    expect(manifest.config.modelOptions).toEqual({ convLayers: 1, linearLayers: 3 });
    expect(typeof manifest.calibrationProfileId).toBe('string');
    const text = formatPivot(r.table);
    expect(text.split('\n')[0]).toMatch(
      /^convLayers\s+linearLayers\s+depth\s+ep\s+p\s+\|\s+i=0\s+i=1$/,
    );

    // Running the sweep again re-runs nothing.
    const again = await runSweep(plan, { out, queue });
    expect(again.outcomes.map((o) => o.status)).toEqual(Array(4).fill('cached'));
  });

  it('an interrupted trial resumes from its checkpoint and ends where an uninterrupted one does', async () => {
    const plan = expandPreset('paper-linear', {
      dataset: 'synthetic:256',
      epochs: 3,
      factors: [0.5],
      eps: [0.5],
    });
    const queue = new LocalPool({ runner: inlineRunner(), jobs: 1 });
    const straight = await runSweep(plan, {
      out: await mkdtemp(join(tmpdir(), 'analoop-sweep-')),
      queue,
    });
    const out = await mkdtemp(join(tmpdir(), 'analoop-sweep-'));
    const ctl = new AbortController();
    const first = await runSweep(plan, {
      out,
      queue,
      signal: ctl.signal,
      onEvent: (e) => {
        if (e.type === 'epoch' && e.metrics.epoch === 2) ctl.abort();
      },
    });
    expect(first.outcomes.map((o) => o.status)).toEqual(['interrupted']);
    expect(first.incomplete).toBe(true);
    expect(existsSync(join(out, 'runs', plan.trials[0]!.id, 'checkpoint.json'))).toBe(true);
    const events: string[] = [];
    const second = await runSweep(plan, {
      out,
      queue,
      onEvent: (e) => {
        if (e.type === 'start') events.push(`start resumed=${e.resumed}`);
        if (e.type === 'epoch') events.push(`epoch ${e.metrics.epoch}`);
      },
    });
    expect(events).toEqual(['start resumed=true', 'epoch 3']);
    const o = second.outcomes[0] as Extract<TrialOutcome, { summary: unknown }>;
    expect(o.status).toBe('finished');
    expect(o.resumed).toBe(true);
    expect(second.table.cells[0]!.median).toBe(straight.table.cells[0]!.median);
  });
});

describe('analoop sweep', () => {
  async function run(...args: string[]) {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const code = await main(['node', 'analoop', ...args]);
    vi.restoreAllMocks();
    return { code, out, err };
  }

  it('prints the table and writes the sweep directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-sweep-cli-'));
    const r = await run(
      'sweep',
      'paper-linear',
      '--quick',
      '--dataset',
      'synthetic:64',
      '--epochs',
      '1',
      '--factors',
      '0,1',
      '--eps',
      '0.5',
      '--inline',
      '--jobs',
      '2',
      '--out',
      dir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/paper-linear \(quick\): 2 trials \(2 i x 1 EP x 1 p x 1 seed\)/);
    expect(r.out).toMatch(/ep\s+p\s+\|\s+i=0\s+i=1\n/);
    expect(r.out).toMatch(/0\.5\s+16\s+\|\s+\d+\.\d\d\s+\d+\.\d\d/);
    expect(existsSync(join(dir, 'results.csv'))).toBe(true);
    expect(existsSync(join(dir, 'accuracy-by-ep.svg'))).toBe(true);
  });

  it('usage errors: full-only preset, missing --dataset, --list', async () => {
    const a = await run('sweep', 'paper-resnet18');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--full --dataset/);
    const b = await run('sweep', 'paper-convnet', '--full');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/needs CIFAR-format data: pass --dataset cifar10:<dir>/);
    const c = await run('sweep', '--list');
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/paper-depth\s+quick: 18 trials/);
    const d = await run('sweep', 'paper-linear', '--dry-run');
    expect(d.code).toBe(0);
    expect(d.out).toMatch(
      /i0\.5-ep0\.8-p16-seed1\s+relu-gelu:0\.5\s+sim:paper\?p=16&ep=0\.8&seed=1/,
    );
  });
});
