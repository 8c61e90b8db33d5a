import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../src/device/device.js';
import {
  decodeFloats,
  encodeFloats,
  parseTrace,
  readTrace,
  traceHeader,
  TraceWriter,
  type TraceEntry,
} from '../../src/device/trace.js';

const info: DeviceInfo = {
  kind: 'simulated',
  model: 'sim-test',
  firmware: 'x',
  serial: 's',
  rows: 4,
  cols: 3,
  inputBits: 4,
  outputBits: 4,
  weightBits: 4,
  inputRange: [-1, 1],
  outputRange: [-1, 1],
  weightRange: [-1, 1],
  maxBatch: 8,
  profileId: 'abc',
};

const entry = (seq: number): TraceEntry => ({
  type: 'matmul',
  seq,
  time: 1,
  durationMs: 0.5,
  tile: 0,
  batch: 1,
  cols: 3,
  rows: 4,
  ctx: { draw: seq, rowOffset: 0 },
  inputs: encodeFloats(new Float32Array([1, 2, 3])),
  outputs: encodeFloats(new Float32Array(4)),
});

describe('trace format', () => {
  it('round-trips float32 bit-exactly, including -0, NaN payloads, denormals and unaligned views', () => {
    const x = new Float32Array([0.1, -0, 1e-45, 3.4e38, -7.25, NaN, Infinity]);
    const y = decodeFloats(encodeFloats(x));
    expect(new Uint32Array(y.buffer)).toEqual(new Uint32Array(x.buffer));
    const buf = new ArrayBuffer(20);
    const view = new Float32Array(buf, 4, 3);
    view.set([1.5, 2.5, -3]);
    expect(Array.from(decodeFloats(encodeFloats(view)))).toEqual([1.5, 2.5, -3]);
    expect(() => decodeFloats('AAA=')).toThrow(/multiple of 4/);
  });

  it('writes a header and entries that read back sorted by seq', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'trace-')), 't.jsonl');
    const w = new TraceWriter(file, traceHeader(info, 'sim:test'));
    w.write(entry(2));
    w.write(entry(1));
    w.close();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'header', schema: 'analoop.trace/1' });
    const t = await readTrace(file);
    expect(t.header.info).toEqual(info);
    expect(t.header.source).toBe('sim:test');
    expect(t.entries.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('keeps the complete prefix when a killed session left a gap or a torn last line', () => {
    const text = [traceHeader(info), entry(1), entry(3)].map((o) => JSON.stringify(o)).join('\n');
    const t = parseTrace(text + '\n{"type":"matm');
    expect(t.entries.map((e) => e.seq)).toEqual([1]);
    expect(t.ignored).toBe(1);
  });

  it('names the file and line of a bad entry', () => {
    const text = [JSON.stringify(traceHeader(info)), '{"type":"matmul","seq":1}', '{}'].join('\n');
    expect(() => parseTrace(text, 'x.jsonl')).toThrow(/trace x\.jsonl, line 2: bad entry/);
    expect(() => parseTrace('not json\n{}', 'x.jsonl')).toThrow(/line 1: not JSON/);
    expect(() => parseTrace('{"type":"matmul"}', 'x.jsonl')).toThrow(/expected the header/);
    expect(() => parseTrace('', 'x.jsonl')).toThrow(/empty trace/);
  });
});
