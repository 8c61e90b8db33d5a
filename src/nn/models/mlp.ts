/**
 * `mlp`: AnalogVNN's MNIST / Fashion-MNIST network (method.md section 6): 784-256-128-10, an
 * activation after each hidden Linear and none on the logits, no dropout. The input is flattened,
 * so any [C, H, W] works (in = C*H*W); `classes` sets the last width.
 */
import { z } from 'zod';
import type { Layer } from '../layer.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../layers/sequential.js';
import type { Model, ModelBuildOptions } from '../model.js';
import { NetBuilder, checkCommon, makeModel, parseOptions } from './common.js';

/** AnalogVNN's hidden widths. */
export const MLP_HIDDEN = [256, 128] as const;

export const mlpOptions = z
  .object({
    /** Hidden widths, input side first; default [256, 128]. Empty = a single Linear. */
    hidden: z
      .array(z.number().int().min(1).max(65536))
      .max(16)
      .default([...MLP_HIDDEN]),
  })
  .strict();

export function buildMlp(opts: ModelBuildOptions): Model {
  checkCommon('mlp', opts);
  const o = parseOptions('mlp', mlpOptions, opts.options);
  const b = new NetBuilder('mlp', opts);
  const [c, h, w] = opts.inputShape;
  const layers: Layer[] = [new Flatten()];
  let width = c * h * w;
  for (const hidden of o.hidden) {
    layers.push(b.linear(width, hidden), b.act());
    width = hidden;
  }
  layers.push(b.linear(width, opts.classes, { head: true }));
  return makeModel('mlp', new Sequential(layers), opts);
}
