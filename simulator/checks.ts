import type { DeviceInfo, ProductContext, SourceRows, TileId } from '../src/device/device.js';
import { DeviceError } from '../src/device/errors.js';
import { loadNativeAddon, type NativeAddon } from '../src/compute/native-addon.js';

/**
 * Argument checks shared by the in-process devices, so the simulator and the ideal device
 * reject exactly what a board would reject, with the same messages.
 */

/** The shapes of a program() call; the weights' values are checked by copyProgramWeights. */
export function checkProgramArgs(
  info: DeviceInfo,
  tile: TileId,
  W: Float32Array,
  rows: number,
  cols: number,
): void {
  if (!Number.isInteger(tile) || tile < 0)
    throw new DeviceError('bad-shape', `tile id must be a non-negative integer, got ${tile}`);
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows <= 0 || cols <= 0) {
    throw new DeviceError(
      'bad-shape',
      `program(tile ${tile}): rows and cols must be positive integers, got ${rows} x ${cols}`,
    );
  }
  if (rows > info.rows || cols > info.cols) {
    throw new DeviceError(
      'bad-shape',
      `program(tile ${tile}): ${rows} x ${cols} does not fit the ${info.rows} x ${info.cols} array; use TiledMatrix`,
    );
  }
  if (W.length !== rows * cols) {
    throw new DeviceError(
      'bad-shape',
      `program(tile ${tile}): W has ${W.length} values, expected ${rows} x ${cols}`,
    );
  }
}

interface CopyFiniteAddon {
  copyFinite?(W: Float32Array, into: Float32Array): number;
}

/** Below this many weights the JS loop is as fast as a native call. */
const NATIVE_MIN = 4096;

/**
 * into[i] = W[i] (into at least as long as W), then a RangeError at the first value that is not
 * finite: the copy a device keeps and the check of program() in one pass. `into` holds garbage
 * after a throw, so pass an array that is not in use.
 */
export function copyProgramWeights(
  tile: TileId,
  W: Float32Array,
  into: Float32Array,
): Float32Array {
  let bad = -1;
  const native = W.length >= NATIVE_MIN ? copyFiniteAddon() : undefined;
  if (native) bad = native(W, into);
  else {
    for (let i = 0; i < W.length; i++) {
      const v = W[i]!;
      into[i] = v;
      if (v - v !== 0 && bad < 0) bad = i; // NaN and infinities
    }
  }
  if (bad >= 0) throw new RangeError(`program(tile ${tile}): W[${bad}] = ${W[bad]} is not finite`);
  return into;
}

function copyFiniteAddon(): ((W: Float32Array, into: Float32Array) => number) | undefined {
  const a = loadNativeAddon();
  if (!a.ok) return undefined;
  const addon = a.addon as NativeAddon & CopyFiniteAddon;
  return typeof addon.copyFinite === 'function' ? addon.copyFinite.bind(addon) : undefined;
}

export function checkMatmulArgs(
  info: DeviceInfo,
  tile: TileId,
  cols: number,
  X: Float32Array,
  batch: number,
): void {
  if (!Number.isInteger(batch) || batch < 0)
    throw new DeviceError(
      'bad-shape',
      `matmul(tile ${tile}): batch must be a non-negative integer, got ${batch}`,
    );
  if (batch > info.maxBatch) {
    throw new DeviceError(
      'bad-shape',
      `matmul(tile ${tile}): batch ${batch} exceeds maxBatch ${info.maxBatch}; use TiledMatrix`,
    );
  }
  if (X.length !== batch * cols) {
    throw new DeviceError(
      'bad-shape',
      `matmul(tile ${tile}): X has ${X.length} values, expected ${batch} x ${cols}`,
    );
  }
}

/** Where a product's result goes: ctx.out when the caller gave one of the right size, else new. */
export function resultArray(
  tile: TileId,
  ctx: ProductContext | undefined,
  batch: number,
  rows: number,
): Float32Array {
  const out = ctx?.out;
  if (!out) return new Float32Array(batch * rows);
  if (out.length !== batch * rows) {
    throw new DeviceError(
      'bad-shape',
      `matmul(tile ${tile}): ProductContext.out has ${out.length} values, expected batch ${batch} x ${rows} rows; pass an array of that size or none`,
    );
  }
  return out;
}

