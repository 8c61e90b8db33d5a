import { describe, expect, it } from 'vitest';
import type { Device, ProductContext, TileId } from '../../src/device/device.js';
import { DeviceError } from '../../src/device/errors.js';
import { getTileAllocator, TileAllocator, TiledMatrix } from '../../src/device/tiling.js';
import { IdealDevice } from '../../simulator/ideal-device.js';
import { rand } from '../helpers/rand.js';

function randomArray(n: number, r: () => number): Float32Array {
  return Float32Array.from({ length: n }, () => r() * 2 - 1);
}

/** The reference: Y[b][o] = sum_c X[b][c] W[o][c], straight triple loop in float64. */
function direct(
  W: Float32Array,
  X: Float32Array,
  rows: number,
  cols: number,
  batch: number,
): Float64Array {
  const Y = new Float64Array(batch * rows);
  for (let b = 0; b < batch; b++)
    for (let o = 0; o < rows; o++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += X[b * cols + c]! * W[o * cols + c]!;
      Y[b * rows + o] = s;
    }
  return Y;
}

/** A device wrapper that records every call (to check tiling and contexts). */
class Recorder implements Device {
  calls: { tile: TileId; batch: number; ctx?: ProductContext; xlen: number }[] = [];
  programs: { tile: TileId; rows: number; cols: number }[] = [];
  constructor(
    readonly inner: Device,
    readonly post: (y: Float32Array) => Float32Array = (y) => y,
  ) {}
  get telemetry$() {
    return this.inner.telemetry$;
  }
  info() {
    return this.inner.info();
  }
  async program(tile: TileId, W: Float32Array, rows: number, cols: number) {
    this.programs.push({ tile, rows, cols });
    return this.inner.program(tile, W, rows, cols);
  }
  async matmul(tile: TileId, X: Float32Array, batch: number, ctx?: ProductContext) {
    this.calls.push({ tile, batch, xlen: X.length, ...(ctx ? { ctx: { ...ctx } } : {}) });
    return this.post(await this.inner.matmul(tile, X, batch, ctx));
  }
  close() {
    return this.inner.close();
  }
}

