import type { Device, ProductContext, TileId } from './device.js';
import { DeviceError } from './errors.js';

/**
 * Mapping a matrix larger than one physical array onto several tiles, the way a board has to:
 * W (rows x cols) is cut into row tiles (output blocks) and column tiles (input blocks) of at
 * most info().rows x info().cols; each tile's product is converted by its own ADC, and the
 * partial sums of the column tiles are then added digitally on the host. Batches longer than
 * info().maxBatch are cut into chunks whose ProductContext.rowOffset is shifted by the chunk
 * start, so a simulator's counter-based noise is the same whatever the chunking.
 */

/** Hands out fresh tile ids on one device; share one per device (see getTileAllocator). */
export class TileAllocator {
  private nextId = 0;
  constructor(readonly device: Device) {}
  next(): TileId {
    return this.nextId++;
  }
  /** How many tiles have been handed out. */
  get count(): number {
    return this.nextId;
  }
}

const allocators = new WeakMap<Device, TileAllocator>();

/** The one TileAllocator of `device`, created on first use, so all layers draw from it. */
export function getTileAllocator(device: Device): TileAllocator {
  let a = allocators.get(device);
  if (!a) {
    a = new TileAllocator(device);
    allocators.set(device, a);
  }
  return a;
}

interface Block {
  start: number;
  size: number;
}

function blocks(total: number, max: number): Block[] {
  const out: Block[] = [];
  for (let start = 0; start < total; start += max)
    out.push({ start, size: Math.min(max, total - start) });
  return out;
}

function checkDim(name: string, v: number): void {
  if (!Number.isInteger(v) || v <= 0)
    throw new DeviceError('bad-shape', `TiledMatrix: ${name} must be a positive integer, got ${v}`);
}

/** A rows x cols weight matrix (outputs x inputs) spread over as many tiles as it needs. */
export class TiledMatrix {
  readonly rowBlocks: readonly Block[];
  readonly colBlocks: readonly Block[];
  /** tiles[i][j]: the tile holding row block i, column block j. */
  readonly tiles: readonly (readonly TileId[])[];
  private programmed = false;
  /** Draw counter used when matmul() gets no ProductContext: each such call is a fresh draw. */
  private autoDraw = 0;

  constructor(
    readonly device: Device,
    tiles: TileAllocator,
    readonly rows: number,
    readonly cols: number,
  ) {
    checkDim('rows', rows);
    checkDim('cols', cols);
    const info = device.info();
    this.rowBlocks = blocks(rows, info.rows);
    this.colBlocks = blocks(cols, info.cols);
    this.tiles = this.rowBlocks.map(() => this.colBlocks.map(() => tiles.next()));
  }

  /** Number of physical tiles used. */
  get tileCount(): number {
    return this.rowBlocks.length * this.colBlocks.length;
  }

  /** Write W (rows x cols, row-major) to the tiles. */
  async program(W: Float32Array): Promise<void> {
    if (W.length !== this.rows * this.cols) {
      throw new DeviceError(
        'bad-shape',
        `TiledMatrix.program: W has ${W.length} values, expected ${this.rows} x ${this.cols}`,
      );
    }
    const jobs: Promise<void>[] = [];
    this.rowBlocks.forEach((rb, i) => {
      this.colBlocks.forEach((cb, j) => {
        const sub = new Float32Array(rb.size * cb.size);
        for (let r = 0; r < rb.size; r++) {
          const src = (rb.start + r) * this.cols + cb.start;
          sub.set(W.subarray(src, src + cb.size), r * cb.size);
        }
        jobs.push(this.device.program(this.tiles[i]![j]!, sub, rb.size, cb.size));
      });
    });
    await Promise.all(jobs);
    this.programmed = true;
  }

  /**
   * Y = X W^T for X batch x cols (row-major); returns batch x rows. Without `ctx` every call is
   * a fresh noise draw (a per-matrix counter) with rowOffset 0.
   */
  async matmul(X: Float32Array, batch: number, ctx?: ProductContext): Promise<Float32Array> {
    if (!this.programmed)
      throw new DeviceError('not-programmed', 'TiledMatrix.matmul before program()');
    if (!Number.isInteger(batch) || batch < 0 || X.length !== batch * this.cols) {
      throw new DeviceError(
        'bad-shape',
        `TiledMatrix.matmul: X has ${X.length} values, expected batch ${batch} x ${this.cols}`,
      );
    }
    const base: ProductContext = ctx ?? { draw: this.autoDraw++, rowOffset: 0 };
    const Y = new Float32Array(batch * this.rows);
    const maxBatch = this.device.info().maxBatch;
    for (const chunk of blocks(batch, maxBatch)) {
      const chunkCtx: ProductContext = { draw: base.draw, rowOffset: base.rowOffset + chunk.start };
      // Column slices of this chunk's X, one per column block (shared by all row blocks).
      const xs = this.colBlocks.map((cb) => {
        if (this.colBlocks.length === 1)
          return X.subarray(chunk.start * this.cols, (chunk.start + chunk.size) * this.cols);
        const xj = new Float32Array(chunk.size * cb.size);
        for (let b = 0; b < chunk.size; b++) {
          const src = (chunk.start + b) * this.cols + cb.start;
          xj.set(X.subarray(src, src + cb.size), b * cb.size);
        }
        return xj;
      });
      // Issue every tile's product at once (a board pipelines them), then add the converted
      // partial sums in a fixed column-block order so the result is bit-reproducible.
      const parts = await Promise.all(
        this.rowBlocks.map((_, i) =>
          Promise.all(
            this.colBlocks.map((_, j) =>
              this.device.matmul(this.tiles[i]![j]!, xs[j]!, chunk.size, chunkCtx),
            ),
          ),
        ),
      );
      this.rowBlocks.forEach((rb, i) => {
        const row = parts[i]!;
        for (const p of row) {
          if (p.length !== chunk.size * rb.size) {
            throw new DeviceError(
              'bad-shape',
              `device returned ${p.length} values for a ${chunk.size} x ${rb.size} tile product`,
            );
          }
        }
        for (let b = 0; b < chunk.size; b++) {
          const dst = (chunk.start + b) * this.rows + rb.start;
          const first = row[0]!;
          for (let r = 0; r < rb.size; r++) Y[dst + r] = first[b * rb.size + r]!;
          for (let j = 1; j < row.length; j++) {
            const p = row[j]!;
            for (let r = 0; r < rb.size; r++) Y[dst + r] += p[b * rb.size + r]!;
          }
        }
      });
    }
    return Y;
  }
}
