import { describe, expect, it } from 'vitest';
import type { ProductContext } from '../../src/device/device.js';
import { getTileAllocator, TiledMatrix } from '../../src/device/tiling.js';
import { paperProfile, parseProfile, type Profile } from '../../src/profile/index.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { rand } from '../helpers/rand.js';

const identity = (n: number) => {
  const I = new Float32Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
};

/**
 * Input conversion only: DAC p = 16 with input noise, ideal weights and ADC, so with identity
 * weights Y is exactly the converted input.
 */
function inputOnly(
  conversion: 'per-element' | 'per-source',
  n: number,
  noise: Profile['noise']['input'] = { model: 'gaussian', ep: 0.5 },
  maxBatch = 4096,
): Profile {
  const wide = { range: [-1000, 1000] as [number, number], precision: 0 };
  return parseProfile({
    schema: 'analoop.profile/1',
    name: `input-${conversion}`,
    array: { rows: n, cols: n, maxBatch },
    dac: { range: [-1, 1], precision: 16, conversion },
    adc: wide,
    weights: wide,
    noise: { input: noise },
    seed: 3,
  });
}

/**
 * X (batch x n) where every source value appears several times: element i copies source
 * map[i] (values from `values`), or is a padding zero when map[i] = -1.
 */
function copies(batch: number, n: number, nSources: number, seed: number) {
  const r = rand(seed);
  const values = Float32Array.from(
    { length: nSources },
    () => (Math.floor(r() * 17) - 8) / 16, // on the p = 16 grid
  );
  const map = Int32Array.from({ length: batch * n }, () =>
    r() < 0.1 ? -1 : Math.floor(r() * nSources),
  );
  const X = Float32Array.from(map, (s) => (s < 0 ? 0 : values[s]!));
  return { values, map, X };
}

