/**
 * A calibration session on one device: the tile it probes, the products it has spent against
 * each step's allowance, fresh noise draws for every call, and a record of the output values
 * seen (the ADC grid is read off them). Everything goes through the generic Device interface
 * (program a tile, send products), so the same procedures run on `sim:`, a board, or the
 * emulator. A device has no raw-probe call, so every measurement is built from products.
 */
import type { Device, DeviceInfo, TileId } from '../device/device.js';
import { hash32, splitmix32, type Rng } from '../data/prng.js';

/** One input vector through the tile and its outputs back: the unit calibration cost is counted in. */
export type Products = number;

export interface ProbeProgress {
  step: string;
  products: number;
  allowance: number;
}

export interface ProbeSessionOptions {
  /** Tile size probed: outputs (channels) x inputs. Default all rows x min(cols, 16). */
  tileRows?: number;
  tileCols?: number;
  /** Tile id used for every program (a board may hold only one). Default 0. */
  tile?: TileId;
  /** Seeds the random stimuli and the first noise draw. Default 1. */
  seed?: number;
  /** Milliseconds clock; tests inject a fake one (drift). Default Date.now. */
  clock?: () => number;
  /** Waits between drift samples; tests inject one that advances their clock. */
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (e: ProbeProgress) => void;
  /** Calls in flight at once (a board pipelines them within its credit window). Default 8. */
  concurrency?: number;
}

/** Default number of inputs probed: enough to average programming error, cheap on the wire. */
export const DEFAULT_TILE_COLS = 16;
/** Distinct output values remembered for the ADC grid. */
const MAX_REMEMBERED = 200_000;

/** A step asked for more products than it was allowed (a planning bug, or a too small --budget). */
export class BudgetError extends Error {
  override readonly name = 'BudgetError';
}

/** The tile size a session on `info` uses, checked against the array. */
export function tileSize(
  info: DeviceInfo,
  rows?: number,
  cols?: number,
): { rows: number; cols: number } {
  const r = rows ?? info.rows;
  const c = cols ?? Math.min(info.cols, DEFAULT_TILE_COLS);
  if (
    !Number.isInteger(r) ||
    !Number.isInteger(c) ||
    r < 1 ||
    c < 1 ||
    r > info.rows ||
    c > info.cols
  ) {
    throw new RangeError(
      `tile size ${r}x${c} does not fit the device's ${info.rows} x ${info.cols} array; use at most ${info.rows}x${info.cols} (e.g. --tile-size ${info.rows}x${Math.min(info.cols, DEFAULT_TILE_COLS)})`,
    );
  }
  return { rows: r, cols: c };
}

export class ProbeSession {
  readonly info: DeviceInfo;
  readonly rows: number;
  readonly cols: number;
  readonly tile: TileId;
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly rng: Rng;
  /** Output values seen so far (up to a cap), for inferGrid. */
  readonly outputs = new Set<number>();
  totalProducts = 0;
  programs = 0;
  private draw: number;
  private step = '';
  private allowance = Infinity;
  private spent = 0;
  private readonly onProgress: ((e: ProbeProgress) => void) | undefined;
  private readonly concurrency: number;

  constructor(
    readonly device: Device,
    options: ProbeSessionOptions = {},
  ) {
    this.info = device.info();
    const size = tileSize(this.info, options.tileRows, options.tileCols);
    this.rows = size.rows;
    this.cols = size.cols;
    this.tile = options.tile ?? 0;
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const seed = options.seed ?? 1;
    this.rng = splitmix32(hash32(seed, 0x5eed));
    // A simulated device keys its noise on the draw; start far from 0 so that the noise of a
    // calibration never repeats that of another session (say, a check) on the same tile.
    this.draw = hash32(seed, 0xd7a) * 1024;
    this.onProgress = options.onProgress;
    this.concurrency = options.concurrency ?? 8;
  }

  /** A uniform number in [0, 1) from the session's stimulus generator. */
  uniform(): number {
    return this.rng() / 0x100000000;
  }

  beginStep(name: string, allowance: number): void {
    this.step = name;
    this.allowance = allowance;
    this.spent = 0;
  }

  /** Ends the step; returns the products it spent. */
  endStep(): number {
    const s = this.spent;
    this.step = '';
    this.allowance = Infinity;
    this.spent = 0;
    return s;
  }

  /** Products the current step may still spend. */
  get remaining(): number {
    return this.allowance - this.spent;
  }

  /** Write a rows x cols matrix (row-major) to the session's tile. */
  async program(W: Float32Array): Promise<void> {
    await this.device.program(this.tile, W, this.rows, this.cols);
    this.programs++;
  }

  /**
   * Y = X W^T for `batch` input rows. The batch is cut into calls of at most maxBatch rows (and
   * at most `rowsPerCall`), each with a fresh noise draw: rows of one call share the weight noise
   * of that draw, so a design that needs independent weight noise per repeat puts the repeats
   * in different calls.
   */
  async products(X: Float32Array, batch: number, rowsPerCall?: number): Promise<Float32Array> {
    const cols = this.cols;
    if (X.length !== batch * cols)
      throw new RangeError(`products: X has ${X.length} values, expected ${batch} x ${cols}`);
    if (this.spent + batch > this.allowance) {
      throw new BudgetError(
        `step ${this.step}: ${batch} more products would pass its allowance of ${this.allowance} (spent ${this.spent})`,
      );
    }
    const per = Math.max(1, Math.min(this.info.maxBatch, rowsPerCall ?? Infinity));
    const Y = new Float32Array(batch * this.rows);
    const chunks: { start: number; n: number; draw: number }[] = [];
    for (let start = 0; start < batch; start += per)
      chunks.push({ start, n: Math.min(per, batch - start), draw: this.draw++ });
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const c = chunks[next++]!;
        const y = await this.device.matmul(
          this.tile,
          X.subarray(c.start * cols, (c.start + c.n) * cols),
          c.n,
          { draw: c.draw, rowOffset: 0 },
        );
        if (y.length !== c.n * this.rows) {
          throw new RangeError(
            `device returned ${y.length} outputs for ${c.n} products of ${this.rows} channels`,
          );
        }
        Y.set(y, c.start * this.rows);
        this.spent += c.n;
        this.totalProducts += c.n;
        if (this.outputs.size < MAX_REMEMBERED) for (const v of y) this.outputs.add(v);
        this.onProgress?.({ step: this.step, products: this.spent, allowance: this.allowance });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, chunks.length) }, worker));
    return Y;
  }
}
