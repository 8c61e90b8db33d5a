/**
 * `convnet`: the paper's CIFAR-10 ConvNet (method.md section 6), with configurable depth.
 *
 *   conv3x3 48 (pad 1), conv3x3 48 (pad 0), maxpool 2, dropout .25,
 *   conv3x3 96 (pad 1), conv3x3 96 (pad 0), maxpool 2, dropout .25,
 *   conv3x3 192 (pad 1), conv3x3 192 (pad 0), maxpool 2,
 *   flatten, linear 512, linear 256, linear classes
 *
 * An activation follows every conv and every hidden linear (never the logits); dropout .5 follows
 * each hidden linear's activation. On 3x32x32 the flatten is 192*2*2 = 768 and the whole model
 * (6 conv + 3 linear, 10 classes) has 1,172,410 parameters. On 1x28x28 it is 192*1*1.
 *
 * Depth. `convLayers` = n keeps the first n convs of the list above, in order, so the stages fill
 * up pair by pair (n = 1: 48 pad 1; n = 2: the whole first stage; n = 3: the first stage plus
 * the 96 pad-1 conv; ...). A stage with at least one conv keeps its maxpool and its dropout (the
 * last stage has none, as in the paper); a stage with none is dropped whole. n = 0 is the
 * paper's "linear" network (see the `linear` preset).
 * `linearLayers` = m keeps the first m - 1 hidden widths of [512, 256] and always ends with the
 * classes: m = 3: 512, 256, classes; m = 2: 512, classes; m = 1: classes. Keeping the widest
 * layer next to the features loses the least capacity.
 */
import { z } from 'zod';
import type { Layer } from '../layer.js';
import { Flatten } from '../layers/flatten.js';
import { MaxPool2d } from '../layers/maxpool2d.js';
import { Sequential } from '../layers/sequential.js';
import type { Model, ModelBuildOptions } from '../model.js';
import {
  NetBuilder,
  SpatialTracker,
  checkCommon,
  intOption,
  makeModel,
  parseOptions,
} from './common.js';

/** The six convs in order: output channels and padding (all 3x3, stride 1). */
export const CONVNET_CONVS: readonly { channels: number; padding: number }[] = [
  { channels: 48, padding: 1 },
  { channels: 48, padding: 0 },
  { channels: 96, padding: 1 },
  { channels: 96, padding: 0 },
  { channels: 192, padding: 1 },
  { channels: 192, padding: 0 },
];
/** Dropout after each stage's pool (the last stage has none). */
export const CONVNET_STAGE_DROPOUT = [0.25, 0.25, 0] as const;
/** Hidden widths of the classifier head. */
export const CONVNET_HIDDEN = [512, 256] as const;
/** Dropout after each hidden linear's activation. */
export const CONVNET_HEAD_DROPOUT = 0.5;

export const convnetOptions = z
  .object({
    /** Number of conv layers, 0..6 (default 6): the first n of the paper's six. */
    convLayers: intOption(0, 6).default(6),
    /** Number of linear layers including the classifier, 1..3 (default 3). */
    linearLayers: intOption(1, 3).default(3),
  })
  .strict();

/**
 * The ConvNet with `convLayers` convs and `linearLayers` linears; shared by `convnet` and
 * `linear` (which is this with no convs).
 */
export function buildConvNetLayers(
  preset: string,
  opts: ModelBuildOptions,
  convLayers: number,
  linearLayers: number,
): Layer[] {
  const b = new NetBuilder(preset, opts);
  const [c, h, w] = opts.inputShape;
  const size = new SpatialTracker(preset, h, w);
  const layers: Layer[] = [];
  let channels = c;
  for (let stage = 0; stage * 2 < convLayers; stage++) {
    for (let k = stage * 2; k < Math.min(convLayers, stage * 2 + 2); k++) {
      const { channels: out, padding } = CONVNET_CONVS[k];
      size.apply(`conv ${k + 1} (3x3, padding ${padding})`, 3, 1, padding);
      layers.push(b.conv(channels, out, 3, { padding }), b.act());
      channels = out;
    }
    size.apply(`the maxpool of stage ${stage + 1}`, 2, 2, 0);
    layers.push(new MaxPool2d({ kernel: 2 }));
    if (CONVNET_STAGE_DROPOUT[stage] > 0) layers.push(b.dropout(CONVNET_STAGE_DROPOUT[stage]));
  }
  layers.push(new Flatten());
  let width = channels * size.h * size.w;
  for (const hidden of CONVNET_HIDDEN.slice(0, linearLayers - 1)) {
    layers.push(b.linear(width, hidden), b.act(), b.dropout(CONVNET_HEAD_DROPOUT));
    width = hidden;
  }
  layers.push(b.linear(width, opts.classes, { head: true }));
  return layers;
}

export function buildConvNet(opts: ModelBuildOptions): Model {
  checkCommon('convnet', opts);
  const o = parseOptions('convnet', convnetOptions, opts.options);
  return makeModel(
    'convnet',
    new Sequential(buildConvNetLayers('convnet', opts, o.convLayers, o.linearLayers)),
    opts,
  );
}
