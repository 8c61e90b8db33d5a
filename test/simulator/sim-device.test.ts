import { describe, expect, it } from 'vitest';
import type { Telemetry } from '../../src/device/device.js';
import { getTileAllocator, TiledMatrix } from '../../src/device/tiling.js';
import {
  paperProfile,
  parseProfile,
  type Profile,
  type ProfileInput,
} from '../../src/profile/index.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { rand } from '../helpers/rand.js';

const uniform = (n: number, r: () => number, lo = -1, hi = 1) =>
  Float32Array.from({ length: n }, () => lo + (hi - lo) * r());
/** n values on the grid k/p with |k| <= kmax. */
const grid = (n: number, p: number, kmax: number, r: () => number) =>
  Float32Array.from({ length: n }, () => (Math.floor(r() * (2 * kmax + 1)) - kmax) / p);
const identity = (n: number) => {
  const I = new Float32Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
};
/** method.md's RP, written independently: sign(x) ceil(|x p| - 0.5) / p. */
const rp = (x: number, p: number) =>
  p === 0 ? x : (Math.sign(x) * Math.ceil(Math.abs(x * p) - 0.5)) / p + 0; // +0: no negative zero
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** An ideal-converter profile (precision 0, wide ranges, no noise) to be modified per test. */
function quietProfile(rows: number, cols: number, extra: Partial<ProfileInput> = {}): Profile {
  const wide = { range: [-1000, 1000] as [number, number], precision: 0 };
  return parseProfile({
    schema: 'analoop.profile/1',
    name: 'quiet',
    array: { rows, cols, maxBatch: 4096 },
    dac: wide,
    adc: wide,
    weights: wide,
    ...extra,
  });
}

/** A paper profile with only some blocks noisy. */
function paperOnly(
  blocks: ('input' | 'weight' | 'read')[],
  rows: number,
  cols: number,
  seed = 1,
): Profile {
  const p = paperProfile({ p: 16, ep: 0.5, rows, cols, seed });
  const noise = { ...p.noise };
  for (const b of ['input', 'weight', 'read'] as const)
    if (!blocks.includes(b)) noise[b] = { model: 'none' };
  return { ...p, noise };
}

/** Run X (batch rows) through one tile in chunks of `chunk` rows with the matching rowOffset. */
async function chunked(
  d: SimDevice,
  X: Float32Array,
  batch: number,
  cols: number,
  rows: number,
  chunk: number,
  draw = 0,
) {
  const Y = new Float32Array(batch * rows);
  for (let s = 0; s < batch; s += chunk) {
    const part = await d.matmul(0, X.subarray(s * cols, (s + chunk) * cols), chunk, {
      draw,
      rowOffset: s,
    });
    Y.set(part, s * rows);
  }
  return Y;
}