describe('TiledMatrix on a 3 x 5 ideal array with maxBatch 4', () => {
  const shapes: [rows: number, cols: number, batch: number][] = [
    [1, 1, 1],
    [3, 5, 4],
    [7, 12, 10],
    [10, 1, 9],
    [1, 11, 5],
    [6, 10, 8],
    [13, 17, 0],
    [13, 17, 13],
  ];
  for (const [rows, cols, batch] of shapes) {
    it(`equals the direct product for ${rows} x ${cols}, batch ${batch}`, async () => {
      const device = new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 });
      const r = rand(rows * 1000 + cols * 10 + batch);
      const W = randomArray(rows * cols, r);
      const X = randomArray(batch * cols, r);
      const m = new TiledMatrix(device, getTileAllocator(device), rows, cols);
      expect(m.tileCount).toBe(Math.ceil(rows / 3) * Math.ceil(cols / 5));
      await m.program(W);
      const Y = await m.matmul(X, batch, { draw: 0, rowOffset: 0 });
      const ref = direct(W, X, rows, cols, batch);
      expect(Y.length).toBe(batch * rows);
      for (let i = 0; i < ref.length; i++)
        expect(Math.abs(Y[i]! - ref[i]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(ref[i]!)));
      await device.close();
    });
  }

  it('a matrix that fits one tile is bit-identical to the device product', async () => {
    const device = new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 });
    const r = rand(1);
    const W = randomArray(15, r);
    const X = randomArray(4 * 5, r);
    const m = new TiledMatrix(device, new TileAllocator(device), 3, 5);
    await m.program(W);
    await device.program(99, W, 3, 5);
    expect(await m.matmul(X, 4)).toEqual(await device.matmul(99, X, 4));
  });

  it('one tile: hands on the device output of one chunk, and copies several chunks in', async () => {
    const outputs: Float32Array[] = [];
    const device = new Recorder(new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 }), (y) => {
      outputs.push(y);
      return y;
    });
    const r = rand(2);
    const W = randomArray(15, r);
    const m = new TiledMatrix(device, new TileAllocator(device), 3, 5);
    await m.program(W);
    const X = randomArray(4 * 5, r);
    const a = await m.matmul(X, 4);
    const b = await m.matmul(X, 4);
    // The device's fresh arrays, one per call: a caller keeping `a` is never overwritten.
    expect(a).toBe(outputs[0]);
    expect(b).toBe(outputs[1]);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    // Several chunks: the parts copied into one array, bit-identical to the direct product's
    // float32 rounding of each chunk.
    const X9 = randomArray(9 * 5, r);
    const y = await m.matmul(X9, 9);
    expect(outputs.slice(2).map((p) => p.length)).toEqual([12, 12, 3]);
    expect(y).toEqual(Float32Array.from([...outputs[2]!, ...outputs[3]!, ...outputs[4]!]));
    expect(await m.matmul(new Float32Array(0), 0)).toEqual(new Float32Array(0));
    // program() passes W itself to the device when one tile holds it: the device copies it.
    W[0] = 5;
    expect(await m.matmul(X, 4)).toEqual(a);
  });

  it('ctx.out: filled whether the device writes into it or returns arrays of its own', async () => {
    const r = rand(3);
    const W = randomArray(15, r);
    const X9 = randomArray(9 * 5, r);
    const ideal = new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 });
    const m = new TiledMatrix(ideal, new TileAllocator(ideal), 3, 5);
    await m.program(W);
    const fresh = await m.matmul(X9, 9, { draw: 0, rowOffset: 0 });
    // A device that ignores ctx.out (as a board's driver does): its chunks are copied in.
    const own = new Recorder(new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 }), (y) => y.slice());
    const m2 = new TiledMatrix(own, new TileAllocator(own), 3, 5);
    await m2.program(W);
    for (const matrix of [m, m2]) {
      const out = new Float32Array(9 * 3).fill(NaN);
      const y = await matrix.matmul(X9, 9, { draw: 0, rowOffset: 0, out });
      expect(y).toBe(out);
      expect(y).toEqual(fresh);
    }
    // Each chunk was asked into its own rows of out.
    expect(own.calls.map((c) => c.ctx?.out?.length)).toEqual([12, 12, 3]);
  });

  it('cuts W into row and column tiles and batches into chunks with shifted rowOffset', async () => {
    const rec = new Recorder(new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 }));
    const m = new TiledMatrix(rec, getTileAllocator(rec), 7, 12);
    await m.program(new Float32Array(7 * 12));
    expect(rec.programs.map((p) => [p.rows, p.cols])).toEqual([
      [3, 5],
      [3, 5],
      [3, 2],
      [3, 5],
      [3, 5],
      [3, 2],
      [1, 5],
      [1, 5],
      [1, 2],
    ]);
    expect(new Set(rec.programs.map((p) => p.tile)).size).toBe(9);
    await m.matmul(new Float32Array(10 * 12), 10, { draw: 5, rowOffset: 100 });
    // 3 chunks (4, 4, 2) x 9 tiles.
    expect(rec.calls.length).toBe(27);
    const chunks = [...new Set(rec.calls.map((c) => `${c.batch}@${c.ctx!.rowOffset}`))];
    expect(chunks).toEqual(['4@100', '4@104', '2@108']);
    expect(rec.calls.every((c) => c.ctx!.draw === 5)).toBe(true);
    expect(
      rec.calls.every(
        (c) => c.xlen === c.batch * rec.programs.find((p) => p.tile === c.tile)!.cols,
      ),
    ).toBe(true);
  });

  it('without a context each call is a fresh draw with rowOffset 0', async () => {
    const rec = new Recorder(new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 }));
    const m = new TiledMatrix(rec, getTileAllocator(rec), 2, 2);
    await m.program(new Float32Array(4));
    await m.matmul(new Float32Array(2 * 6), 6);
    await m.matmul(new Float32Array(2 * 6), 6);
    // One tile, two chunks: each chunk is asked into its rows of the result (ctx.out).
    const out = expect.any(Float32Array);
    expect(rec.calls.map((c) => c.ctx)).toEqual([
      { draw: 0, rowOffset: 0, out },
      { draw: 0, rowOffset: 4, out },
      { draw: 1, rowOffset: 0, out },
      { draw: 1, rowOffset: 4, out },
    ]);
  });

  it('adds column-tile partial sums after each tile output conversion, like a board', async () => {
    // An "ADC" that rounds each tile's output to an integer: the tiled result is the sum of
    // rounded partials, not the rounded total.
    const rec = new Recorder(new IdealDevice({ rows: 1, cols: 2, maxBatch: 8 }), (y) =>
      y.map(Math.round),
    );
    const m = new TiledMatrix(rec, getTileAllocator(rec), 1, 4);
    await m.program(Float32Array.from([1, 1, 1, 1]));
    const Y = await m.matmul(Float32Array.from([0.3, 0.3, 0.3, 0.3]), 1);
    // Two tiles of 2 columns: round(0.6) + round(0.6) = 2, whereas round(1.2) would be 1.
    expect(Y[0]).toBe(2);
  });

  it('shares one allocator per device', () => {
    const a = new IdealDevice();
    const b = new IdealDevice();
    expect(getTileAllocator(a)).toBe(getTileAllocator(a));
    expect(getTileAllocator(a)).not.toBe(getTileAllocator(b));
    const m1 = new TiledMatrix(a, getTileAllocator(a), 3, 3);
    const m2 = new TiledMatrix(a, getTileAllocator(a), 3, 3);
    expect(m1.tiles[0]![0]).not.toBe(m2.tiles[0]![0]);
    expect(getTileAllocator(a).count).toBe(2);
  });

  it('reports shape errors and use before program', async () => {
    const d = new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 });
    expect(() => new TiledMatrix(d, getTileAllocator(d), 0, 3)).toThrow(DeviceError);
    const m = new TiledMatrix(d, getTileAllocator(d), 2, 3);
    await expect(m.matmul(new Float32Array(3), 1)).rejects.toMatchObject({
      code: 'not-programmed',
    });
    await expect(m.program(new Float32Array(5))).rejects.toMatchObject({ code: 'bad-shape' });
    await m.program(new Float32Array(6));
    await expect(m.matmul(new Float32Array(4), 1)).rejects.toMatchObject({ code: 'bad-shape' });
  });
});

