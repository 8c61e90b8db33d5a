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