export function checkContext(draw: number, rowOffset: number): void {
  if (!Number.isSafeInteger(draw) || draw < 0)
    throw new DeviceError(
      'bad-shape',
      `ProductContext.draw must be a non-negative integer, got ${draw}`,
    );
  if (!Number.isSafeInteger(rowOffset) || rowOffset < 0) {
    throw new DeviceError(
      'bad-shape',
      `ProductContext.rowOffset must be a non-negative integer, got ${rowOffset}`,
    );
  }
}

export function checkProgramContext(draw: number): number {
  if (!Number.isSafeInteger(draw) || draw < 0)
    throw new DeviceError(
      'bad-shape',
      `ProgramContext.draw must be a non-negative integer, got ${draw}`,
    );
  return draw;
}

/** The per-source fields of a ProductContext (the map's entries are checked while it is used). */
export function checkSourceContext(
  tile: TileId,
  inputSource: Int32Array | undefined,
  elements: number,
  sourceOffset: number | undefined,
  sourceTile: TileId | undefined,
): void {
  if (inputSource !== undefined && inputSource.length !== elements) {
    throw new DeviceError(
      'bad-shape',
      `matmul(tile ${tile}): inputSource has ${inputSource.length} entries, expected ${elements} (one per element of X)`,
    );
  }
  if (sourceOffset !== undefined && !(Number.isSafeInteger(sourceOffset) && sourceOffset >= 0)) {
    throw new DeviceError(
      'bad-shape',
      `ProductContext.sourceOffset must be a non-negative integer, got ${sourceOffset}`,
    );
  }
  if (sourceTile !== undefined && !(Number.isSafeInteger(sourceTile) && sourceTile >= 0)) {
    throw new DeviceError(
      'bad-shape',
      `ProductContext.sourceTile must be a non-negative integer, got ${sourceTile}`,
    );
  }
}

/**
 * ProductContext.sourceValues' contract: X[i] is sourceValues[inputSource[i]] (the same float,
 * -0 and NaN included) wherever inputSource[i] >= 0. A pass over X, so a device runs it on
 * request only (SimDeviceOptions.checkSourceValues).
 */
export function checkSourceValues(
  tile: TileId,
  X: Float32Array,
  inputSource: Int32Array,
  sourceValues: Float32Array,
  rows?: SourceRows,
  batch = 1,
): void {
  for (let i = 0; i < inputSource.length; i++) {
    const s = inputSource[i]!;
    if (s < 0) continue;
    if (s >= sourceValues.length || !Object.is(X[i], sourceValues[s])) {
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): X[${i}] = ${X[i]} but inputSource[${i}] = ${s} holds ${sourceValues[s]} in sourceValues; sourceValues must hold what X copies`,
      );
    }
  }
  if (rows) checkSourceRows(tile, inputSource, sourceValues, rows, batch);
}

/**
 * ProductContext.sourceRows' contract: fill gives what the map gives (values[inputSource[i]], 0
 * where -1), bit for bit, for every row, and span(b, 1) holds every source row b reads.
 */
function checkSourceRows(
  tile: TileId,
  inputSource: Int32Array,
  values: Float32Array,
  rows: SourceRows,
  batch: number,
): void {
  const cols = batch > 0 ? inputSource.length / batch : 0;
  const got = new Float32Array(inputSource.length);
  rows.fill(values, 0, batch, got);
  for (let i = 0; i < inputSource.length; i++) {
    const s = inputSource[i]!;
    const want = s < 0 ? 0 : values[s]!;
    if (!Object.is(got[i], want)) {
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): sourceRows.fill wrote ${got[i]} at ${i}, where inputSource gives ${want}; sourceRows must lay out what the map does`,
      );
    }
    const b = Math.floor(i / cols);
    const [lo, hi] = rows.span(b, 1);
    if (s >= 0 && (s < lo || s >= hi)) {
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): row ${b} reads source ${s}, outside sourceRows.span(${b}, 1) = [${lo}, ${hi})`,
      );
    }
  }
}

export function closedError(what: string): DeviceError {
  return new DeviceError('closed', `${what}: the device is closed`);
}
