/**
 * An output array a layer hands out and gets back once it knows nobody reads it any more, so a
 * training loop reuses it instead of allocating (fresh large arrays cost more in page faults
 * than the loops that fill them; docs/performance.md).
 *
 * When is a layer's output dead? Its forward output y is read only by the layers above it, and
 * reverse mode runs every one of their backward passes before the layer's own: so y is dead when
 * the layer's backward runs. Its backward output dx is read by the layer below, whose backward
 * runs right after; so dx is dead when the layer's next forward starts. A forward without a
 * backward (evaluation) releases nothing, and every such call gets a fresh array, as before.
 */
export class RecycledBuffer {
  private free: Float32Array | undefined;
  private lent: Float32Array | undefined;

  /**
   * An array of n elements with unspecified contents (the caller overwrites all of them): the
   * released one when it has that length, else a new one.
   */
  take(n: number): Float32Array {
    const reuse = this.free !== undefined && this.free.length === n;
    const b = reuse ? this.free! : new Float32Array(n);
    this.free = undefined;
    this.lent = b;
    return b;
  }

  /** The array last handed out is no longer read by anyone: the next take may return it. */
  release(): void {
    if (this.lent !== undefined) this.free = this.lent;
    this.lent = undefined;
  }
}
