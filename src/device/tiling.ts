import type { Device, ProductContext, ProgramContext, SourceRows, TileId } from './device.js';
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

  /** Write W (rows x cols, row-major) to the tiles; ctx as Device.program's. */
  async program(W: Float32Array, ctx?: ProgramContext): Promise<void> {
    if (W.length !== this.rows * this.cols) {
      throw new DeviceError(
        'bad-shape',
        `TiledMatrix.program: W has ${W.length} values, expected ${this.rows} x ${this.cols}`,
      );
    }
    if (this.tileCount === 1) {
      // W as it is: a device reads the weights during program() and keeps no reference to them.
      await this.device.program(this.tiles[0]![0]!, W, this.rows, this.cols, ctx);
      this.programmed = true;
      return;
    }
    const jobs: Promise<void>[] = [];
    this.rowBlocks.forEach((rb, i) => {
      this.colBlocks.forEach((cb, j) => {
        const sub = new Float32Array(rb.size * cb.size);
        for (let r = 0; r < rb.size; r++) {
          const src = (rb.start + r) * this.cols + cb.start;
          sub.set(W.subarray(src, src + cb.size), r * cb.size);
        }
        jobs.push(this.device.program(this.tiles[i]![j]!, sub, rb.size, cb.size, ctx));
      });
    });
    await Promise.all(jobs);
    this.programmed = true;
  }

  /**
   * Whether matmul(X, batch, ctx) reads X's values: the device's Device.needsX for the contexts
   * it will get (sourceValues is handed on unchanged), true when the device does not say.
   */
  needsX(ctx: ProductContext): boolean {
    return this.device.needsX?.(ctx) ?? true;
  }

  /**
   * Y = X W^T for X batch x cols (row-major); returns batch x rows. Without `ctx` every call is
   * a fresh noise draw (a per-matrix counter) with rowOffset 0.
   *
   * ctx.inputSource (batch x cols, like X) is cut exactly like X: rows per batch chunk (the
   * relative source indices and sourceOffset stay as they are, so a source's noise does not
   * depend on the chunking) and columns per column block. On a 'per-source' device every tile
   * gets sourceTile = this matrix's first tile, so all tiles share one conversion of each source
   * (ctx.sourceValues goes with the map unchanged, as the relative indices do);
   * without a map, the identity map (element (b, c) is source (rowOffset + b) * cols + c) is
   * built when there are several column blocks, as a column slice alone no longer knows c.
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
    const src = ctx?.inputSource;
    if (src && src.length !== X.length) {
      throw new DeviceError(
        'bad-shape',
        `TiledMatrix.matmul: inputSource has ${src.length} entries, expected batch ${batch} x ${this.cols}`,
      );
    }
    const out = ctx?.out;
    if (out && out.length !== batch * this.rows) {
      throw new DeviceError(
        'bad-shape',
        `TiledMatrix.matmul: ctx.out has ${out.length} values, expected batch ${batch} x ${this.rows}`,
      );
    }
    const base: ProductContext = ctx ?? { draw: this.autoDraw++, rowOffset: 0 };
    const info = this.device.info();
    const perSource = info.inputConversion === 'per-source';
    const splitCols = this.colBlocks.length > 1;
    const chunks = blocks(batch, info.maxBatch);
    const oneTile = this.tileCount === 1;
    // One tile and one chunk: the device's output is the answer. A device returns a fresh array
    // that the caller owns (none keeps or rewrites it), so it needs no copy. With one tile, each
    // chunk's product is asked straight into its rows of Y (ctx.out), which most devices honour.
    const Y =
      out ?? (oneTile && chunks.length === 1 ? undefined : new Float32Array(batch * this.rows));
    for (const chunk of chunks) {
      const rowOffset = base.rowOffset + chunk.start;
      // Column slices of this chunk's X (and source map), one per column block, shared by all
      // row blocks.
      const xs = this.colBlocks.map((cb) =>
        splitCols
          ? sliceCols(X, this.cols, chunk, cb, new Float32Array(chunk.size * cb.size))
          : X.subarray(chunk.start * this.cols, (chunk.start + chunk.size) * this.cols),
      );
      const ctxs = this.colBlocks.map((cb): ProductContext => {
        const c: ProductContext = { draw: base.draw, rowOffset };
        if (oneTile && Y)
          c.out = Y.subarray(chunk.start * this.rows, (chunk.start + chunk.size) * this.rows);
        if (!perSource) return c;
        c.sourceTile = this.tiles[0]![0]!;
        if (src) {
          c.inputSource = splitCols
            ? sliceCols(src, this.cols, chunk, cb, new Int32Array(chunk.size * cb.size))
            : src.subarray(chunk.start * this.cols, (chunk.start + chunk.size) * this.cols);
          c.sourceOffset = base.sourceOffset ?? 0;
          // Unchanged: every chunk's (and column block's) map indexes the same sources.
          if (base.sourceValues) c.sourceValues = base.sourceValues;
          // Whole rows only (a column block's slice is not what they fill), shifted to the chunk.
          const rows = base.sourceRows;
          if (rows && !splitCols) c.sourceRows = shiftedRows(rows, chunk.start);
        } else if (splitCols) {
          c.inputSource = identitySources(chunk.size, this.cols, cb);
          c.sourceOffset = rowOffset * this.cols;
        }
        return c;
      });
      // Issue every tile's product at once (a board pipelines them), then add the converted
      // partial sums in a fixed column-block order so the result is bit-reproducible.
      const parts = await Promise.all(
        this.rowBlocks.map((_, i) =>
          Promise.all(
            this.colBlocks.map((_, j) =>
              this.device.matmul(this.tiles[i]![j]!, xs[j]!, chunk.size, ctxs[j]),
            ),
          ),
        ),
      );
      for (let i = 0; i < parts.length; i++) {
        for (const p of parts[i]!) {
          const size = this.rowBlocks[i]!.size;
          if (p.length !== chunk.size * size) {
            throw new DeviceError(
              'bad-shape',
              `device returned ${p.length} values for a ${chunk.size} x ${size} tile product`,
            );
          }
        }
      }
      if (!Y) return parts[0]![0]!;
      if (oneTile) {
        const p = parts[0]![0]!;
        if (p !== ctxs[0]!.out) Y.set(p, chunk.start * this.rows);
        continue;
      }
      this.rowBlocks.forEach((rb, i) => {
        const row = parts[i]!;
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
    return Y ?? new Float32Array(0);
  }
}

/** `rows` for a chunk starting at row `start` of X: its row 0 is X's row `start`. */
function shiftedRows(rows: SourceRows, start: number): SourceRows {
  if (start === 0) return rows;
  return {
    fill: (values, row0, count, into) => rows.fill(values, start + row0, count, into),
    span: (row0, count) => rows.span(start + row0, count),
  };
}

/** The columns of block `cb` of rows `chunk` of a row-major (.. x cols) matrix, into `out`. */
function sliceCols<T extends Float32Array | Int32Array>(
  M: T,
  cols: number,
  chunk: Block,
  cb: Block,
  out: T,
): T {
  for (let b = 0; b < chunk.size; b++) {
    const from = (chunk.start + b) * cols + cb.start;
    out.set(M.subarray(from, from + cb.size), b * cb.size);
  }
  return out;
}

/** Source map of column block `cb` when every element is its own source: b * cols + c. */
function identitySources(batch: number, cols: number, cb: Block): Int32Array {
  if (batch * cols > 0x7fffffff)
    throw new DeviceError('bad-shape', `TiledMatrix: ${batch} x ${cols} sources overflow int32`);
  const out = new Int32Array(batch * cb.size);
  for (let b = 0; b < batch; b++)
    for (let c = 0; c < cb.size; c++) out[b * cb.size + c] = b * cols + cb.start + c;
  return out;
}
