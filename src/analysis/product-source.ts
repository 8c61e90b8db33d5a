/**
 * Where the noisy products z~ = x~ w~ of a gradient-error map come from: the assumed noise
 * chain of method.md section 5 (assumed-products.ts) or a Device, simulated or real
 * (device-products.ts). Both see the same grid and answer draw by draw, so the map code does
 * not know which one it is talking to.
 */

/** Products over one (x, w) grid. */
export interface GridProducts {
  /**
   * z~ for every grid point of noise draw `draw` (a non-negative integer; each draw is a fresh,
   * independent sample of all noise), row-major by x: element ix * ws.length + iw.
   */
  draw(draw: number): Promise<Float32Array>;
}

export interface ProductSource {
  /** One line for captions and reports: which device or model produced the products. */
  readonly label: string;
  /**
   * Binds the source to a grid of inputs xs and weights ws. `gridId` separates the noise
   * streams of different grids (the full map and the zoom) so they are independent.
   */
  grid(xs: Float64Array, ws: Float64Array, gridId: number): Promise<GridProducts>;
}
