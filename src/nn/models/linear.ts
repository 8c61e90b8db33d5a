/**
 * `linear`: the paper's "linear" networks, i.e. its ConvNet with 0 conv layers (method.md
 * section 6): flatten, then the ConvNet's head. `layers` = 3: in -> 512 -> 256 -> classes;
 * 2: in -> 512 -> classes; 1: in -> classes (a single Linear, no activation). Each hidden linear
 * is followed by the activation and dropout .5, as in the ConvNet.
 */
import { z } from 'zod';
import { Sequential } from '../layers/sequential.js';
import type { Model, ModelBuildOptions } from '../model.js';
import { checkCommon, intOption, makeModel, parseOptions } from './common.js';
import { buildConvNetLayers } from './convnet.js';

export const linearOptions = z
  .object({
    /** Number of linear layers including the classifier, 1..3 (default 3). */
    layers: intOption(1, 3).default(3),
  })
  .strict();

export function buildLinear(opts: ModelBuildOptions): Model {
  checkCommon('linear', opts);
  const o = parseOptions('linear', linearOptions, opts.options);
  return makeModel('linear', new Sequential(buildConvNetLayers('linear', opts, 0, o.layers)), opts);
}