describe('TiledMatrix and ProductContext.inputSource', () => {
  /** An ideal array that declares per-source input conversion, recording each call's map. */
  class PerSource extends Recorder {
    maps: (Int32Array | undefined)[] = [];
    constructor(conversion: 'per-source' | 'per-element') {
      super(new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 }));
      this.info = () => ({ ...this.inner.info(), inputConversion: conversion });
    }
    override async matmul(tile: TileId, X: Float32Array, batch: number, ctx?: ProductContext) {
      this.maps.push(ctx?.inputSource?.slice());
      return super.matmul(tile, X, batch, ctx);
    }
  }
  const rows = 7;
  const cols = 12;
  const batch = 10;
  /** A map that is not the identity: element i is source 3i + 1, every 7th a padding zero. */
  const map = Int32Array.from({ length: batch * cols }, (_, i) => (i % 7 === 3 ? -1 : 3 * i + 1));

  /** Which column block a recorded call's tile belongs to. */
  const colBlockOf = (m: TiledMatrix, tile: TileId) => {
    for (const row of m.tiles) {
      const j = row.indexOf(tile);
      if (j >= 0) return m.colBlocks[j]!;
    }
    throw new Error(`unknown tile ${tile}`);
  };

  it('cuts the map like X (batch chunks and column blocks) and shares the first tile', async () => {
    const rec = new PerSource('per-source');
    const m = new TiledMatrix(rec, getTileAllocator(rec), rows, cols);
    await m.program(new Float32Array(rows * cols));
    await m.matmul(new Float32Array(batch * cols), batch, {
      draw: 2,
      rowOffset: 100,
      inputSource: map,
      sourceOffset: 5000,
    });
    expect(rec.calls.length).toBe(27);
    rec.calls.forEach((c, k) => {
      const cb = colBlockOf(m, c.tile);
      const start = c.ctx!.rowOffset - 100;
      const expected = new Int32Array(c.batch * cb.size);
      for (let b = 0; b < c.batch; b++)
        for (let j = 0; j < cb.size; j++)
          expected[b * cb.size + j] = map[(start + b) * cols + cb.start + j]!;
      expect(rec.maps[k]).toEqual(expected);
      expect(c.ctx!.sourceOffset).toBe(5000);
      expect(c.ctx!.sourceTile).toBe(m.tiles[0]![0]);
    });
  });

  it('without a map on a per-source device, builds the identity map of the global columns', async () => {
    const rec = new PerSource('per-source');
    const m = new TiledMatrix(rec, getTileAllocator(rec), rows, cols);
    await m.program(new Float32Array(rows * cols));
    await m.matmul(new Float32Array(batch * cols), batch, { draw: 0, rowOffset: 100 });
    rec.calls.forEach((c, k) => {
      const cb = colBlockOf(m, c.tile);
      const src = rec.maps[k]!;
      for (let b = 0; b < c.batch; b++)
        for (let j = 0; j < cb.size; j++)
          expect(c.ctx!.sourceOffset! + src[b * cb.size + j]!).toBe(
            (c.ctx!.rowOffset + b) * cols + cb.start + j,
          );
    });
  });

  it('passes no map to a per-element device, and checks the map length', async () => {
    const rec = new PerSource('per-element');
    const m = new TiledMatrix(rec, getTileAllocator(rec), rows, cols);
    await m.program(new Float32Array(rows * cols));
    await m.matmul(new Float32Array(batch * cols), batch, {
      draw: 0,
      rowOffset: 0,
      inputSource: map,
    });
    expect(rec.calls.every((c) => Object.keys(c.ctx!).sort().join() === 'draw,rowOffset')).toBe(
      true,
    );
    await expect(
      m.matmul(new Float32Array(batch * cols), batch, {
        draw: 0,
        rowOffset: 0,
        inputSource: map.subarray(1),
      }),
    ).rejects.toMatchObject({ code: 'bad-shape' });
  });
});
