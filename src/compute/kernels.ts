/**
 * The compute seam: every digital product in analoop (backward passes, digital layers) goes
 * through a Kernels provider. Matrices are row-major Float32Array.
 */
export interface Kernels {
  /** Provider name as reported by `analoop doctor` (e.g. "js", "tfjs-wasm", "tfjs-node"). */
  readonly name: string;
  /**
   * What fixes the last bits of its products besides the inputs (library, version, the CPU kernel
   * it chose, threads), for run manifests and doctor; absent where the name says it all. Two
   * machines with the same provider name may round differently (e.g. OpenBLAS picks its kernel by
   * CPU), so runs are bit-comparable only with the same build.
   */
  build?(): string;
  /**
   * C = alpha * op(A) * op(B) + beta * C, with op(A) M x K and op(B) K x N, C M x N.
   * A is stored M x K (K x M when transA), B is K x N (N x K when transB). beta = 0 ignores
   * C's previous content (NaN in C does not propagate), as in BLAS.
   */
  gemm(
    transA: boolean,
    transB: boolean,
    M: number,
    N: number,
    K: number,
    alpha: number,
    A: Float32Array,
    B: Float32Array,
    beta: number,
    C: Float32Array,
  ): void;
  /**
   * Optional: the same product (the same bits) computed off the event loop, e.g. on libuv's
   * thread pool, so that I/O callbacks (a board's serial replies, heartbeats) keep running.
   * A, B and C must not be touched until the promise settles.
   */
  gemmAsync?(
    transA: boolean,
    transB: boolean,
    M: number,
    N: number,
    K: number,
    alpha: number,
    A: Float32Array,
    B: Float32Array,
    beta: number,
    C: Float32Array,
  ): Promise<void>;
  /**
   * Optional: Y = X W^T (X batch x cols, W rows x cols, Y batch x rows) as fixed-shape gemms of
   * `blockRows` rows aligned to the global row index `rowOffset + b`, a partial block padded
   * with zero rows: the chunk-invariant layout of the simulator's product (simulator/product.ts
   * gemmProduct). Each block's bits must equal one `gemm(false, true, blockRows, rows, cols, 1,
   * block, W, 0, ...)` at one thread; a provider may run blocks side by side on its threads.
   */
  blockedProduct?(
    X: Float32Array,
    W: Float32Array,
    batch: number,
    rows: number,
    cols: number,
    rowOffset: number,
    blockRows: number,
    out: Float32Array,
  ): void;
  /** How many blocks blockedProduct runs side by side (its threads); absent: 1. */
  blockedProductWidth?(): number;
}

/** A provider that may or may not be loadable on this machine (tfjs-node, wasm, native BLAS). */
export interface KernelsProvider {
  readonly name: string;
  /** Higher wins; the first that loads is chosen. */
  readonly priority: number;
  /** Resolves to the kernels, or rejects with a reason that `doctor` prints. */
  load(): Promise<Kernels>;
  /** What to do to make this provider available when it fails to load. */
  readonly howToEnable?: string;
}
