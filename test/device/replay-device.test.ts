import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../../src/data/index.js';
import { DeviceError } from '../../src/device/errors.js';
import { RecordingDevice } from '../../src/device/recording-device.js';
import { openDevice } from '../../src/device/registry.js';
import { ReplayDevice, ReplayMismatchError } from '../../src/device/replay-device.js';
import { registerReplay } from '../../src/device/replay-register.js';
import { modelParams } from '../../src/nn/model.js';
import { paperProfile } from '../../src/profile/index.js';
import type { TrainConfigInput } from '../../src/train/config.js';
import { train } from '../../src/train/trainer.js';
import { registerSimulator } from '../../simulator/register.js';
import { SimDevice } from '../../simulator/sim-device.js';

const tmpFile = async () => join(await mkdtemp(join(tmpdir(), 'replay-')), 'trace.jsonl');

const data = makeSynthetic({ n: 96, testN: 32, shape: [1, 6, 6], classes: 4 });
const config: TrainConfigInput = {
  model: 'mlp',
  modelOptions: { hidden: [12] },
  dataset: 'synthetic',
  device: 'sim:paper?p=16&ep=0.5&rows=16&cols=16&maxBatch=16',
  activation: 'gelu',
  epochs: 1,
  batchSize: 16,
  seed: 3,
};
const weights = (r: Awaited<ReturnType<typeof train>>) =>
  modelParams(r.model).map((p) =>
    Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength).toString('hex'),
  );

beforeAll(() => {
  registerSimulator();
  registerReplay();
});

describe('ReplayDevice', () => {
  it.each([
    ['mlp', { hidden: [12] }],
    ['convnet', { convLayers: 1, linearLayers: 1 }],
  ])(
    're-runs a recorded %s training session bit-exactly (tiled, pipelined products)',
    async (model, modelOptions) => {
      const cfg = { ...config, model, modelOptions };
      const file = await tmpFile();
      let recorder: RecordingDevice | undefined;
      const recorded = await train(cfg, {
        data,
        openDevice: async (uri) =>
          (recorder = new RecordingDevice(await openDevice(uri), file, { source: uri })),
      });
      expect(recorder!.calls).toBeGreaterThan(20);
      let replay: ReplayDevice | undefined;
      const replayed = await train(cfg, {
        data,
        openDevice: async () => (replay = (await openDevice(`replay:${file}`)) as ReplayDevice),
      });
      expect(weights(replayed)).toEqual(weights(recorded));
      const metrics = (h: typeof recorded.history) => h.map(({ seconds: _, ...m }) => m);
      expect(metrics(replayed.history)).toEqual(metrics(recorded.history));
      expect(replay!.position.answered).toBe(replay!.position.total);
      expect(replay!.info()).toEqual(recorder!.info());
    },
  );

  it('rejects a session that diverges from the trace (another seed) at the first differing call', async () => {
    const file = await tmpFile();
    await train(config, {
      data,
      openDevice: async (uri) => new RecordingDevice(await openDevice(uri), file),
    });
    const err = await train(
      { ...config, seed: 4 },
      { data, openDevice: () => openDevice(`replay:${file}`) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReplayMismatchError);
    expect((err as Error).message).toMatch(
      /call 1 \(program tile \d+, \d+x\d+\) differs from the trace in its inputs/,
    );
  });

  it('answers a hand-written sequence and names the call and field that diverged', async () => {
    const profile = paperProfile({ p: 16, ep: 0.5, rows: 3, cols: 4, maxBatch: 4, seed: 9 });
    const file = await tmpFile();
    const rec = new RecordingDevice(new SimDevice(profile), file);
    const W = Float32Array.from({ length: 12 }, (_, i) => Math.sin(i));
    const X = Float32Array.from({ length: 8 }, (_, i) => Math.cos(i) / 2);
    await rec.program(1, W, 3, 4);
    const y1 = await rec.matmul(1, X, 2, { draw: 0, rowOffset: 0 });
    const y2 = await rec.matmul(1, X, 2, { draw: 1, rowOffset: 0 });
    await rec.close();

    const ok = await ReplayDevice.open(file);
    await ok.program(1, W, 3, 4);
    expect(await ok.matmul(1, X, 2, { draw: 0, rowOffset: 0 })).toEqual(y1);
    expect(await ok.matmul(1, X, 2, { draw: 1, rowOffset: 0 })).toEqual(y2);
    await expect(ok.matmul(1, X, 2)).rejects.toThrow(
      /call 4 .* past the end of the trace, which holds 3 calls/,
    );

    const fail = async (f: (d: ReplayDevice) => Promise<unknown>) => {
      const d = await ReplayDevice.open(file);
      const err = await f(d).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ReplayMismatchError);
      return err as ReplayMismatchError;
    };
    const X2 = Float32Array.from(X);
    X2[5] = Math.fround(X2[5]! + 1e-7);
    let e = await fail(async (d) => {
      await d.program(1, W, 3, 4);
      await d.matmul(1, X2, 2, { draw: 0, rowOffset: 0 });
    });
    expect(e.call).toBe(2);
    expect(e.field).toBe('inputs');
    expect(e.message).toMatch(
      /call 2 \(matmul tile 1, batch 2\) differs from the trace in its inputs: first difference at index 5/,
    );

    e = await fail((d) => d.program(2, W, 3, 4));
    expect([e.call, e.field]).toEqual([1, 'tile']);
    expect(e.message).toMatch(/in tile: recorded 1, got 2/);
    e = await fail((d) => d.matmul(1, X, 2));
    expect([e.call, e.field]).toEqual([1, 'kind']);
    expect(e.message).toMatch(/call 1 is matmul tile 1, batch 2, but the trace recorded a program/);
    e = await fail(async (d) => {
      await d.program(1, W, 3, 4);
      await d.matmul(1, X, 2, { draw: 7, rowOffset: 0 });
    });
    expect([e.call, e.field]).toEqual([2, 'ctx.draw']);
    e = await fail((d) => d.program(1, W.subarray(0, 8), 2, 4));
    expect(e.field).toBe('rows');
  });

  it('fails a recorded failure again, with its device error code', async () => {
    const profile = paperProfile({ p: 0, ep: 0, rows: 2, cols: 2, maxBatch: 2 });
    const file = await tmpFile();
    const rec = new RecordingDevice(new SimDevice(profile), file);
    await rec.matmul(0, new Float32Array(2), 1).catch(() => undefined);
    await rec.close();
    const d = await ReplayDevice.open(file);
    const err = await d.matmul(0, new Float32Array(2), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).code).toBe('not-programmed');
    expect((err as Error).message).toMatch(/recorded failure, trace call 1/);
  });

  it('the replay: URI names a missing trace clearly', async () => {
    await expect(openDevice('replay:')).rejects.toThrow(/name the trace file/);
    await expect(openDevice('replay:/nonexistent/t.jsonl')).rejects.toThrow(
      /cannot read trace \/nonexistent\/t\.jsonl/,
    );
    await expect(openDevice('replay:x.jsonl?speed=2')).rejects.toThrow(/unknown parameter "speed"/);
  });
});
