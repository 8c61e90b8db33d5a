import { DatasetError } from './errors.js';
import type { Dataset } from './dataset.js';

/** ITU-R BT.601 luma weights, the usual RGB -> grey conversion (and torchvision's). */
export const LUMA_WEIGHTS = [0.299, 0.587, 0.114] as const;

/**
 * A single-channel copy of an RGB dataset, shape [1, H, W], for the paper's colour-vs-grey
 * sweep. Values stay unrounded floats in [0, 1]. A dataset already grey is returned as is.
 */
export function toGrey(ds: Dataset): Dataset {
  const [c, h, w] = ds.shape;
  if (c === 1) return ds;
  if (c !== 3) {
    throw new DatasetError(`grey conversion needs 1 or 3 channels, got ${c}`, ds.name);
  }
  const plane = h * w;
  const x = new Float32Array(ds.n * plane);
  const [wr, wg, wb] = LUMA_WEIGHTS;
  for (let i = 0; i < ds.n; i++) {
    const s = i * 3 * plane;
    const d = i * plane;
    for (let p = 0; p < plane; p++) {
      const v = wr * ds.x[s + p] + wg * ds.x[s + plane + p] + wb * ds.x[s + 2 * plane + p];
      x[d + p] = v > 1 ? 1 : v; // the weights sum to 1; guard float rounding
    }
  }
  return { ...ds, x, shape: [1, h, w], source: `${ds.source} (grey)` };
}
