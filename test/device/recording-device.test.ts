import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Device, DeviceInfo, Telemetry } from '../../src/device/device.js';
import { DeviceError } from '../../src/device/errors.js';
import { RecordingDevice } from '../../src/device/recording-device.js';
import { reportRequestId } from '../../src/device/request-id.js';
import { decodeFloats, readTrace } from '../../src/device/trace.js';
import { paperProfile } from '../../src/profile/index.js';
import { SimDevice } from '../../simulator/sim-device.js';

const tmpFile = async () => join(await mkdtemp(join(tmpdir(), 'rec-')), 'trace.jsonl');

describe('RecordingDevice', () => {
  it('passes products through unchanged and logs each call with inputs, outputs, ctx and seq', async () => {
    const profile = paperProfile({ p: 16, ep: 0.5, rows: 4, cols: 3, maxBatch: 8, seed: 5 });
    const plain = new SimDevice(profile);
    const file = await tmpFile();
    const rec = new RecordingDevice(new SimDevice(profile), file, { source: 'sim:test' });
    expect(rec.info()).toEqual(plain.info());
    const W = Float32Array.from({ length: 12 }, (_, i) => (i - 6) / 8);
    const X = Float32Array.from({ length: 6 }, (_, i) => (i - 3) / 4);
    await plain.program(0, W, 4, 3);
    await rec.program(0, W, 4, 3);
    const ctx = { draw: 3, rowOffset: 10 };
    const y = await rec.matmul(0, X, 2, ctx);
    expect(y).toEqual(await plain.matmul(0, X, 2, ctx));
    const y2 = await rec.matmul(0, X, 2);
    await expect(rec.matmul(9, X, 2)).rejects.toThrow(/never programmed/);
    await rec.close();

    const t = await readTrace(file);
    expect(t.header.source).toBe('sim:test');
    expect(t.header.info).toEqual(plain.info());
    expect(t.entries.map((e) => [e.seq, e.type, e.tile])).toEqual([
      [1, 'program', 0],
      [2, 'matmul', 0],
      [3, 'matmul', 0],
      [4, 'matmul', 9],
    ]);
    const [p, m1, m2, bad] = t.entries;
    expect(p).toMatchObject({ rows: 4, cols: 3 });
    expect(decodeFloats(p!.inputs)).toEqual(W);
    expect(m1).toMatchObject({ batch: 2, cols: 3, rows: 4, ctx });
    if (m1!.type !== 'matmul' || m2!.type !== 'matmul' || bad!.type !== 'matmul') throw new Error();
    expect(decodeFloats(m1.inputs)).toEqual(X);
    expect(decodeFloats(m1.outputs!)).toEqual(y);
    expect(m2.ctx).toBeNull();
    expect(decodeFloats(m2.outputs!)).toEqual(y2);
    expect(bad.error).toMatchObject({ name: 'DeviceError', code: 'not-programmed' });
    expect(bad.outputs).toBeUndefined();
    expect(t.entries.every((e) => e.requestIds === undefined)).toBe(true);
  });

  it('records the request ids a driver reports, per call even when calls overlap', async () => {
    const info = new SimDevice(paperProfile({ p: 0, ep: 0, rows: 2, cols: 2 })).info();
    let nextId = 100;
    // A fake link: assigns ids on entry, answers in reverse order of arrival.
    const waiting: (() => void)[] = [];
    const fake: Device = {
      info: (): DeviceInfo => info,
      telemetry$: new Subject<Telemetry>(),
      async program() {
        reportRequestId(nextId++);
      },
      async matmul(_tile, X) {
        const id = nextId++;
        reportRequestId(id);
        reportRequestId(id); // a retry reports the same id again
        void Promise.resolve().then(() => reportRequestId(id + 1000)); // a second chunk, later
        await new Promise<void>((r) => waiting.push(r));
        return Float32Array.from(X, () => id);
      },
      async close() {},
    };
    const file = await tmpFile();
    const rec = new RecordingDevice(fake, file);
    await rec.program(0, new Float32Array(4), 2, 2);
    const a = rec.matmul(0, new Float32Array(2), 1);
    const b = rec.matmul(0, new Float32Array(2), 1);
    await new Promise((r) => setImmediate(r));
    waiting[1]!();
    await b;
    waiting[0]!();
    await a;
    await rec.close();
    const t = await readTrace(file);
    expect(t.entries.map((e) => [e.seq, e.requestIds])).toEqual([
      [1, [100]],
      [2, [101, 1101]],
      [3, [102, 1102]],
    ]);
    const m = t.entries[1]!;
    if (m.type !== 'matmul') throw new Error();
    expect(Array.from(decodeFloats(m.outputs!))).toEqual([101, 101]);
  });

  it('rethrows the inner error unchanged', async () => {
    const inner = new SimDevice(paperProfile({ p: 0, ep: 0, rows: 2, cols: 2 }));
    const rec = new RecordingDevice(inner, await tmpFile());
    const err = await rec.program(0, new Float32Array(3), 2, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).code).toBe('bad-shape');
    await rec.close();
  });
});
