import { Subject } from 'rxjs';
import type {
  Device,
  DeviceInfo,
  ProductContext,
  Telemetry,
  TileId,
} from '../src/device/device.js';
import { DeviceError } from '../src/device/errors.js';
import {
  checkMatmulArgs,
  checkProgramArgs,
  closedError,
  copyProgramWeights,
  resultArray,
} from './checks.js';
import type { Kernels } from '../src/compute/kernels.js';
import { getKernels } from '../src/compute/registry.js';
import { gemmProduct, tileProduct } from './product.js';

/** Array size of an ideal device unless told otherwise: large enough that nothing is tiled. */
export const IDEAL_DEFAULT_SIZE = 1 << 20;

export interface IdealDeviceOptions {
  /** Array rows (outputs) per tile; default IDEAL_DEFAULT_SIZE. Small values exercise tiling. */
  rows?: number;
  /** Array cols (inputs) per tile; default IDEAL_DEFAULT_SIZE. */
  cols?: number;
  /** Largest batch per matmul; default IDEAL_DEFAULT_SIZE. */
  maxBatch?: number;
  /**
   * The product: 'float64' (default), exact float64 sums rounded once to float32, identical on
   * every machine; 'gemm', float32 through the Kernels provider, as SimDevice computes by default
   * (chunk-invariant, product.ts), ~30x faster, agreeing with 'float64' to float32 rounding. The
   * benchmarks use 'gemm' so that simulator minus ideal is what noise and quantisation cost.
   */
  product?: 'float64' | 'gemm';
  /** Kernels for the 'gemm' product; default getKernels(). */
  kernels?: Kernels;
}

/**
 * The reference device: exact products (float64 accumulation, one rounding to float32; or a
 * float32 gemm with `product: 'gemm'`), no noise, no quantisation (0 bits = ideal), unbounded
 * ranges. Used to check that a model behaves
 * like its digital twin and, with a small array size, to test tiling.
 */
export class IdealDevice implements Device {
  readonly telemetry$ = new Subject<Telemetry>();
  private readonly tiles = new Map<TileId, { W: Float32Array; rows: number; cols: number }>();
  private readonly infoValue: DeviceInfo;
  private readonly productKind: 'float64' | 'gemm';
  private kernels: Kernels | undefined;
  private closed = false;

  constructor(options: IdealDeviceOptions = {}) {
    const size = (name: string, v: number | undefined) => {
      const n = v ?? IDEAL_DEFAULT_SIZE;
      if (!Number.isInteger(n) || n <= 0)
        throw new DeviceError(
          'bad-shape',
          `IdealDevice: ${name} must be a positive integer, got ${n}`,
        );
      return n;
    };
    this.infoValue = {
      kind: 'ideal',
      model: 'ideal',
      firmware: 'none',
      serial: 'none',
      rows: size('rows', options.rows),
      cols: size('cols', options.cols),
      inputBits: 0,
      outputBits: 0,
      weightBits: 0,
      inputRange: [-Infinity, Infinity],
      outputRange: [-Infinity, Infinity],
      weightRange: [-Infinity, Infinity],
      maxBatch: size('maxBatch', options.maxBatch),
    };
    this.productKind = options.product ?? 'float64';
    this.kernels = options.kernels;
  }

  info(): DeviceInfo {
    return { ...this.infoValue };
  }

  async program(tile: TileId, W: Float32Array, rows: number, cols: number): Promise<void> {
    if (this.closed) throw closedError('program');
    checkProgramArgs(this.infoValue, tile, W, rows, cols);
    const copy = copyProgramWeights(tile, W, new Float32Array(W.length));
    this.tiles.set(tile, { W: copy, rows, cols });
    this.telemetry$.next({
      time: Date.now(),
      source: 'ideal',
      event: `programmed tile ${tile} (${rows}x${cols})`,
    });
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    if (this.closed) throw closedError('matmul');
    const t = this.tiles.get(tile);
    if (!t) throw new DeviceError('not-programmed', `matmul: tile ${tile} was never programmed`);
    checkMatmulArgs(this.infoValue, tile, t.cols, X, batch);
    const out = resultArray(tile, ctx, batch, t.rows);
    if (this.productKind === 'gemm') {
      this.kernels ??= await getKernels();
      return gemmProduct(this.kernels, X, t.W, batch, t.rows, t.cols, ctx?.rowOffset ?? 0, out);
    }
    out.set(tileProduct(X, t.W, batch, t.rows, t.cols));
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.tiles.clear();
    this.telemetry$.complete();
  }
}