describe('SimDevice noise is independent of batch chunking', () => {
  const rows = 8;
  const cols = 32;
  const batch = 256;

  it('element (row r, column c) gets identical noise as 1x256, 4x64 or 256x1', async () => {
    const r = rand(11);
    const W = uniform(rows * cols, r);
    const X = uniform(batch * cols, r);
    const d = new SimDevice(paperProfile({ p: 16, ep: 0.5, rows, cols, maxBatch: batch, seed: 5 }));
    await d.program(0, W, rows, cols);
    const one = await chunked(d, X, batch, cols, rows, 256);
    const four = await chunked(d, X, batch, cols, rows, 64);
    const single = await chunked(d, X, batch, cols, rows, 1);
    expect(four).toEqual(one);
    expect(single).toEqual(one);
    // and the noise is really there
    const quiet = new SimDevice(paperProfile({ p: 16, ep: 0, rows, cols, maxBatch: batch }));
    await quiet.program(0, W, rows, cols);
    const clean = await quiet.matmul(0, X, batch, { draw: 0, rowOffset: 0 });
    expect(one.filter((v, i) => v !== clean[i]).length).toBeGreaterThan(batch * rows * 0.3);
  });

  it('the input noise of each element, isolated, is bit-identical across chunkings', async () => {
    const n = 16;
    // No quantisation, identity weights: the output is the input plus its input noise.
    const prof = quietProfile(n, n, { noise: { input: { model: 'gaussian', scale: 0.1 } } });
    const d = new SimDevice(prof);
    await d.program(0, identity(n), n, n);
    const X = uniform(batch * n, rand(3));
    const noiseOf = (Y: Float32Array) => Y.map((y, i) => y - X[i]!);
    const a = noiseOf(await chunked(d, X, batch, n, n, 256));
    const b = noiseOf(await chunked(d, X, batch, n, n, 64));
    const c = noiseOf(await chunked(d, X, batch, n, n, 1));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const sd = Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
  });

  it('through TiledMatrix, devices with maxBatch 256, 64 and 1 give bit-identical products', async () => {
    const r = rand(12);
    const W = uniform(10 * 40, r);
    const X = uniform(batch * 40, r);
    const outs: Float32Array[] = [];
    for (const maxBatch of [256, 64, 1]) {
      const d = new SimDevice(
        paperProfile({ p: 16, ep: 0.5, rows: 4, cols: 16, maxBatch, seed: 9 }),
      );
      const m = new TiledMatrix(d, getTileAllocator(d), 10, 40);
      await m.program(W);
      outs.push(await m.matmul(X, batch, { draw: 3, rowOffset: 1000 }));
    }
    expect(outs[1]).toEqual(outs[0]);
    expect(outs[2]).toEqual(outs[0]);
  });
});

describe('ProductContext.out: the result written where the caller asks', () => {
  it('SimDevice returns ctx.out itself, bit-identical to a fresh result; a wrong size is refused', async () => {
    const r = rand(31);
    const d = new SimDevice(paperProfile({ p: 16, ep: 0.5, rows: 6, cols: 10, seed: 4 }));
    await d.program(0, uniform(60, r), 6, 10);
    const X = uniform(20 * 10, r);
    const fresh = await d.matmul(0, X, 20, { draw: 2, rowOffset: 40 });
    const out = new Float32Array(20 * 6).fill(NaN);
    const y = await d.matmul(0, X, 20, { draw: 2, rowOffset: 40, out });
    expect(y).toBe(out);
    expect(y).toEqual(fresh);
    await expect(
      d.matmul(0, X, 20, { draw: 2, rowOffset: 40, out: new Float32Array(20 * 6 - 1) }),
    ).rejects.toThrow(/ProductContext.out has 119 values, expected batch 20 x 6 rows/);
  });

  it('TiledMatrix writes every chunk into ctx.out (several chunks, several tiles) with the same bits', async () => {
    const r = rand(32);
    const W = uniform(10 * 40, r);
    const X = uniform(50 * 40, r);
    for (const [rows, cols] of [
      [10, 40],
      [4, 16],
    ] as const) {
      const d = new SimDevice(paperProfile({ p: 16, ep: 0.5, rows, cols, maxBatch: 16, seed: 9 }));
      const m = new TiledMatrix(d, getTileAllocator(d), 10, 40);
      await m.program(W);
      const fresh = await m.matmul(X, 50, { draw: 3, rowOffset: 100 });
      const out = new Float32Array(50 * 10).fill(NaN);
      const y = await m.matmul(X, 50, { draw: 3, rowOffset: 100, out });
      expect(y).toBe(out);
      expect(y).toEqual(fresh);
      await expect(
        m.matmul(X, 50, { draw: 3, rowOffset: 100, out: new Float32Array(10) }),
      ).rejects.toThrow(/ctx.out has 10 values, expected batch 50 x 10/);
    }
  });
});

