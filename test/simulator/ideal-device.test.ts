import { describe, expect, it } from 'vitest';
import { IdealDevice, IDEAL_DEFAULT_SIZE } from '../../simulator/ideal-device.js';

describe('IdealDevice', () => {
  it('declares an ideal, unbounded, huge array by default', () => {
    const info = new IdealDevice().info();
    expect(info).toMatchObject({
      kind: 'ideal',
      inputBits: 0,
      outputBits: 0,
      weightBits: 0,
      rows: IDEAL_DEFAULT_SIZE,
      cols: IDEAL_DEFAULT_SIZE,
    });
    expect(info.inputRange).toEqual([-Infinity, Infinity]);
    expect(info.maxBatch).toBeGreaterThanOrEqual(1 << 20);
  });

  it('computes X W^T exactly (float64 sums rounded once)', async () => {
    const d = new IdealDevice({ rows: 2, cols: 3 });
    // W = [[1, 2, 3], [-1, 0.5, 1e8]], X = [[1, 1, 1], [0.1, 0.2, 0.3]]
    await d.program(0, Float32Array.from([1, 2, 3, -1, 0.5, 1e8]), 2, 3);
    const Y = await d.matmul(0, Float32Array.from([1, 1, 1, 0.1, 0.2, 0.3]), 2);
    const x = [Math.fround(0.1), Math.fround(0.2), Math.fround(0.3)];
    expect([...Y]).toEqual([
      6,
      Math.fround(-1 + 0.5 + 1e8),
      Math.fround(x[0]! + 2 * x[1]! + 3 * x[2]!),
      Math.fround(-x[0]! + 0.5 * x[1]! + 1e8 * x[2]!),
    ]);
  });

  it("with product 'gemm', agrees with the exact product to float32 rounding", async () => {
    const [rows, cols, batch] = [37, 300, 70];
    const r = (i: number) => Math.sin(i * 12.9898) * 0.9;
    const W = Float32Array.from({ length: rows * cols }, (_, i) => r(i));
    const X = Float32Array.from({ length: batch * cols }, (_, i) => r(i + 7));
    const exact = new IdealDevice();
    const fast = new IdealDevice({ product: 'gemm' });
    await exact.program(0, W, rows, cols);
    await fast.program(0, W, rows, cols);
    const want = await exact.matmul(0, X, batch);
    const got = await fast.matmul(0, X, batch, { draw: 0, rowOffset: 5 });
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < want.length; i++) {
      worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
      scale = Math.max(scale, Math.abs(want[i]!));
    }
    expect(worst / scale).toBeLessThan(1e-5);
    // Chunk-invariant, as the simulator's product: rows keep their bits however the batch is cut.
    const head = await fast.matmul(0, X.subarray(0, 30 * cols), 30, { draw: 0, rowOffset: 5 });
    const tail = await fast.matmul(0, X.subarray(30 * cols), 40, { draw: 0, rowOffset: 35 });
    expect([...head, ...tail]).toEqual([...got]);
  });

  it('keeps a copy of the programmed weights', async () => {
    const d = new IdealDevice();
    const W = Float32Array.from([2]);
    await d.program(0, W, 1, 1);
    W[0] = 5;
    expect([...(await d.matmul(0, Float32Array.from([3]), 1))]).toEqual([6]);
  });

  it('rejects shapes that do not fit and unknown tiles', async () => {
    const d = new IdealDevice({ rows: 3, cols: 5, maxBatch: 4 });
    await expect(d.program(0, new Float32Array(24), 4, 6)).rejects.toMatchObject({
      code: 'bad-shape',
    });
    await expect(d.program(0, new Float32Array(14), 3, 5)).rejects.toMatchObject({
      code: 'bad-shape',
    });
    await d.program(0, new Float32Array(15), 3, 5);
    await expect(d.matmul(0, new Float32Array(25), 5)).rejects.toMatchObject({ code: 'bad-shape' });
    await expect(d.matmul(1, new Float32Array(5), 1)).rejects.toMatchObject({
      code: 'not-programmed',
    });
    expect(() => new IdealDevice({ rows: 0 })).toThrow(/rows/);
    await d.close();
    await expect(d.matmul(0, new Float32Array(5), 1)).rejects.toMatchObject({ code: 'closed' });
  });
});
