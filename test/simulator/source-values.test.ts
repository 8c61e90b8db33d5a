import { beforeAll, describe, expect, it } from 'vitest';
import type { Device, ProductContext, TileId } from '../../src/device/device.js';
import { getTileAllocator, TiledMatrix } from '../../src/device/tiling.js';
import { openDevice } from '../../src/device/registry.js';
import { makeSynthetic } from '../../src/data/index.js';
import { Conv2d } from '../../src/nn/layers/conv2d.js';
import { im2row } from '../../src/compute/im2col.js';
import { modelParams } from '../../src/nn/model.js';
import { paperProfile, type Profile } from '../../src/profile/index.js';
import { train } from '../../src/train/trainer.js';
import type { TrainConfigInput } from '../../src/train/config.js';
import { registerSimulator } from '../../simulator/register.js';
import { SimDevice, type SimDeviceOptions } from '../../simulator/sim-device.js';
import { ctx, runtime } from '../nn/layers/helpers.js';
import { rand } from '../helpers/rand.js';

/**
 * ProductContext.sourceValues: a per-source device converting the sources it is handed must give
 * exactly the products of the gather path (the same map without the values), bit for bit.
 */

/** Delegates everything to `inner`; subclasses change matmul. */
class PassThrough implements Device {
  constructor(readonly inner: Device) {}
  get telemetry$() {
    return this.inner.telemetry$;
  }
  info() {
    return this.inner.info();
  }
  program(...a: Parameters<Device['program']>) {
    return this.inner.program(...a);
  }
  matmul(tile: TileId, X: Float32Array, batch: number, ctx?: ProductContext) {
    return this.inner.matmul(tile, X, batch, ctx);
  }
  close() {
    return this.inner.close();
  }
}

/**
 * The same device without sourceValues (and sourceRows): the gather path, for comparison; with
 * `only: 'rows'`, without sourceRows alone: the scatter through the map.
 */
class StripValues extends PassThrough {
  calls = 0;
  constructor(
    inner: Device,
    readonly only?: 'rows',
  ) {
    super(inner);
  }
  override matmul(tile: TileId, X: Float32Array, batch: number, ctx?: ProductContext) {
    if (ctx?.sourceValues) {
      this.calls++;
      const rest = { ...ctx };
      if (this.only !== 'rows') delete rest.sourceValues;
      delete rest.sourceRows;
      return this.inner.matmul(tile, X, batch, rest);
    }
    return this.inner.matmul(tile, X, batch, ctx);
  }
}

