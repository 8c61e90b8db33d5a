import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { paperProfile } from '../../src/profile/index.js';
import { resolveNoise } from '../../src/noise/index.js';
import { makeSynthetic } from '../../src/data/index.js';
import { firstGradientLayer, modelParams } from '../../src/nn/model.js';
import { train, TrainingInterrupted } from '../../src/train/trainer.js';
import { jsKernels } from '../../src/compute/js-kernels.js';
import type { TrainConfigInput } from '../../src/train/config.js';
import { registerSimulator } from '../../simulator/register.js';

// A small learnable task keeps each run under a second while exercising the whole loop.
const data = makeSynthetic({ n: 384, testN: 128, shape: [1, 6, 6], classes: 4 });

const base: TrainConfigInput = {
  model: 'mlp',
  modelOptions: { hidden: [24, 12] },
  dataset: 'synthetic',
  device: 'sim:paper?p=16&ep=0.5',
  activation: 'gelu',
  epochs: 4,
  batchSize: 32,
  seed: 7,
};

const weights = (r: Awaited<ReturnType<typeof train>>) =>
  modelParams(r.model).map((p) => Array.from(p.value));

beforeAll(() => registerSimulator());

describe('train', () => {
  it('learns the synthetic task on the noisy paper device, and records max test accuracy', async () => {
    const r = await train(base, { data });
    expect(r.history).toHaveLength(4);
    expect(r.summary.maxTestAccuracy).toBe(Math.max(...r.history.map((h) => h.testAccuracy)));
    // Chance is 25%; the blobs are easy even under p=16, EP=0.5 noise.
    expect(r.summary.maxTestAccuracy).toBeGreaterThan(0.6);
    expect(r.history.at(-1)!.trainLoss).toBeLessThan(r.history[0].trainLoss);
  });

  it('is reproducible: the same seed gives bit-identical weights, another seed does not', async () => {
    const a = await train({ ...base, epochs: 1 }, { data });
    const b = await train({ ...base, epochs: 1 }, { data });
    const c = await train({ ...base, epochs: 1, seed: 8 }, { data });
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
    // Training skips the first layer's input gradient; the model handed back computes it again.
    expect(firstGradientLayer(a.model.net)?.inputGradNeeded).not.toBe(false);
  });

  it('writes manifest, metrics lines and a checkpoint; --resume after an interruption reaches the same weights', async () => {
    const full = await train(base, { data });

    const dir = await mkdtemp(join(tmpdir(), 'analoop-run-'));
    const ctl = new AbortController();
    // Kill the run in the middle of epoch 3 (after 2 full epochs were checkpointed).
    const batchesPerEpoch = 384 / 32;
    let seen = 0;
    await expect(
      train(base, {
        data,
        runDir: dir,
        signal: ctl.signal,
        onProgress: (e) => {
          if (e.event === 'batch' && ++seen === 2 * batchesPerEpoch + 5) ctl.abort();
        },
      }),
    ).rejects.toThrow(TrainingInterrupted);

    const resumed = await train(base, { data, runDir: dir, resume: true });
    expect(weights(resumed)).toEqual(weights(full));
    expect(resumed.history.map((h) => h.testAccuracy)).toEqual(
      full.history.map((h) => h.testAccuracy),
    );

    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.config.seed).toBe(7);
    expect(manifest.device.kind).toBe('simulated');
    expect(manifest.calibrationProfileId).toMatch(/^[0-9a-f]{16}$/);
    expect(manifest.model.layers.map((l: { analog: boolean }) => l.analog)).toEqual([
      true,
      true,
      true,
    ]);
    expect(manifest.resumed).toHaveLength(1);
    const lines = (await readFile(join(dir, 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual([
      'start',
      'epoch',
      'epoch',
      'resume',
      'epoch',
      'epoch',
      'end',
    ]);
    expect(lines.filter((l) => l.event === 'epoch').map((l) => l.epoch)).toEqual([1, 2, 3, 4]);
  });

  it('a resume on another compute build warns and goes on; the same build is silent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-build-'));
    // The js reference with a build label stands in for two machines' OpenBLAS kernels.
    const kernelsOn = (core: string) => ({ ...jsKernels, build: () => `test BLAS; core ${core}` });
    const short = { ...base, epochs: 1 };
    await train(short, { data, runDir: dir, kernels: kernelsOn('Zen') });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.kernelsBuild).toBe('test BLAS; core Zen');

    const same: string[] = [];
    await train(
      { ...short, epochs: 2 },
      { data, runDir: dir, resume: true, kernels: kernelsOn('Zen'), log: (l) => same.push(l) },
    );
    expect(same).toEqual([]);

    const other: string[] = [];
    const r = await train(
      { ...short, epochs: 3 },
      {
        data,
        runDir: dir,
        resume: true,
        kernels: kernelsOn('Cooperlake'),
        log: (l) => other.push(l),
      },
    );
    expect(r.history).toHaveLength(3);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatch(
      /computed with test BLAS; core Zen.*resumes with test BLAS; core Cooperlake/,
    );
    const resumes = (await readFile(join(dir, 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.event === 'resume');
    expect(resumes.map((l) => l.kernelsBuild)).toEqual([
      'test BLAS; core Zen',
      'test BLAS; core Cooperlake',
    ]);
  });

  it.each([
    ['mlp', {}],
    ['convnet', { model: 'convnet', modelOptions: { convLayers: 1, linearLayers: 1 } }],
  ] as const)(
    '--resume reaches the same weights with programming noise too (%s)',
    async (_, model) => {
      const dir = await mkdtemp(join(tmpdir(), 'analoop-prog-'));
      const file = join(dir, 'programming.json');
      const profile = paperProfile({ p: 16, ep: 0.5 });
      const programming = { model: 'gaussian', scale: 0.05 } as const;
      await writeFile(
        file,
        JSON.stringify({ ...profile, noise: { ...profile.noise, programming } }),
      );
      const config = { ...base, ...model, device: `sim:${file}`, epochs: 2 };
      const full = await train(config, { data });
      // Without the programming noise the run differs: the noise is really there.
      const noiseFree = await train({ ...config, device: base.device }, { data });
      expect(weights(noiseFree)).not.toEqual(weights(full));

      const runDir = join(dir, 'run');
      const ctl = new AbortController();
      let seen = 0;
      await expect(
        train(config, {
          data,
          runDir,
          signal: ctl.signal,
          onProgress: (e) => {
            if (e.event === 'batch' && ++seen === 384 / 32 + 3) ctl.abort();
          },
        }),
      ).rejects.toThrow(TrainingInterrupted);
      const resumed = await train(config, { data, runDir, resume: true });
      expect(weights(resumed)).toEqual(weights(full));
    },
  );

  it('sees an abort fired from a timer (as Ctrl-C is) between batches, not only at the end', async () => {
    // The device is in-process, so nothing in a step waits on I/O: the abort below can only run
    // if the trainer turns the event loop by itself.
    const ctl = new AbortController();
    let batches = 0;
    const epochs = 400;
    const run = train(
      { ...base, epochs },
      {
        data,
        signal: ctl.signal,
        onProgress: (e) => {
          if (e.event === 'batch' && ++batches === 1) setTimeout(() => ctl.abort(), 0);
        },
      },
    );
    await expect(run).rejects.toThrow(/interrupted in epoch \d+; nothing was saved/);
    expect(batches).toBeLessThan((epochs * 384) / 32);
  });

  it('refuses to resume with a different configuration, and to overwrite a run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-run-'));
    await train({ ...base, epochs: 1 }, { data, runDir: dir });
    await expect(train({ ...base, epochs: 1 }, { data, runDir: dir })).rejects.toThrow(
      /already holds a run.*--resume/,
    );
    await expect(
      train({ ...base, epochs: 2, lr: 0.01 }, { data, runDir: dir, resume: true }),
    ).rejects.toThrow(/different configuration/);
    // Growing --epochs is allowed.
    const more = await train({ ...base, epochs: 2 }, { data, runDir: dir, resume: true });
    expect(more.history).toHaveLength(2);
  });

  it('reports a corrupted checkpoint by file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-run-'));
    await train({ ...base, epochs: 1 }, { data, runDir: dir });
    await writeFile(join(dir, 'checkpoint.json'), '{"format": "analoop-checkpoint/1", "par');
    await expect(
      train({ ...base, epochs: 2 }, { data, runDir: dir, resume: true }),
    ).rejects.toThrow(/checkpoint\.json: not valid JSON/);
  });

  it('evaluates with noise off on the ideal device when asked, and stops early on patience', async () => {
    const r = await train(
      { ...base, epochs: 6, evalNoiseOff: true, patience: 1, lr: 0.05 },
      { data },
    );
    for (const h of r.history) {
      expect(h.testAccuracyNoiseOff).toBeGreaterThanOrEqual(0);
      expect(h.testAccuracyNoiseOff).toBeLessThanOrEqual(1);
    }
    // Patience 1: the run stops at the first epoch that does not beat every earlier one.
    const acc = r.history.map((h) => h.testAccuracy);
    const firstStall = acc.findIndex((a, i) => i > 0 && a <= Math.max(...acc.slice(0, i)));
    if (firstStall === -1) {
      expect(r.history).toHaveLength(6);
      expect(r.summary.stoppedEarly).toBeNull();
    } else {
      expect(r.history).toHaveLength(firstStall + 1);
      expect(r.summary.stoppedEarly).toMatch(/no test-accuracy gain for 1 epochs/);
    }
  });

  it('names every bad config field', async () => {
    await expect(
      train({ ...base, epochs: 0, batchSize: -1 } as TrainConfigInput, { data }),
    ).rejects.toThrow(/epochs[\s\S]*batchSize/);
    await expect(train({ ...base, activation: 'relu-gelu:2' }, { data })).rejects.toThrow(
      /relu-gelu/,
    );
    await expect(train({ ...base, device: 'sim:paper?p=16&ep=1.5' }, { data })).rejects.toThrow(
      /ep/,
    );
  });

  it('--monitor warns when the device drifts from the calibration profile, and stays quiet when it matches', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-mon-'));
    const matching = join(dir, 'match.json');
    const wrong = join(dir, 'wrong.json');
    const profile = paperProfile({ p: 16, ep: 0.5 });
    await writeFile(matching, JSON.stringify(profile));
    await writeFile(
      wrong,
      JSON.stringify({ ...profile, channels: { ...profile.channels, gain: 1.5 } }),
    );
    // The device is 1.5x noisier than this profile says (every noise block's scale / 1.5).
    const quiet15 = join(dir, 'quiet.json');
    const scale = resolveNoise({ model: 'gaussian', ep: 0.5, p: 16 }).scale / 1.5;
    const block = { model: 'gaussian', scale } as const;
    await writeFile(
      quiet15,
      JSON.stringify({
        ...profile,
        noise: { ...profile.noise, weight: block, input: block, read: block },
      }),
    );
    const run = async (file: string) => {
      let err = '';
      const spy = vi
        .spyOn(process.stderr, 'write')
        .mockImplementation((t) => ((err += String(t)), true));
      try {
        await train({ ...base, epochs: 1 }, { data, monitor: { profile: file, fraction: 1 } });
      } finally {
        spy.mockRestore();
      }
      return err;
    };
    expect(await run(wrong)).toMatch(/gain off by -\d.*recalibrat/i);
    expect(await run(quiet15)).toMatch(/noise \d\.\d+x the profile's.*recalibrat/i);
    const quiet = await run(matching);
    expect(quiet, quiet).not.toMatch(/recalibrat/i);
  });
});