describe('SimDevice reproducibility', () => {
  const run = async (seed: number, draw: number, override?: number) => {
    const r = rand(21);
    const d = new SimDevice(
      paperProfile({ p: 16, ep: 0.5, rows: 6, cols: 10, seed }),
      override === undefined ? {} : { seed: override },
    );
    await d.program(0, uniform(60, r), 6, 10);
    return d.matmul(0, uniform(20 * 10, r), 20, { draw, rowOffset: 0 });
  };

  it('is bit-reproducible for a seed and differs for another seed or draw', async () => {
    const a = await run(1, 0);
    expect(await run(1, 0)).toEqual(a);
    expect(await run(2, 0)).not.toEqual(a);
    expect(await run(1, 1)).not.toEqual(a);
    expect(await run(2, 0, 1)).toEqual(a); // option seed overrides the profile's
  });

  it('without a context, each call is a fresh draw', async () => {
    const d = new SimDevice(paperProfile({ p: 16, ep: 0.5, rows: 4, cols: 4 }));
    await d.program(0, uniform(16, rand(1)), 4, 4);
    const X = uniform(64 * 4, rand(2));
    const a = await d.matmul(0, X, 64);
    const b = await d.matmul(0, X, 64);
    const c = await d.matmul(0, X, 64, { draw: 0, rowOffset: 0 });
    expect(b).not.toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('paper preset, p = 16, EP = 0.5: each block changes the bin with probability EP', () => {
  const p = 16;
  const binChange = (Y: Float32Array, ref: ArrayLike<number>) => {
    let changed = 0;
    for (let i = 0; i < Y.length; i++) if (Y[i] !== ref[i]) changed++;
    return changed / Y.length;
  };

  for (const model of ['gaussian', 'laplace', 'uniform'] as const) {
    it(`input chain (doa), ${model}: on-grid inputs, identity weights`, async () => {
      const n = 256;
      const batch = 400; // 102 400 samples
      const prof = paperOnly(['input'], n, n);
      const d = new SimDevice({ ...prof, noise: { ...prof.noise, input: { model, ep: 0.5 } } });
      if (model === 'gaussian') expect(d.resolvedNoise().input.scale).toBeCloseTo(0.0463313, 6); // method.md sigma table
      await d.program(0, identity(n), n, n);
      const X = grid(batch * n, p, 8, rand(4)); // inside [-0.5, 0.5]: no output clipping
      const Y = await d.matmul(0, X, batch, { draw: 0, rowOffset: 0 });
      expect(Math.abs(binChange(Y, X) - 0.5)).toBeLessThan(0.01);
    });
  }

  it('weight chain: on-grid weights read out with one-hot inputs, fresh per draw', async () => {
    const n = 256;
    const d = new SimDevice(paperOnly(['weight'], n, n));
    const W = grid(n * n, p, 8, rand(5));
    await d.program(0, W, n, n);
    const Wt = new Float32Array(n * n); // Y[b][o] = W[o][b]
    for (let o = 0; o < n; o++) for (let b = 0; b < n; b++) Wt[b * n + o] = W[o * n + b]!;
    const y0 = await d.matmul(0, identity(n), n, { draw: 0, rowOffset: 0 });
    const y1 = await d.matmul(0, identity(n), n, { draw: 1, rowOffset: 0 });
    const frac = (binChange(y0, Wt) + binChange(y1, Wt)) / 2; // 131 072 samples
    expect(Math.abs(frac - 0.5)).toBeLessThan(0.01);
    expect(y1).not.toEqual(y0);
    // Same draw in two chunks: the same weight sample.
    const half = await d.matmul(0, identity(n).subarray(128 * n), 128, { draw: 0, rowOffset: 128 });
    expect(half).toEqual(y0.subarray(128 * n));
  });

  it('output chain (aod): read noise then clamp and RP', async () => {
    const n = 256;
    const batch = 400;
    const d = new SimDevice(paperOnly(['read'], n, n));
    await d.program(0, identity(n), n, n);
    const X = grid(batch * n, p, 8, rand(6));
    const Y = await d.matmul(0, X, batch, { draw: 0, rowOffset: 0 });
    expect(Math.abs(binChange(Y, X) - 0.5)).toBeLessThan(0.01);
  });

  it('without noise it is RP(Clamp(RP(Clamp X) RP(Clamp W)^T)), p = 4', async () => {
    const rows = 5;
    const cols = 7;
    const batch = 9;
    const q = 4;
    const r = rand(7);
    const W = uniform(rows * cols, r, -1.5, 1.5);
    const X = uniform(batch * cols, r, -1.5, 1.5);
    const d = new SimDevice(paperProfile({ p: q, ep: 0, rows, cols }));
    await d.program(0, W, rows, cols);
    const Y = await d.matmul(0, X, batch, { draw: 0, rowOffset: 0 });
    for (let b = 0; b < batch; b++)
      for (let o = 0; o < rows; o++) {
        let z = 0;
        for (let c = 0; c < cols; c++)
          z += rp(clip(X[b * cols + c]!, -1, 1), q) * rp(clip(W[o * cols + c]!, -1, 1), q);
        expect(Y[b * rows + o]).toBe(rp(clip(z, -1, 1), q));
      }
  });
});

describe('SimDevice analog response', () => {
  const rows = 4;
  const cols = 6;
  const batch = 5;
  const reference = (W: Float32Array, X: Float32Array, f: (z: number, o: number) => number) => {
    const Y = new Float64Array(batch * rows);
    for (let b = 0; b < batch; b++)
      for (let o = 0; o < rows; o++) {
        let z = 0;
        for (let c = 0; c < cols; c++) z += X[b * cols + c]! * W[o * cols + c]!;
        Y[b * rows + o] = f(z, o);
      }
    return Y;
  };
  const close = (Y: Float32Array, ref: Float64Array) => {
    for (let i = 0; i < ref.length; i++)
      expect(Math.abs(Y[i]! - ref[i]!)).toBeLessThan(1e-5 * (1 + Math.abs(ref[i]!)));
  };

  it('applies gain and offset per output channel', async () => {
    const gain = [0.5, 1, 2, -1];
    const offset = [0.1, 0, -0.2, 0.3];
    const d = new SimDevice(quietProfile(rows, cols, { channels: { gain, offset } }));
    const r = rand(8);
    const W = uniform(rows * cols, r);
    const X = uniform(batch * cols, r);
    await d.program(0, W, rows, cols);
    close(
      await d.matmul(0, X, batch),
      reference(W, X, (z, o) => gain[o]! * z + offset[o]!),
    );
  });

  it('drifts the gain linearly with hours since programming (injected clock)', async () => {
    let now = 1_000_000;
    const d = new SimDevice(
      quietProfile(rows, cols, { channels: { gain: 2, gainDriftPerHour: [0.01, 0, -0.05, 0.1] } }),
      {
        clock: () => now,
      },
    );
    const drift = [0.01, 0, -0.05, 0.1];
    const r = rand(9);
    const W = uniform(rows * cols, r);
    const X = uniform(batch * cols, r);
    await d.program(0, W, rows, cols);
    close(
      await d.matmul(0, X, batch),
      reference(W, X, (z) => 2 * z),
    );
    now += 3 * 3_600_000;
    close(
      await d.matmul(0, X, batch),
      reference(W, X, (z, o) => 2 * (1 + drift[o]! * 3) * z),
    );
    await d.program(0, W, rows, cols); // re-programming resets the drift
    close(
      await d.matmul(0, X, batch),
      reference(W, X, (z) => 2 * z),
    );
  });

  it('applies a cubic or polynomial output nonlinearity after gain and offset', async () => {
    const r = rand(10);
    const W = uniform(rows * cols, r);
    const X = uniform(batch * cols, r);
    const cubic = new SimDevice(
      quietProfile(rows, cols, {
        channels: { offset: 0.1 },
        nonlinearity: { kind: 'cubic', a3: -0.2 },
      }),
    );
    await cubic.program(0, W, rows, cols);
    close(
      await cubic.matmul(0, X, batch),
      reference(W, X, (z) => z + 0.1 - 0.2 * (z + 0.1) ** 3),
    );
    const poly = new SimDevice(
      quietProfile(rows, cols, {
        nonlinearity: { kind: 'polynomial', coefficients: [0.05, 0.9, 0.1] },
      }),
    );
    await poly.program(0, W, rows, cols);
    close(
      await poly.matmul(0, X, batch),
      reference(W, X, (z) => 0.05 + 0.9 * z + 0.1 * z * z),
    );
  });

  it('program() clamps to the weight range and quantises', async () => {
    const d = new SimDevice(quietProfile(3, 3, { weights: { range: [-1, 1], precision: 4 } }));
    await d.program(0, Float32Array.from([2, 0, 0, 0, -3, 0, 0, 0, 0.3]), 3, 3);
    expect([...(await d.matmul(0, identity(3), 3))]).toEqual([1, 0, 0, 0, -1, 0, 0, 0, 0.25]);
    await expect(d.program(0, Float32Array.from([NaN]), 1, 1)).rejects.toThrow(RangeError);
    await expect(d.program(1, new Float32Array(16), 4, 4)).rejects.toMatchObject({
      code: 'bad-shape',
    });
  });

  it('programming noise is drawn once per program() and kept across draws', async () => {
    const n = 8;
    const d = new SimDevice(
      quietProfile(n, n, { noise: { programming: { model: 'gaussian', scale: 0.05 } } }),
    );
    const W = uniform(n * n, rand(13));
    await d.program(0, W, n, n);
    const a = await d.matmul(0, identity(n), n, { draw: 0, rowOffset: 0 });
    const b = await d.matmul(0, identity(n), n, { draw: 7, rowOffset: 0 });
    expect(b).toEqual(a);
    expect(a.some((v, i) => v !== W[(i % n) * n + Math.floor(i / n)])).toBe(true);
    await d.program(0, W, n, n);
    expect(await d.matmul(0, identity(n), n, { draw: 0, rowOffset: 0 })).not.toEqual(a);
  });

  it('programming noise keyed on ProgramContext.draw: the same programming on a fresh device', async () => {
    const n = 8;
    const profile = quietProfile(n, n, {
      noise: { programming: { model: 'gaussian', scale: 0.05 } },
    });
    const W = uniform(n * n, rand(13));
    const read = (d: SimDevice) => d.matmul(0, identity(n), n, { draw: 0, rowOffset: 0 });
    const d = new SimDevice(profile);
    await d.program(0, W, n, n, { draw: 5 });
    const five = await read(d);
    await d.program(0, W, n, n, { draw: 6 });
    expect(await read(d)).not.toEqual(five);
    // A fresh device (a resumed run) programming draw 5 first lands where draw 5 landed.
    const fresh = new SimDevice(profile);
    await fresh.program(0, W, n, n, { draw: 5 });
    expect(await read(fresh)).toEqual(five);
    // Without a context each call draws afresh, never as a numbered programming.
    const auto = new SimDevice(profile);
    await auto.program(0, W, n, n);
    expect(await read(auto)).not.toEqual(five);
    await expect(d.program(0, W, n, n, { draw: -1 })).rejects.toThrow(
      /ProgramContext.draw must be a non-negative integer/,
    );
  });
});

describe('SimDevice as a Device', () => {
  it('declares its converters and profile id', () => {
    const d = new SimDevice(paperProfile({ p: 256, ep: 0.2, rows: 64, cols: 32, maxBatch: 16 }));
    expect(d.info()).toMatchObject({
      kind: 'simulated',
      rows: 64,
      cols: 32,
      maxBatch: 16,
      inputBits: 8,
      outputBits: 8,
      weightBits: 8,
      inputRange: [-1, 1],
      outputRange: [-1, 1],
      weightRange: [-1, 1],
    });
    expect(d.info().profileId).toBe(d.profileId);
  });

  it('emits telemetry on program and close, then refuses work', async () => {
    const d = new SimDevice(paperProfile({ p: 16, ep: 0.5, rows: 2, cols: 2 }));
    const events: Telemetry[] = [];
    let completed = false;
    d.telemetry$.subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    await d.program(3, new Float32Array(4), 2, 2);
    await expect(d.matmul(4, new Float32Array(2), 1)).rejects.toMatchObject({
      code: 'not-programmed',
    });
    await expect(d.matmul(3, new Float32Array(3), 1)).rejects.toMatchObject({ code: 'bad-shape' });
    await d.close();
    expect(events.map((e) => e.event)).toEqual(['programmed tile 3 (2x2)', 'closed']);
    expect(completed).toBe(true);
    await expect(d.matmul(3, new Float32Array(2), 1)).rejects.toMatchObject({ code: 'closed' });
  });
});
