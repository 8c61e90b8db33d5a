/**
 * Noisy products measured on a Device (a board, its emulator, or the simulator): the point of
 * analoop's gradient-error map is that z~ can come from real hardware instead of an assumed
 * noise model.
 *
 * Mapping. The weights w are programmed as a column, a W of ws.length outputs x 1 input, and
 * the inputs x are sent as a batch of xs.length one-element rows, so Y = X W^T has
 * Y[ix, iw] = x_ix * w_iw: every product of the grid in one batched call per draw, each output
 * converted by the device's own ADC. With one input column nothing is summed digitally, so
 * TiledMatrix can spread the outputs over as many tiles (and the batch over as many calls) as
 * the device needs without changing what is measured.
 *
 * The device's converters replace the assumed chain: its DAC (clip, quantise, input noise),
 * its weight noise (fresh per draw), and its ADC (read noise, clip, quantise) at whatever
 * resolution and range it has. For `sim:paper?p=..&ep=..` that is doa Clamp -> RP -> Noise on
 * x and w, and aod Noise -> Clamp -> RP on z: the same blocks as the assumed chain except that
 * the noisy x and w are not re-quantised (on grid inputs RP(Clamp(x)) = x). Noise is shared the
 * same way too: one input sample per x per draw, one weight sample per w per draw, output noise
 * per product.
 *
 * Draws: draw d is sent as ProductContext.draw = drawBase + d, so a simulator gives a fresh,
 * reproducible sample per draw (a board ignores it; its noise is physical).
 */
import type { Device } from '../device/device.js';
import { getTileAllocator, TiledMatrix } from '../device/tiling.js';
import type { GridProducts, ProductSource } from './product-source.js';

export interface DeviceProductsOptions {
  /** Added to every draw number; default 0. */
  drawBase?: number;
  /** For the label, e.g. the URI the device was opened from. */
  label?: string;
}

function checkRange(what: string, values: Float64Array, range: readonly [number, number]): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo < range[0] || hi > range[1]) {
    throw new RangeError(
      `the grid's ${what} span [${lo}, ${hi}] but the device accepts ${what} in [${range[0]}, ${range[1]}]; ` +
        `it would clip them, so the map would not measure x w (use a device whose ranges cover [-1, 1])`,
    );
  }
}

/** A Device as a ProductSource. The caller opens and closes the device. */
export function deviceProducts(device: Device, options: DeviceProductsOptions = {}): ProductSource {
  const info = device.info();
  const drawBase = options.drawBase ?? 0;
  if (!Number.isSafeInteger(drawBase) || drawBase < 0)
    throw new RangeError(
      `deviceProducts: drawBase must be a non-negative integer, got ${drawBase}`,
    );
  const label =
    options.label ??
    `device ${info.model}` + (info.profileId ? ` (profile ${info.profileId.slice(0, 12)})` : '');
  return {
    label,
    async grid(xs, ws): Promise<GridProducts> {
      checkRange('inputs', xs, info.inputRange);
      checkRange('weights', ws, info.weightRange);
      const matrix = new TiledMatrix(device, getTileAllocator(device), ws.length, 1);
      await matrix.program(Float32Array.from(ws));
      const X = Float32Array.from(xs);
      return {
        async draw(d) {
          return matrix.matmul(X, xs.length, { draw: drawBase + d, rowOffset: 0 });
        },
      };
    },
  };
}
