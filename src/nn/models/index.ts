/**
 * The model presets (method.md section 6) by name, for the CLI and the trainer:
 * `buildModel('convnet', { runtime, activation, inputShape, classes, seed, analog, options })`.
 */
import type { Model, ModelBuildOptions } from '../model.js';
import { ModelConfigError } from './common.js';
import { buildConvNet } from './convnet.js';
import { buildLinear } from './linear.js';
import { buildMlp } from './mlp.js';
import { buildResNet18 } from './resnet18.js';
import { buildVggA } from './vgg-a.js';
import { buildViT } from './vit.js';

export interface ModelPreset {
  /** One line for help texts: what it is and its options. */
  describe: string;
  build(opts: ModelBuildOptions): Model;
}

export const MODEL_PRESETS: Record<string, ModelPreset> = {
  mlp: {
    describe: "AnalogVNN's MNIST MLP, in-256-128-classes (options: hidden=[256,128])",
    build: buildMlp,
  },
  linear: {
    describe:
      "the paper's ConvNet with 0 conv layers: flatten, 512, 256, classes (options: layers=1..3, default 3)",
    build: buildLinear,
  },
  convnet: {
    describe:
      "the paper's CIFAR ConvNet, 6 conv (48,48,96,96,192,192) + 3 linear (512,256,classes) " +
      '(options: convLayers=0..6, default 6; linearLayers=1..3, default 3)',
    build: buildConvNet,
  },
  'vgg-a': {
    describe:
      'VGG-11 layout without batch norm (options: head=cifar|classic, default cifar: 512 -> classes)',
    build: buildVggA,
  },
  resnet18: {
    describe: 'CIFAR ResNet-18 with batch norm, 3x3 stem, no initial maxpool (options: width=64)',
    build: buildResNet18,
  },
  vit: {
    describe:
      'Vision Transformer, patch 4, noise on the input image only, digital inside ' +
      '(options: dim=512, heads=8, depth=6, mlpRatio=1, patch=4, embDropout=0.5, inputP (default: from the device), ' +
      'inputEp=0.5, inputNoise=gaussian, analogBlocks=false)',
    build: buildViT,
  },
};

/** The preset names, in registration order. */
export function modelPresetNames(): string[] {
  return Object.keys(MODEL_PRESETS);
}

/** Builds a preset by name; an unknown name is a ModelConfigError listing the valid ones. */
export function buildModel(preset: string, opts: ModelBuildOptions): Model {
  const entry = Object.hasOwn(MODEL_PRESETS, preset) ? MODEL_PRESETS[preset] : undefined;
  if (!entry) {
    throw new ModelConfigError(
      `unknown model preset ${JSON.stringify(preset)}; valid: ${modelPresetNames().join(', ')}`,
      'model',
    );
  }
  return entry.build(opts);
}

export { ModelConfigError, layerSeed } from './common.js';
export { buildConvNet, buildLinear, buildMlp, buildResNet18, buildVggA, buildViT };