describe('SimDevice per-source input conversion', () => {
  const n = 16;
  const batch = 64;

  it('gives every copy of a source the same converted value, and padding an exact 0', async () => {
    const d = new SimDevice(inputOnly('per-source', n));
    expect(d.info().inputConversion).toBe('per-source');
    await d.program(0, identity(n), n, n);
    const { map, X } = copies(batch, n, 200, 1);
    const Y = await d.matmul(0, X, batch, { draw: 2, rowOffset: 0, inputSource: map });
    const seen = new Map<number, number>();
    let noisy = 0;
    for (let i = 0; i < Y.length; i++) {
      const s = map[i]!;
      if (s < 0) {
        expect(Object.is(Y[i], 0)).toBe(true);
        continue;
      }
      if (seen.has(s)) expect(Y[i]).toBe(seen.get(s));
      else seen.set(s, Y[i]!);
      if (Y[i] !== X[i]) noisy++;
    }
    expect(noisy).toBeGreaterThan(Y.length * 0.3);
  });

  it('a per-element device ignores the map: copies get independent noise, as before', async () => {
    const d = new SimDevice(inputOnly('per-element', n));
    expect(d.info().inputConversion).toBe('per-element');
    await d.program(0, identity(n), n, n);
    const { map, X } = copies(batch, n, 200, 1);
    const ctx: ProductContext = { draw: 2, rowOffset: 0 };
    const Y = await d.matmul(0, X, batch, { ...ctx, inputSource: map, sourceOffset: 7 });
    expect(Y).toEqual(await d.matmul(0, X, batch, ctx));
    // Padding copies are noised too, and the copies of a source disagree.
    let padNoisy = 0;
    const first = new Map<number, number>();
    let differ = 0;
    for (let i = 0; i < Y.length; i++) {
      const s = map[i]!;
      if (s < 0) padNoisy += Y[i] !== 0 ? 1 : 0;
      else if (!first.has(s)) first.set(s, Y[i]!);
      else if (first.get(s) !== Y[i]) differ++;
    }
    expect(padNoisy).toBeGreaterThan(0);
    expect(differ).toBeGreaterThan(100);
  });

  it('the noise of a source depends only on sourceOffset + index, not on the call or chunk', async () => {
    const d = new SimDevice(inputOnly('per-source', n));
    await d.program(0, identity(n), n, n);
    const { map, X } = copies(batch, n, 300, 2);
    const whole = await d.matmul(0, X, batch, {
      draw: 1,
      rowOffset: 0,
      inputSource: map,
      sourceOffset: 1000,
    });
    // Rows 0..9 and 10..63 in separate calls; the second with its map shifted by 50 and
    // sourceOffset 950: the same global sources.
    const a = await d.matmul(0, X.subarray(0, 10 * n), 10, {
      draw: 1,
      rowOffset: 0,
      inputSource: map.subarray(0, 10 * n),
      sourceOffset: 1000,
    });
    const shifted = map.subarray(10 * n).map((s) => (s < 0 ? -1 : s + 50));
    const b = await d.matmul(0, X.subarray(10 * n), batch - 10, {
      draw: 1,
      rowOffset: 10,
      inputSource: shifted,
      sourceOffset: 950,
    });
    expect(Array.from(whole)).toEqual([...a, ...b]);
    // Another draw, or another sourceTile, is another sample.
    const other = await d.matmul(0, X, batch, { draw: 2, rowOffset: 0, inputSource: map });
    expect(other).not.toEqual(whole);
  });

  it('works for signal-dependent (Poisson) noise', async () => {
    const d = new SimDevice(inputOnly('per-source', n, { model: 'poisson', ep: 0.5 }));
    await d.program(0, identity(n), n, n);
    const { map, X } = copies(batch, n, 100, 3);
    const Y = await d.matmul(0, X, batch, { draw: 0, rowOffset: 0, inputSource: map });
    const seen = new Map<number, number>();
    for (let i = 0; i < Y.length; i++) {
      const s = map[i]!;
      if (s < 0) expect(Y[i]).toBe(0);
      else if (seen.has(s)) expect(Y[i]).toBe(seen.get(s));
      else seen.set(s, Y[i]!);
    }
  });

  it('changes the bin of a fraction EP of the sources (p = 16, EP = 0.5)', async () => {
    const m = 256;
    const rows = 400;
    const d = new SimDevice(inputOnly('per-source', m));
    await d.program(0, identity(m), m, m);
    // Each source appears twice: X rows 2k and 2k + 1 are the same vector.
    const nSources = (rows / 2) * m; // 51 200 sources
    const r = rand(4);
    const values = Float32Array.from({ length: nSources }, () => (Math.floor(r() * 17) - 8) / 16);
    const map = new Int32Array(rows * m);
    const X = new Float32Array(rows * m);
    for (let b = 0; b < rows; b++)
      for (let c = 0; c < m; c++) {
        const s = (b >> 1) * m + c;
        map[b * m + c] = s;
        X[b * m + c] = values[s]!;
      }
    const Y = await d.matmul(0, X, rows, { draw: 0, rowOffset: 0, inputSource: map });
    const rp = (v: number) => (Math.sign(v) * Math.ceil(Math.abs(v * 16) - 0.5)) / 16;
    let changed = 0;
    let disagree = 0;
    for (let s = 0; s < nSources; s++) {
      const i = 2 * ((s / m) | 0) * m + (s % m);
      if (Y[i + m] !== Y[i]) disagree++;
      if (rp(Y[i]!) !== values[s]) changed++;
    }
    expect(disagree).toBe(0);
    expect(Math.abs(changed / nSources - 0.5)).toBeLessThan(0.01);
  });

  it('gives a source the same bits in one large call (native gather) as in small calls (JS)', async () => {
    const n = 64;
    const batch = 256; // 16384 elements: the addon's loops when built; 32-row calls stay in JS
    const d = new SimDevice(inputOnly('per-source', n));
    await d.program(0, identity(n), n, n);
    const { map, X } = copies(batch, n, 3000, 12);
    const whole = await d.matmul(0, X, batch, { draw: 4, rowOffset: 0, inputSource: map });
    const parts: number[] = [];
    for (let b = 0; b < batch; b += 32) {
      const Y = await d.matmul(0, X.subarray(b * n, (b + 32) * n), 32, {
        draw: 4,
        rowOffset: b,
        inputSource: map.subarray(b * n, (b + 32) * n),
      });
      parts.push(...Y);
    }
    expect([...whole]).toEqual(parts);
  });

  it('rejects a malformed map: wrong length, index below -1, copies that disagree', async () => {
    const d = new SimDevice(inputOnly('per-source', 4));
    await d.program(0, identity(4), 4, 4);
    const X = Float32Array.from([0.25, 0.25, 0.5, 0]);
    const at = (inputSource: Int32Array, sourceOffset?: number) =>
      d.matmul(0, X, 1, {
        draw: 0,
        rowOffset: 0,
        inputSource,
        ...(sourceOffset === undefined ? {} : { sourceOffset }),
      });
    await expect(at(Int32Array.from([0, 0, 1]))).rejects.toMatchObject({ code: 'bad-shape' });
    await expect(at(Int32Array.from([0, 0, 1, -2]))).rejects.toThrow(/inputSource\[3\] = -2/);
    await expect(at(Int32Array.from([0, 1, 1, -1]))).rejects.toThrow(/copies of one source/);
    await expect(at(Int32Array.from([0, 0, 1, -1]), -1)).rejects.toThrow(/sourceOffset/);
    await expect(at(Int32Array.from([0, 0, 1, -1]))).resolves.toHaveLength(4);
  });
});