/** The paper preset with every noise on, inputs p = 16 (values off the grid get quantised). */
function paper(over: { maxBatch?: number; rows?: number; cols?: number } = {}): Profile {
  return paperProfile({ p: 16, ep: 0.5, seed: 9, ...over });
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** X (batch x cols) of copies of `values` through a random map with ~10% structural zeros. */
function copies(batch: number, cols: number, nSources: number, seed: number, span = nSources) {
  const r = rand(seed);
  // Off-grid values, some outside the DAC range (clamped), a -0 and a 0.
  const values = Float32Array.from({ length: nSources }, () => (r() - 0.5) * 2.6);
  values[0] = -0;
  const lo = Math.floor((nSources - span) / 2);
  const map = Int32Array.from({ length: batch * cols }, () =>
    r() < 0.1 ? -1 : lo + Math.floor(r() * span),
  );
  const X = Float32Array.from(map, (s) => (s < 0 ? 0 : values[s]!));
  return { values, map, X };
}

describe('ProductContext.sourceValues on the simulator', () => {
  const cases: { name: string; opts: SimDeviceOptions; input?: 'poisson' }[] = [
    { name: 'gemm', opts: {} },
    { name: 'float64 product', opts: { product: 'float64' } },
    { name: 'JS chains', opts: { chains: 'fused-js' } },
    { name: 'Poisson input noise', opts: {}, input: 'poisson' },
  ];
  for (const c of cases) {
    it(`single tile, bit-identical with and without the values (${c.name})`, async () => {
      const cols = 24;
      const rows = 10;
      let pr = paper({ rows: 16, cols: 32 });
      if (c.input) pr = { ...pr, noise: { ...pr.noise, input: { model: 'poisson', scale: 0.01 } } };
      const a = new SimDevice(pr, { ...c.opts, checkSourceValues: true });
      const b = new SimDevice(pr, c.opts);
      const r = rand(1);
      const W = Float32Array.from({ length: rows * cols }, () => r() - 0.5);
      await a.program(3, W, rows, cols);
      await b.program(3, W, rows, cols);
      // Small (JS loops) and large (native loops) calls, a narrow span inside many sources
      // (prepare converts only part), large offsets, and a map of padding only.
      for (const [batch, nSources, span, rowOffset, sourceOffset] of [
        [7, 50, 50, 0, 0],
        [300, 4000, 4000, 123_456_789, 2 ** 40 + 17],
        [1000, 100_000, 3000, 5, 999],
      ] as const) {
        const { values, map, X } = copies(batch, cols, nSources, batch, span);
        const pc = { draw: 4, rowOffset, sourceOffset, inputSource: map, sourceTile: 1 };
        const gathered = await b.matmul(3, X, batch, pc);
        const direct = await a.matmul(3, X, batch, { ...pc, sourceValues: values });
        expect(bits(direct)).toEqual(bits(gathered));
      }
      // Rows moving up (then down) the sources, as a conv's do: the product's chunks touch
      // ranges above (below) the ones converted before, which prepare extends.
      for (const dir of [1, -1]) {
        const batch = 4000; // two chunks of the product (2560 rows each)
        const values = Float32Array.from({ length: 3 * batch + cols }, () => (r() - 0.5) * 2.2);
        const map = new Int32Array(batch * cols);
        for (let i = 0; i < map.length; i++) {
          const row = dir > 0 ? Math.floor(i / cols) : batch - 1 - Math.floor(i / cols);
          map[i] = r() < 0.05 ? -1 : 3 * row + Math.floor(r() * cols);
        }
        const X = Float32Array.from(map, (s) => (s < 0 ? 0 : values[s]!));
        const pc = { draw: 5, rowOffset: 77, sourceOffset: 12, inputSource: map };
        const gathered = await b.matmul(3, X, batch, pc);
        const direct = await a.matmul(3, X, batch, { ...pc, sourceValues: values });
        expect(bits(direct)).toEqual(bits(gathered));
      }
      const pad = new Int32Array(5 * cols).fill(-1);
      const z = new Float32Array(5 * cols);
      const ctx0 = { draw: 1, rowOffset: 0, inputSource: pad };
      expect(bits(await a.matmul(3, z, 5, { ...ctx0, sourceValues: new Float32Array(3) }))).toEqual(
        bits(await b.matmul(3, z, 5, ctx0)),
      );
    });
  }

  it('through TiledMatrix: chunks, row and column blocks, bit-identical', async () => {
    const cols = 40;
    const rows = 20;
    // 16 x 16 tiles: 2 row blocks x 3 column blocks; 64-row chunks.
    const pr = paper({ rows: 16, cols: 16, maxBatch: 64 });
    const r = rand(2);
    const W = Float32Array.from({ length: rows * cols }, () => r() - 0.5);
    const run = async (withValues: boolean) => {
      const d = new SimDevice(pr, { checkSourceValues: true });
      const dev = withValues ? d : new StripValues(d);
      const m = new TiledMatrix(dev, getTileAllocator(dev), rows, cols);
      await m.program(W);
      const out: Float32Array[] = [];
      for (const [batch, seed] of [
        [1000, 1],
        [64, 2],
        [3, 3],
      ] as const) {
        const { values, map, X } = copies(batch, cols, 5000, seed);
        out.push(
          await m.matmul(X, batch, {
            draw: 7,
            rowOffset: 1e9 + 3,
            sourceOffset: 2 ** 45 + 1,
            inputSource: map,
            sourceValues: values,
          }),
        );
      }
      return out.map(bits);
    };
    expect(await run(true)).toEqual(await run(false));
  });

  it('rejects a map entry below -1 or past the values, and (checked) values X does not copy', async () => {
    const d = new SimDevice(paper({ rows: 4, cols: 4 }), { checkSourceValues: true });
    await d.program(0, new Float32Array(16), 4, 4);
    const X = Float32Array.from([1, 2, 3, 0, 1, 2, 3, 0].map((v) => v / 8));
    const values = Float32Array.from([1, 2, 3].map((v) => v / 8));
    const at = (inputSource: Int32Array, sv = values) =>
      d.matmul(0, X, 2, { draw: 0, rowOffset: 0, inputSource, sourceValues: sv });
    await expect(at(Int32Array.from([0, 1, 2, -1, 0, 1, 2, -1]))).resolves.toHaveLength(8);
    await expect(at(Int32Array.from([0, 1, 2, -2, 0, 1, 2, -1]))).rejects.toThrow(
      /inputSource\[3\] = -2/,
    );
    const lax = new SimDevice(paper({ rows: 4, cols: 4 }));
    await lax.program(0, new Float32Array(16), 4, 4);
    await expect(
      lax.matmul(0, X, 2, {
        draw: 0,
        rowOffset: 0,
        inputSource: Int32Array.from([0, 1, 2, -1, 0, 1, 5, -1]),
        sourceValues: values,
      }),
    ).rejects.toThrow(/source 5, outside sourceValues \(3 values\)/);
    await expect(
      at(
        Int32Array.from([0, 1, 2, -1, 0, 1, 2, -1]),
        Float32Array.from([1, 2, 4].map((v) => v / 8)),
      ),
    ).rejects.toThrow(/X\[2\] = 0.375 but inputSource\[2\] = 2 holds 0.5/);
    // Many copies per source: all sources converted up front, the map checked by the scatter.
    const long = Int32Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? -1 : i % 4));
    const Xl = Float32Array.from(long, (s) => (s < 0 ? 0 : values[s]!));
    const run = (map: Int32Array) =>
      lax.matmul(0, Xl, 10, { draw: 0, rowOffset: 0, inputSource: map, sourceValues: values });
    await expect(run(long)).resolves.toHaveLength(40);
    const below = long.slice();
    below[29] = -3;
    await expect(run(below)).rejects.toThrow(/inputSource\[29\] = -3/);
    const past = long.slice();
    past[17] = 3;
    await expect(run(past)).rejects.toThrow(/source 3, outside sourceValues \(3 values\)/);
  });
});

