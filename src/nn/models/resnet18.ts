/**
 * `resnet18`: the CIFAR form of ResNet-18 (He et al.) that the paper trains on CIFAR-100
 * (method.md section 6, with batch norm):
 *
 *   conv3x3 64 (stride 1, pad 1, no bias), BN, act            -- no 7x7 stem, no initial maxpool
 *   4 stages x 2 BasicBlocks, widths 64, 128, 256, 512, first-block strides 1, 2, 2, 2
 *   adaptive avgpool 1x1, flatten, linear classes
 *
 * BasicBlock: act(BN(conv3x3(act(BN(conv3x3_s(x))))) + shortcut(x)), where the shortcut is the
 * identity, or conv1x1_s + BN (no bias) when the stride or the width changes. Convs carry no
 * bias (BN's shift replaces it). With 10 classes: 11,173,962 parameters (PyTorch's count).
 *
 * Option `width` (default 64) scales every stage (64, 128, 256, 512 = width x 1, 2, 4, 8), for
 * quick experiments; the paper's is 64.
 */
import { z } from 'zod';
import type { Layer } from '../layer.js';
import { AdaptiveAvgPool2d } from '../layers/adaptive-avgpool2d.js';
import { BatchNorm2d } from '../layers/batchnorm2d.js';
import { Flatten } from '../layers/flatten.js';
import { Residual } from '../layers/residual.js';
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

/** Stage widths as multiples of `width`, and each stage's first stride. */
export const RESNET18_STAGE_MULT = [1, 2, 4, 8] as const;
export const RESNET18_STAGE_STRIDE = [1, 2, 2, 2] as const;
export const RESNET18_BLOCKS_PER_STAGE = 2;

export const resnet18Options = z
  .object({
    /** Width of the stem and first stage (stages are width x 1, 2, 4, 8); default 64. */
    width: intOption(1, 1024).default(64),
  })
  .strict();

/** One BasicBlock followed by its activation: Sequential([Residual(main, shortcut?), act]). */
function basicBlock(b: NetBuilder, inC: number, outC: number, stride: number): Layer {
  const main = new Sequential([
    b.conv(inC, outC, 3, { stride, padding: 1, bias: false }),
    new BatchNorm2d(outC),
    b.act(),
    b.conv(outC, outC, 3, { padding: 1, bias: false }),
    new BatchNorm2d(outC),
  ]);
  const shortcut =
    stride !== 1 || inC !== outC
      ? new Sequential([b.conv(inC, outC, 1, { stride, bias: false }), new BatchNorm2d(outC)])
      : undefined;
  return new Sequential([new Residual(main, shortcut), b.act()]);
}

export function buildResNet18(opts: ModelBuildOptions): Model {
  checkCommon('resnet18', opts);
  const o = parseOptions('resnet18', resnet18Options, opts.options);
  const b = new NetBuilder('resnet18', opts);
  const [c, h, w] = opts.inputShape;
  const size = new SpatialTracker('resnet18', h, w);
  size.apply('the stem conv', 3, 1, 1);
  const layers: Layer[] = [
    b.conv(c, o.width, 3, { padding: 1, bias: false }),
    new BatchNorm2d(o.width),
    b.act(),
  ];
  let channels = o.width;
  RESNET18_STAGE_MULT.forEach((mult, stage) => {
    const outC = o.width * mult;
    for (let k = 0; k < RESNET18_BLOCKS_PER_STAGE; k++) {
      const stride = k === 0 ? RESNET18_STAGE_STRIDE[stage] : 1;
      size.apply(`stage ${stage + 1} block ${k + 1}`, 3, stride, 1);
      layers.push(basicBlock(b, channels, outC, stride));
      channels = outC;
    }
  });
  layers.push(
    new AdaptiveAvgPool2d({ outH: 1, outW: 1 }),
    new Flatten(),
    b.linear(channels, opts.classes, { head: true }),
  );
  return makeModel('resnet18', new Sequential(layers), opts);
}
