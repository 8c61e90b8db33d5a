import { convOutputLength } from '../../compute/im2col.js';
import type { Tensor } from '../tensor.js';

/** A square size or [height, width]. */
export type Size2 = number | readonly [number, number];

/** Normalise a Size2 to [h, w], checking each is an integer >= min. */
export function pair(name: string, v: Size2, min: number): [number, number] {
  const [h, w] = typeof v === 'number' ? [v, v] : v;
  for (const n of [h, w]) {
    if (!Number.isInteger(n) || n < min)
      throw new RangeError(`${name} must be integer(s) >= ${min}, got ${JSON.stringify(v)}`);
  }
  return [h, w];
}

/** The [batch, channels, height, width] of an NCHW tensor, or a RangeError naming the layer. */
export function nchw(
  layer: string,
  x: Tensor,
  channels?: number,
): [number, number, number, number] {
  if (x.shape.length !== 4 || (channels !== undefined && x.shape[1] !== channels)) {
    const c = channels ?? 'C';
    throw new RangeError(`${layer}: expected input [batch, ${c}, height, width], got [${x.shape}]`);
  }
  const [b, c, h, w] = x.shape;
  return [b, c, h, w];
}

/** [outH, outW] of a pooling window over H x W (floor mode), or a RangeError naming the layer. */
export function poolOutput(
  layer: string,
  H: number,
  W: number,
  k: readonly [number, number],
  s: readonly [number, number],
  p: readonly [number, number],
): [number, number] {
  const oH = convOutputLength(H, k[0], s[0], p[0], 1);
  const oW = convOutputLength(W, k[1], s[1], p[1], 1);
  if (oH < 1 || oW < 1)
    throw new RangeError(
      `${layer}: a ${k[0]}x${k[1]} window does not fit a ${H}x${W} input padded by ${p[0]}x${p[1]}`,
    );
  return [oH, oW];
}
