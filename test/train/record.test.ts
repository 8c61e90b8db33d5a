import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { makeSynthetic } from '../../src/data/index.js';
import { registerReplay } from '../../src/device/replay-register.js';
import { readTrace } from '../../src/device/trace.js';
import { modelParams } from '../../src/nn/model.js';
import type { TrainConfigInput } from '../../src/train/config.js';
import { train, type TrainResult } from '../../src/train/trainer.js';
import { registerSimulator } from '../../simulator/register.js';

/**
 * Recording a training run (TrainOptions.recordTrace, `--record`) and re-running it through
 * `replay:`: the replayed run must reach the recorded run's weights and metrics bit for bit.
 */

const data = makeSynthetic({ n: 96, testN: 32, shape: [1, 6, 6], classes: 4 });
const config: TrainConfigInput = {
  model: 'convnet',
  modelOptions: { convLayers: 1, linearLayers: 1 },
  dataset: 'synthetic',
  device: 'sim:paper?p=16&ep=0.5&rows=16&cols=16&maxBatch=16',
  activation: 'gelu',
  epochs: 1,
  batchSize: 16,
  seed: 3,
};
const weights = (r: TrainResult) =>
  modelParams(r.model).map((p) =>
    Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength).toString('hex'),
  );
const metrics = (r: TrainResult) => r.history.map(({ seconds: _, ...m }) => m);
const tmp = (prefix: string) => mkdtemp(join(tmpdir(), prefix));

beforeAll(() => {
  registerSimulator();
  registerReplay();
});

describe('train with recordTrace', () => {
  it('records the training device only, and re-runs bit-identically through replay:', async () => {
    // The trace's directory does not exist yet: the recorder makes it.
    const file = join(await tmp('record-'), 'sub', 'trace.jsonl');
    const recorded = await train({ ...config, evalNoiseOff: true }, { data, recordTrace: file });
    const trace = await readTrace(file);
    expect(trace.header.source).toBe(config.device);
    expect(trace.header.info).toMatchObject({ kind: 'simulated', inputConversion: 'per-source' });
    // The conv layer's per-source map is in the trace, so replay checks it too.
    expect(trace.entries.some((e) => e.type === 'matmul' && e.ctx?.inputSource)).toBe(true);

    // The ideal device of evalNoiseOff is not recorded: the same run without it logs as much.
    const plainFile = join(await tmp('record-'), 'trace.jsonl');
    await train(config, { data, recordTrace: plainFile });
    expect((await readTrace(plainFile)).entries).toHaveLength(trace.entries.length);

    const replayed = await train(
      { ...config, evalNoiseOff: true, device: `replay:${file}` },
      { data },
    );
    expect(weights(replayed)).toEqual(weights(recorded));
    expect(metrics(replayed)).toEqual(metrics(recorded));

    // A replay that diverges says so instead of answering wrongly.
    await expect(train({ ...config, seed: 4, device: `replay:${file}` }, { data })).rejects.toThrow(
      /differs from the trace/,
    );
  });
});

/** Runs the CLI in-process; returns its exit code, stdout and stderr. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
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

const SMALL = [
  '--dataset',
  'synthetic:64',
  '--model-option',
  'hidden=[8]',
  '--epochs',
  '1',
  '--batch-size',
  '32',
  '--json',
];

describe('--record', () => {
  it('train --record writes a trace that --device replay: re-runs to the same result', async () => {
    const dir = await tmp('record-cli-');
    const file = join(dir, 'bench.trace.jsonl');
    const device = 'sim:paper?p=16&ep=0.5';
    const a = await cli(
      'train',
      ...SMALL,
      '--device',
      device,
      '--record',
      file,
      '--out',
      join(dir, 'a'),
    );
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect((await readTrace(file)).header.source).toBe(device);
    const b = await cli('train', ...SMALL, '--device', `replay:${file}`, '--out', join(dir, 'b'));
    expect(b.code).toBe(0);
    const end = (out: string): unknown => {
      const s = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
      delete s.runDir;
      return s;
    };
    expect(end(b.out)).toEqual(end(a.out));
  });

  it('compare --record writes one trace.jsonl per run directory', async () => {
    const dir = await tmp('record-cmp-');
    const r = await cli(
      'compare',
      ...SMALL,
      '--activations',
      'relu,gelu',
      '--out',
      dir,
      '--record',
    );
    expect(r.code).toBe(0);
    for (const run of ['relu-seed1', 'gelu-seed1']) {
      expect(await readdir(join(dir, run))).toContain('trace.jsonl');
      expect((await readTrace(join(dir, run, 'trace.jsonl'))).entries.length).toBeGreaterThan(0);
    }
  });
});