describe('Conv2d hands the device its images as sourceValues', () => {
  const shapes = [
    { C: 1, H: 12, W: 12, kernel: 3, padding: 1, stride: 1, dilation: 1 },
    { C: 3, H: 11, W: 9, kernel: 3, padding: 0, stride: 2, dilation: 1 },
    { C: 2, H: 10, W: 10, kernel: 1, padding: 0, stride: 3, dilation: 1 }, // unused pixels
    { C: 2, H: 13, W: 13, kernel: 5, padding: 2, stride: 1, dilation: 2 },
  ];
  for (const s of shapes)
    for (const maxBatch of [4096, 37])
      it(`same outputs bit for bit (${JSON.stringify(s)}, maxBatch ${maxBatch})`, async () => {
        // Full-width tiles of 16 x 16: the 5x5 and 3-channel patches need several column blocks.
        const pr = paper({ maxBatch, rows: 16, cols: 16 });
        // The conv's own rows (sourceRows), the map's scatter, the gather: the same bits.
        const forward = async (strip: boolean, only?: 'rows') => {
          const sim = new SimDevice(pr, { checkSourceValues: true });
          const dev = new StripValues(sim, only);
          const layer = new Conv2d(runtime(strip ? dev : sim), {
            inChannels: s.C,
            outChannels: 5,
            kernel: s.kernel,
            padding: s.padding,
            stride: s.stride,
            dilation: s.dilation,
            analog: true,
            seed: 1,
          });
          const B = 6;
          const r = rand(s.H * 7 + s.C);
          const x = Float32Array.from({ length: B * s.C * s.H * s.W }, () => (r() - 0.5) * 2.4);
          const y = await layer.forward(
            { data: x, shape: [B, s.C, s.H, s.W] },
            ctx({ draw: 3, rowOffset: 1_000_003 }),
          );
          if (strip) expect(dev.calls).toBeGreaterThan(0);
          return bits(y.data);
        };
        const direct = await forward(false);
        expect(await forward(true)).toEqual(direct);
        expect(await forward(true, 'rows')).toEqual(direct);
      });
});

