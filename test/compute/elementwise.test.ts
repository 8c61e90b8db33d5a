import { afterEach, describe, expect, it } from 'vitest';
import { addRowVector, axpy, scale, sumRows, transpose } from '../../src/compute/elementwise.js';
import { hostAddon, setNativeHost } from '../../src/compute/host-addon.js';
import { loadNativeAddon } from '../../src/compute/native-addon.js';
import { randomArray, rng } from './reference.js';

describe('elementwise helpers', () => {
  it('addRowVector adds the bias to every row', () => {
    const Y = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect([...addRowVector(Y, Float32Array.from([10, 20, 30]), 2, 3)]).toEqual([
      11, 22, 33, 14, 25, 36,
    ]);
  });

  it('sumRows accumulates column sums into out', () => {
    const dY = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const out = Float32Array.from([100, 0, -1]);
    expect([...sumRows(dY, 2, 3, out)]).toEqual([105, 7, 8]);
    expect([...sumRows(dY, 2, 3, out)]).toEqual([110, 14, 17]);
  });

  it('sumRows is the adjoint of addRowVector: <addRowVector(0, b), dY> = <b, sumRows(dY)>', () => {
    const next = rng(11);
    const [rows, cols] = [13, 7];
    const b = randomArray(cols, next);
    const dY = randomArray(rows * cols, next);
    const Yb = addRowVector(new Float32Array(rows * cols), b, rows, cols);
    const s = sumRows(dY, rows, cols, new Float32Array(cols));
    let lhs = 0;
    let rhs = 0;
    for (let i = 0; i < dY.length; i++) lhs += Yb[i] * dY[i];
    for (let c = 0; c < cols; c++) rhs += b[c] * s[c];
    expect(lhs).toBeCloseTo(rhs, 4);
  });

  it('axpy and scale', () => {
    const y = Float32Array.from([1, 1, 1]);
    expect([...axpy(-2, Float32Array.from([1, 2, 3]), y)]).toEqual([-1, -3, -5]);
    expect([...scale(y, -0.5)]).toEqual([0.5, 1.5, 2.5]);
  });

  it('transpose matches the definition for odd and tile-crossing shapes', () => {
    const next = rng(4);
    for (const [r, c] of [
      [1, 1],
      [1, 40],
      [40, 1],
      [33, 65],
      [64, 32],
    ]) {
      const A = randomArray(r * c, next);
      const T = transpose(A, r, c);
      for (let i = 0; i < r; i++)
        for (let j = 0; j < c; j++) expect(T[j * r + i]).toBe(A[i * c + j]);
      const out = new Float32Array(r * c);
      expect(transpose(A, r, c, out)).toBe(out);
      expect([...transpose(T, c, r)]).toEqual([...A]);
    }
  });

  it('rejects short arrays', () => {
    expect(() => addRowVector(new Float32Array(5), new Float32Array(3), 2, 3)).toThrow(RangeError);
    expect(() => sumRows(new Float32Array(6), 2, 3, new Float32Array(2))).toThrow(RangeError);
    expect(() => axpy(1, new Float32Array(3), new Float32Array(2))).toThrow(RangeError);
    expect(() => transpose(new Float32Array(5), 2, 3)).toThrow(RangeError);
  });
});

const addon = loadNativeAddon();
const setThreads = (n: number) => (addon.ok ? addon.addon.blasSetThreads(n) : 1);

describe.skipIf(!hostAddon())('addRowVector and sumRows: native against JS, bit for bit', () => {
  afterEach(() => {
    setThreads(1);
    setNativeHost(true);
  });

  // Odd sizes; the largest splits over 2 threads (rows, and 64-column blocks for sumRows).
  const SIZES = [
    [64, 65],
    [300, 257],
    [128, 784],
    [4096, 1],
  ] as const;

  for (const threads of [1, 2]) {
    for (const [rows, cols] of SIZES) {
      it(`${rows} x ${cols}, ${threads} thread(s)`, () => {
        const next = rng(rows + cols);
        const Y = randomArray(rows * cols, next);
        const bias = randomArray(cols, next);
        // Wide magnitudes, so float64 accumulation order would show in the last bits.
        for (let i = 0; i < Y.length; i += 7) Y[i] *= 1e4;
        const out0 = randomArray(cols, next);
        const run = () => ({
          added: addRowVector(Y.slice(), bias, rows, cols),
          sums: sumRows(Y, rows, cols, out0.slice()),
        });
        setThreads(threads);
        const native = run();
        setNativeHost(false);
        const js = run();
        const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
        expect(bits(native.sums)).toEqual(bits(js.sums));
        let diff = -1;
        const a = bits(native.added);
        const b = bits(js.added);
        for (let i = 0; i < a.length && diff < 0; i++) if (a[i] !== b[i]) diff = i;
        expect(diff).toBe(-1);
      });
    }
  }
});
