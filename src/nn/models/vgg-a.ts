/**
 * `vgg-a`: VGG configuration A (VGG-11, Simonyan & Zisserman), as the paper trains it on
 * CIFAR-100 (method.md section 6): no batch norm, 3x3 convs with padding 1, an activation after
 * every conv, 2x2 maxpools at the M's:
 *
 *   64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M
 *
 * Five pools divide the image by 32, so the input must be at least 32x32 (MNIST's 28x28 would
 * vanish at the last pool: that is an error).
 *
 * Classifier head (option `head`):
 * - `cifar` (default): flatten -> Linear(512*h*w, classes), the usual CIFAR adaptation (32x32
 *   leaves 1x1x512), since ImageNet's 4096-wide head would be 80% of the parameters for a
 *   32x32 input.
 * - `classic`: ImageNet VGG's head, flatten -> 4096 -> 4096 -> classes with the activation and
 *   dropout .5 after each hidden linear.
 */
import { z } from 'zod';
import type { Layer } from '../layer.js';
import { Flatten } from '../layers/flatten.js';
import { MaxPool2d } from '../layers/maxpool2d.js';
import { Sequential } from '../layers/sequential.js';
import type { Model, ModelBuildOptions } from '../model.js';
import { NetBuilder, SpatialTracker, checkCommon, makeModel, parseOptions } from './common.js';

/** VGG-11's feature layout: conv output channels, 'M' = 2x2 maxpool. */
export const VGG_A_LAYOUT: readonly (number | 'M')[] = [
  64,
  'M',
  128,
  'M',
  256,
  256,
  'M',
  512,
  512,
  'M',
  512,
  512,
  'M',
];
/** Hidden widths and dropout of the `classic` head. */
export const VGG_CLASSIC_HIDDEN = [4096, 4096] as const;
export const VGG_CLASSIC_DROPOUT = 0.5;

export const vggAOptions = z
  .object({
    /** Classifier head: 'cifar' (flatten -> classes, default) or 'classic' (4096, 4096, classes). */
    head: z.enum(['cifar', 'classic']).default('cifar'),
  })
  .strict();

export function buildVggA(opts: ModelBuildOptions): Model {
  checkCommon('vgg-a', opts);
  const o = parseOptions('vgg-a', vggAOptions, opts.options);
  const b = new NetBuilder('vgg-a', opts);
  const [c, h, w] = opts.inputShape;
  const size = new SpatialTracker('vgg-a', h, w);
  const layers: Layer[] = [];
  let channels = c;
  let pools = 0;
  VGG_A_LAYOUT.forEach((item, i) => {
    if (item === 'M') {
      size.apply(`maxpool ${++pools}`, 2, 2, 0);
      layers.push(new MaxPool2d({ kernel: 2 }));
    } else {
      size.apply(`layout entry ${i + 1} (conv 3x3 ${item})`, 3, 1, 1);
      layers.push(b.conv(channels, item, 3, { padding: 1 }), b.act());
      channels = item;
    }
  });
  layers.push(new Flatten());
  let width = channels * size.h * size.w;
  if (o.head === 'classic') {
    for (const hidden of VGG_CLASSIC_HIDDEN) {
      layers.push(b.linear(width, hidden), b.act(), b.dropout(VGG_CLASSIC_DROPOUT));
      width = hidden;
    }
  }
  layers.push(b.linear(width, opts.classes, { head: true }));
  return makeModel('vgg-a', new Sequential(layers), opts);
}