describe('per-source through TiledMatrix', () => {
  it('row and column tiles share one conversion per source, whatever the tiling and chunking', async () => {
    // 6 outputs x 10 inputs, W = two stacked copies of a 3 x 10 selection matrix (one-hot rows):
    // Y exposes converted inputs; ADC and weights ideal, so tiling only re-cuts the same values.
    const rowsW = 6;
    const cols = 10;
    const W = new Float32Array(rowsW * cols);
    for (let o = 0; o < rowsW; o++) W[o * cols + (o % 3) * 3] = 1;
    const batch = 9;
    const r = rand(7);
    const X = Float32Array.from({ length: batch * cols }, () => (Math.floor(r() * 17) - 8) / 16);
    const outs: Float32Array[] = [];
    for (const [tr, tc, mb] of [
      [16, 16, 64],
      [4, 3, 2],
      [2, 7, 5],
    ] as const) {
      const prof = inputOnly('per-source', 16);
      const d = new SimDevice({ ...prof, array: { rows: tr, cols: tc, maxBatch: mb } });
      const m = new TiledMatrix(d, getTileAllocator(d), rowsW, cols);
      await m.program(W);
      outs.push(await m.matmul(X, batch, { draw: 4, rowOffset: 20 }));
    }
    // The same element read by output o and by o + 3 (another row tile): same conversion.
    for (const Y of outs)
      for (let b = 0; b < batch; b++)
        for (let o = 0; o < 3; o++) expect(Y[b * rowsW + o + 3]).toBe(Y[b * rowsW + o]);
    // Identical across tilings once the map is built (several column blocks) ...
    expect(outs[2]).toEqual(outs[1]);
    // ... and noisy.
    let noisy = 0;
    for (let b = 0; b < batch; b++)
      for (let o = 0; o < 3; o++) if (outs[1]![b * rowsW + o] !== X[b * cols + o * 3]) noisy++;
    expect(noisy).toBeGreaterThan(5);
  });

  it('the paper preset converts per source, and a single-tile Linear is bit-identical to per-element', async () => {
    const prof = paperProfile({ p: 16, ep: 0.5, rows: 8, cols: 12, maxBatch: 5, seed: 2 });
    expect(prof.dac.conversion).toBe('per-source');
    const r = rand(8);
    const W = Float32Array.from({ length: 8 * 12 }, () => r() * 2 - 1);
    const X = Float32Array.from({ length: 11 * 12 }, () => r() * 2 - 1);
    const outs: Float32Array[] = [];
    for (const conversion of ['per-source', 'per-element'] as const) {
      const d = new SimDevice({ ...prof, dac: { ...prof.dac, conversion } });
      const m = new TiledMatrix(d, getTileAllocator(d), 8, 12);
      await m.program(W);
      outs.push(await m.matmul(X, 11, { draw: 1, rowOffset: 3 }));
    }
    expect(outs[0]).toEqual(outs[1]);
  });
});
