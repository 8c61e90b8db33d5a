import type { Observable } from 'rxjs';

/** What kind of hardware answers the products. */
export type DeviceKind = 'photonic' | 'memristive' | 'simulated' | 'ideal';

/**
 * How a device's DACs convert inputs that are copies of one physical value (method.md section 3):
 * 'per-element' converts every element of X on its own, with independent noise (an array fed
 * im2col patches); 'per-source' converts each source value once, so all its copies carry the
 * same noise (the paper: input noise on the image, before the convolution). See
 * ProductContext.inputSource.
 */
export type InputConversion = 'per-element' | 'per-source';

/** A closed value interval [lo, hi]. */
export type Range = readonly [number, number];

/** What a device declares about itself; layers derive their backward semantics from it. */
export interface DeviceInfo {
  kind: DeviceKind;
  /** Board or simulator model name, e.g. "sim-paper" or a board's product id. */
  model: string;
  firmware: string;
  serial: string;
  /** Physical array size: outputs (rows) x inputs (cols) of one tile. */
  rows: number;
  cols: number;
  /** Converter resolution in bits (0 = ideal, no quantisation). */
  inputBits: number;
  outputBits: number;
  weightBits: number;
  /** Value ranges the converters accept/produce; values outside are clipped by the hardware. */
  inputRange: Range;
  outputRange: Range;
  weightRange: Range;
  /** Largest batch (rows of X) accepted by one matmul call. */
  maxBatch: number;
  /** Content hash of the calibration profile driving a simulator, when there is one. */
  profileId?: string;
  /**
   * How copies of one input value are converted; absent means 'per-element'. Only a
   * 'per-source' device reads ProductContext.inputSource, so callers may skip building it.
   */
  inputConversion?: InputConversion;
}

/** Identifies one physical tile (array) on the device. */
export type TileId = number;

/**
 * Where a product sits in the noise stream. A simulator keys its counter-based noise on
 * (seed, tile, draw, rowOffset + row, column), so the noise of an element does not depend on how
 * a batch is chunked. A board ignores it (its noise is physical).
 */
/** Which programming a program() call is: e.g. the training step whose weights it writes. */
export interface ProgramContext {
  draw: number;
}

/**
 * How a caller lays sources out in X, for ProductContext.sourceRows. For any `values` shaped like
 * sourceValues, fill writes rows [row0, row0 + count) of X as they would be with `values` in
 * place of sourceValues (element i of X is values[inputSource[i]], 0 where it is -1) into `into`
 * (count x cols, from its start). span gives [lo, hi): the slots those rows read (a superset is
 * fine). Rows count from X's first row.
 */
export interface SourceRows {
  fill(values: Float32Array, row0: number, count: number, into: Float32Array): void;
  span(row0: number, count: number): [lo: number, hi: number];
}

export interface ProductContext {
  /** Which noise draw: e.g. the training step, or an evaluation pass counter. */
  draw: number;
  /** Global index of X's first row within the draw (e.g. sample index in the batch). */
  rowOffset: number;
  /**
   * Which physical input value each element of X (batch x cols, row-major) is a copy of:
   * element i is source `sourceOffset + inputSource[i]`, or a structural zero when -1 (conv
   * padding: converted as exactly 0, without noise). A conv's im2col rows repeat each pixel
   * several times; a 'per-source' device (DeviceInfo.inputConversion) keys its input noise on the
   * source, so every copy gets the same noise, and ignores the element position. Other devices
   * ignore the map. Copies of one source must hold the same value. Absent: each element is its
   * own source. Indices are relative (int32) so that only sourceOffset needs 53 bits.
   */
  inputSource?: Int32Array;
  /** Global index of source 0 within the draw (e.g. first image * pixels per image); default 0. */
  sourceOffset?: number;
  /**
   * The tile whose id names the per-source input noise stream; default the tile multiplied.
   * TiledMatrix sets its first tile, so all tiles of one matrix see one conversion of each
   * source (the paper converts the input once, whatever the number of output blocks).
   */
  sourceTile?: TileId;
  /**
   * The source values themselves, indexed like inputSource (relative: element i of X is a copy
   * of sourceValues[inputSource[i]], bit for bit; entries -1 stay structural zeros). Optional,
   * only meaningful with inputSource: a 'per-source' device may convert these directly instead of
   * gathering the copies out of X (a conv passes its images, ~9x fewer values than X). The caller
   * guarantees X[i] === sourceValues[inputSource[i]] for every i with inputSource[i] >= 0, and
   * every such index < sourceValues.length; it may hold sources no element uses. X stays
   * complete, so a device (or wrapper) may read either; one that ignores this field is correct.
   */
  sourceValues?: Float32Array;
  /**
   * Rows of X built from per-source values without the map (a conv's im2row), for a 'per-source'
   * device converting sourceValues: only meaningful with sourceValues, and optional (a device
   * may scatter through inputSource instead; the result is the same, bit for bit).
   */
  sourceRows?: SourceRows;
  /**
   * Where the caller wants the result (batch x rows): a device may write it there and return
   * this very array, or return a fresh one (a board's driver decodes into its own); either way
   * the caller owns what it gets. Spares a large product its allocation and a copy. Must not
   * overlap X or any array in this context.
   */
  out?: Float32Array;
}

export interface Telemetry {
  /** Milliseconds since the Unix epoch. */
  time: number;
  source: string;
  temperatureC?: number;
  opticalPowerMw?: number;
  conductanceMeanUs?: number;
  uptimeS?: number;
  errors?: Record<string, number>;
  /** Free-form event, e.g. "programmed tile 3". */
  event?: string;
}

/**
 * A device that computes Y = X W^T on fixed-size tiles.
 * W is row-major rows x cols (outputs x inputs, like a Linear layer's weight), X is row-major
 * batch x cols, Y is batch x rows. Matrices larger than one tile go through `TiledMatrix`.
 */
export interface Device {
  info(): DeviceInfo;
  /**
   * Write weights to a tile. Values outside `weightRange` are clamped to it (the paper's weight
   * Clamp; a board driver does the same before its DACs); a non-finite value is a RangeError.
   * The device copies what it needs before the promise settles: the caller may change W then.
   * `ctx.draw` says which programming this is (the trainer passes the step): a simulator keys
   * its programming noise on it, so a resumed run programs exactly as an uninterrupted one;
   * without it, each program() call draws afresh. A board ignores it.
   */
  program(
    tile: TileId,
    W: Float32Array,
    rows: number,
    cols: number,
    ctx?: ProgramContext,
  ): Promise<void>;
  /**
   * Batched product with the weights last programmed on `tile`. Returns an array the caller
   * owns: ctx.out when the device wrote there, else a new one (TiledMatrix hands a single tile's
   * result on without a copy, and layers add their bias into it); X is only read.
   */
  matmul(tile: TileId, X: Float32Array, batch: number, ctx?: ProductContext): Promise<Float32Array>;
  /**
   * False when a matmul with this context would read only its sources (ctx.sourceValues and
   * ctx.sourceRows), never X's values: a caller may then skip filling X (it must still pass an
   * array of the right length). Absent or true: X is read. A wrapper that reads X (a monitor, a
   * recorder) leaves this out, so callers fill X for it.
   */
  needsX?(ctx: ProductContext): boolean;
  readonly telemetry$: Observable<Telemetry>;
  close(): Promise<void>;
}
