import { Subject } from 'rxjs';
import { jsKernels } from '../../../src/compute/js-kernels.js';
import type {
  Device,
  DeviceInfo,
  ProductContext,
  Range,
  Telemetry,
  TileId,
} from '../../../src/device/device.js';
import type { ForwardContext, Runtime } from '../../../src/nn/layer.js';
import type { Tensor } from '../../../src/nn/tensor.js';
import { IdealDevice, type IdealDeviceOptions } from '../../../simulator/ideal-device.js';

/** Shared fixtures for the layer tests: contexts, seeded tensors, and instrumented devices. */

export function ctx(over: Partial<ForwardContext> = {}): ForwardContext {
  return { training: true, draw: 0, rowOffset: 0, seed: 1, ...over };
}

/** A seeded tensor with entries uniform in [lo, hi). */
export function randTensor(shape: number[], seed: number, lo = -1, hi = 1): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  const data = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    data[i] = lo + (s / 2 ** 32) * (hi - lo);
  }
  return { data, shape: [...shape] };
}

export function runtime(device: Device = new IdealDevice()): Runtime {
  return { kernels: jsKernels, device };
}

/** Largest |a - b| / max(1, |b|). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++)
    m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return m;
}

/** A hash of integers to [-0.5, 0.5): deterministic "noise" for the test device. */
function hashNoise(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return (h >>> 0) / 2 ** 32 - 0.5;
}

export interface InstrumentOptions extends IdealDeviceOptions {
  /** Declared (and applied) input range; default unbounded. */
  inputRange?: Range;
  /** Declared (and applied) weight range; default unbounded. */
  weightRange?: Range;
  /** Declared (and applied, like an ADC's full scale) output range; default unbounded. */
  outputRange?: Range;
  /**
   * Add this amplitude times a hash of (draw, global row, tile, output) to every product
   * element: noise keyed the way a simulator keys it, to test batch-chunk invariance.
   */
  noise?: number;
}

/**
 * An IdealDevice with knobs: counts program/matmul calls, records contexts, clips inputs and
 * weights to declared ranges (as a board's converters do), and optionally adds keyed noise.
 */
export class InstrumentedDevice implements Device {
  readonly telemetry$ = new Subject<Telemetry>();
  programCalls = 0;
  matmulCalls = 0;
  readonly contexts: (ProductContext | undefined)[] = [];
  private readonly inner: IdealDevice;

  constructor(private readonly opts: InstrumentOptions = {}) {
    this.inner = new IdealDevice(opts);
  }

  info(): DeviceInfo {
    const i = this.inner.info();
    return {
      ...i,
      inputRange: this.opts.inputRange ?? i.inputRange,
      weightRange: this.opts.weightRange ?? i.weightRange,
      outputRange: this.opts.outputRange ?? i.outputRange,
    };
  }

  async program(tile: TileId, W: Float32Array, rows: number, cols: number): Promise<void> {
    this.programCalls++;
    const [lo, hi] = this.info().weightRange;
    await this.inner.program(
      tile,
      W.map((v) => Math.min(hi, Math.max(lo, v))),
      rows,
      cols,
    );
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    pc?: ProductContext,
  ): Promise<Float32Array> {
    this.matmulCalls++;
    this.contexts.push(pc);
    const [lo, hi] = this.info().inputRange;
    const Y = await this.inner.matmul(
      tile,
      X.map((v) => Math.min(hi, Math.max(lo, v))),
      batch,
      pc,
    );
    const [olo, ohi] = this.info().outputRange;
    for (let i = 0; i < Y.length; i++) Y[i] = Math.min(ohi, Math.max(olo, Y[i]));
    const amp = this.opts.noise ?? 0;
    if (amp > 0) {
      const rows = Y.length / Math.max(1, batch);
      for (let b = 0; b < batch; b++) {
        for (let r = 0; r < rows; r++)
          Y[b * rows + r] += amp * hashNoise(pc?.draw ?? -1, (pc?.rowOffset ?? 0) + b, tile, r);
      }
    }
    return Y;
  }

  async close(): Promise<void> {
    await this.inner.close();
    this.telemetry$.complete();
  }
}