/** A pass-through wrapper without needsX (as a monitor or recorder is): the caller fills X. */
class ReadsX extends PassThrough {
  seen: Float32Array[] = [];
  override matmul(tile: TileId, X: Float32Array, batch: number, ctx?: ProductContext) {
    this.seen.push(X.slice());
    return this.inner.matmul(tile, X, batch, ctx);
  }
}

describe('Device.needsX: the conv skips its im2row of X for a device that reads only sources', () => {
  it('SimDevice reads X unless it converts per source from sourceValues (and does not check them)', () => {
    const base = {
      draw: 0,
      rowOffset: 0,
      inputSource: new Int32Array(4),
      sourceValues: new Float32Array(1),
    };
    const sim = new SimDevice(paper());
    expect(sim.needsX(base)).toBe(false);
    expect(sim.needsX({ draw: 0, rowOffset: 0, inputSource: new Int32Array(4) })).toBe(true);
    expect(new SimDevice(paper(), { checkSourceValues: true }).needsX(base)).toBe(true);
    const pr = paper();
    const perElement = { ...pr, dac: { ...pr.dac, conversion: 'per-element' as const } };
    expect(new SimDevice(perElement).needsX(base)).toBe(true);
  });

  it('same outputs with X skipped and with X filled; a wrapper without needsX gets im2row(x)', async () => {
    const pr = paper();
    const s = { C: 2, H: 9, W: 8, kernel: 3 };
    const r = rand(77);
    const x = Float32Array.from({ length: 4 * s.C * s.H * s.W }, () => (r() - 0.5) * 2.4);
    const forward = async (device: Device) => {
      const layer = new Conv2d(runtime(device), {
        inChannels: s.C,
        outChannels: 5,
        kernel: s.kernel,
        padding: 1,
        analog: true,
        seed: 1,
      });
      const y = await layer.forward(
        { data: x, shape: [4, s.C, s.H, s.W] },
        ctx({ draw: 1, rowOffset: 0 }),
      );
      return bits(y.data);
    };
    // A spy that keeps needsX: the conv hands it an X it never filled (all zeros here).
    const sim = new SimDevice(pr);
    const skipped = Object.assign(new ReadsX(sim), {
      needsX: (c: ProductContext) => sim.needsX(c),
    });
    const filled = new ReadsX(new SimDevice(pr));
    const a = await forward(skipped);
    expect(await forward(filled)).toEqual(a);
    expect(skipped.seen.length).toBeGreaterThan(0);
    expect(skipped.seen.every((X) => X.every((v) => v === 0))).toBe(true);
    const want = im2row(x, 4, s.C, s.H, s.W, s.kernel, s.kernel, { padding: 1 });
    expect(filled.seen).toEqual([want]);
  });
});

describe('a ConvNet trained on the simulator', () => {
  beforeAll(() => registerSimulator());

  it('reaches the same weights with and without sourceValues', async () => {
    const data = makeSynthetic({ n: 96, testN: 32, shape: [3, 10, 10], classes: 4 });
    const config: TrainConfigInput = {
      model: 'convnet',
      modelOptions: { convLayers: 2, linearLayers: 1 },
      dataset: 'synthetic',
      device: 'sim:paper?p=16&ep=0.5',
      epochs: 1,
      batchSize: 32,
      seed: 3,
    };
    let stripped = 0;
    const strip = async (uri: string) => {
      const d = new StripValues(await openDevice(uri));
      const matmul = d.matmul.bind(d);
      d.matmul = (...a) => {
        if (a[3]?.sourceValues) stripped++;
        return matmul(...a);
      };
      return d;
    };
    const weights = (r: Awaited<ReturnType<typeof train>>) =>
      modelParams(r.model).map((p) => bits(p.value));
    const direct = await train(config, { data });
    const gathered = await train(config, { data, openDevice: strip });
    expect(stripped).toBeGreaterThan(0);
    expect(weights(direct)).toEqual(weights(gathered));
  });
});
