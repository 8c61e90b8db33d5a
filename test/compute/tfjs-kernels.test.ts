/** The tfjs engine is global: the tfjs providers must work whatever backend is active, and leave it so. */
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { tfNamespace } from '../../src/compute/tfjs-kernels.js';
import { tfjsWasmProvider } from '../../src/compute/tfjs-wasm-kernels.js';

describe('tfjs kernels and the global tfjs backend', () => {
  it('loading tfjs-wasm makes wasm the active backend', async () => {
    await tfjsWasmProvider.load();
    expect(tf.getBackend()).toBe('wasm');
  });

  it('computes on wasm while another backend is active, then restores that backend', async () => {
    const kernels = await tfjsWasmProvider.load();
    await tf.setBackend('cpu');
    try {
      const C = new Float32Array(4).fill(NaN);
      // [[1,2],[3,4]]^T [[1,2],[3,4]] = [[10,14],[14,20]]
      const A = Float32Array.from([1, 2, 3, 4]);
      kernels.gemm(true, false, 2, 2, 2, 1, A, A, 0, C);
      expect([...C]).toEqual([10, 14, 14, 20]);
      expect(tf.getBackend()).toBe('cpu');
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('does not leak tensors', async () => {
    const kernels = await tfjsWasmProvider.load();
    const before = tf.memory().numTensors;
    kernels.gemm(
      false,
      true,
      3,
      4,
      5,
      2,
      new Float32Array(15),
      new Float32Array(20),
      1,
      new Float32Array(12),
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tfNamespace accepts the module or its default export, and rejects anything else', () => {
    expect(tfNamespace(tf)).toBe(tf);
    expect(tfNamespace({ default: tf })).toBe(tf);
    expect(() => tfNamespace({})).toThrow(/not look like a tfjs namespace/);
  });
});
