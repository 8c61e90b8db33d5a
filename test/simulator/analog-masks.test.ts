/**
 * The weight layers' analog-side masks (src/nn/layers/analog-product.ts) run natively on long
 * arrays when the addon is built; here they are checked against straight loops of their
 * definitions, on odd lengths either side of the native threshold, with NaN and values on the
 * bounds.
 */
import { describe, expect, it } from 'vitest';
import type { Device, DeviceInfo } from '../../src/device/device.js';
import { AnalogWeights, maskClamped, maskSaturated } from '../../src/nn/layers/analog-product.js';
import { makeParam } from '../../src/nn/layers/init.js';
import { paperProfile } from '../../src/profile/index.js';
import { SimDevice } from '../../simulator/sim-device.js';

/** Values around [-1, 1]: on the bounds, beyond them, NaN and infinities. */
function values(n: number, seed: number): Float32Array {
  const special = [-1, 1, -0, 0, NaN, Infinity, -Infinity, 1.0000001, -1.0000001];
  let s = seed;
  return Float32Array.from({ length: n }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return i % 13 === 0 ? special[(s >> 8) % special.length]! : (s / 2147483648) * 3 - 1.5;
  });
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
const LENGTHS = [0, 1, 7, 2047, 2048, 4099, 100_001];

function deviceWith(info: Partial<DeviceInfo>): Device {
  const d = new SimDevice(paperProfile({ p: 16, ep: 0, rows: 8, cols: 8 }));
  const base = d.info();
  return Object.assign(Object.create(d) as Device, { info: () => ({ ...base, ...info }) });
}

describe('analog-side masks: native and JS loops agree with their definitions', () => {
  for (const n of LENGTHS) {
    it(`saturated, maskSaturated and maskClamped, ${n} values`, () => {
      const y = values(n, n + 1);
      const w = new AnalogWeights(deviceWith({ outputRange: [-1, 1] }), makeParam('w', [1]), 1, 1);
      const mask = w.saturated(y);
      const want = Uint8Array.from(y, (v) => (v <= -1 || v >= 1 ? 1 : 0));
      if (want.some((v) => v === 1)) expect(mask).toEqual(want);
      else expect(mask).toBeUndefined();

      const dy = values(n, n + 2);
      const g = maskSaturated(dy, mask);
      expect(bits(g)).toEqual(bits(Float32Array.from(dy, (v, i) => (want[i] ? 0 : v))));
      if (mask) expect(g).not.toBe(dy);

      const x = values(n, n + 3);
      const dx = values(n, n + 4);
      const expected = Float32Array.from(dx, (v, i) => (x[i]! >= -1 && x[i]! <= 1 ? v : 0));
      expect(bits(maskClamped(dx, x, [-1, 1]))).toEqual(bits(expected));
      // A one-sided range.
      const dx2 = values(n, n + 4);
      const expected2 = Float32Array.from(dx2, (v, i) =>
        x[i]! >= -Infinity && x[i]! <= 0.5 ? v : 0,
      );
      expect(bits(maskClamped(dx2, x, [-Infinity, 0.5]))).toEqual(bits(expected2));
    });

    it(`backwardWeights: W itself when every weight is in range, else clamped, ${n} values`, () => {
      if (n === 0) return;
      const p = makeParam('w', [n]);
      p.value.set(values(n, n + 5).map((v) => (Number.isFinite(v) ? v * 0.5 : 0.25)));
      const w = new AnalogWeights(deviceWith({ weightRange: [-1, 1] }), p, 1, n);
      const inside = p.value.every((v) => v >= -1 && v <= 1);
      expect(inside).toBe(true);
      expect(w.backwardWeights()).toBe(p.value);
      p.value[n - 1] = 1.5;
      p.version++;
      const clamped = w.backwardWeights();
      expect(clamped).not.toBe(p.value);
      expect(clamped[n - 1]).toBe(1);
      expect(bits(clamped.subarray(0, n - 1))).toEqual(bits(p.value.subarray(0, n - 1)));
    });
  }
});
