/**
 * The paper's sweeps (method.md section 6) as experiment presets. Each preset has a quick size,
 * chosen so a two-core machine runs it in a few minutes while still showing the effect, and a
 * full size with the paper's axes and training budget (which needs CIFAR-format data and many
 * machine-days). The numbers here are the whole definition: expand.ts turns them into trials.
 */
import { sweepValues } from '../analysis/sweep.js';
import type { TrainConfigInput } from '../train/config.js';

/** Depth of a ConvNet variant: conv layers and linear layers (classifier included). */
export interface DepthVariant {
  convLayers: number;
  linearLayers: number;
}

/** The axes of a sweep; every combination (times the seeds) is one trial. */
export interface SweepAxes {
  /** Interpolation factors i: activation relu-gelu:i. Exactly one of factors and scales. */
  factors?: number[];
  /** GELU scaling factors s: activation gelu:s. */
  scales?: number[];
  /** Error probabilities EP of the simulated device. */
  eps: number[];
  /** Precisions p (steps per unit) of the simulated device. */
  ps: number[];
  /** ConvNet depths (model convnet with these options). */
  depths?: DepthVariant[];
}

/** The training settings shared by every trial of a size. */
export type TrialBase = Omit<TrainConfigInput, 'activation' | 'device' | 'seed'>;

export interface PresetSize {
  axes: SweepAxes;
  /** Seeds 1..n for each cell. */
  seeds: number;
  base: TrialBase;
  /**
   * Where the data comes from: 'given' = the user must pass --dataset (CIFAR-format at full
   * size), else base.dataset is used unless --dataset overrides it.
   */
  data: 'given' | 'default';
  /** Which --dataset kinds a given dataset may be; absent = any. */
  datasetKinds?: readonly ('cifar10' | 'cifar100')[];
}

export interface ExperimentPreset {
  name: string;
  /** One line: what it reproduces. */
  describe: string;
  /** Absent for presets that only make sense at full size. */
  quick?: PresetSize;
  full: PresetSize;
  /** Extra model options of a cell (the ViT's input-sensor EP follows the device's EP). */
  cellModelOptions?: (cell: { ep: number; p: number }) => Record<string, unknown>;
}

const FULL_FACTORS = sweepValues(0, 1, 0.1);
const FULL_EPS = sweepValues(0.2, 0.8, 0.1);
const FULL_PS = [4, 8, 16, 32, 64];
const QUICK_FACTORS = [0, 0.5, 1];
const CIFAR = ['cifar10', 'cifar100'] as const;

/** method.md section 6: Adam, lr 1e-3, batch 1024, up to 200 epochs, the CIFAR augmentation. */
const PAPER_CONVNET_TRAINING = {
  epochs: 200,
  batchSize: 1024,
  optimizer: 'adam',
  lr: 1e-3,
  augment: true,
} as const;
/** VGG-A, ResNet-18 and the ViT: the same, at batch 128 (their memory per sample is larger). */
const PAPER_LARGE_TRAINING = { ...PAPER_CONVNET_TRAINING, batchSize: 128 } as const;

/** The quick sizes' small tasks: embedded MNIST, and a synthetic 8x8 task a ConvNet learns in seconds. */
const QUICK_MNIST = {
  dataset: 'mnist',
  epochs: 10,
  batchSize: 128,
  optimizer: 'adam',
  lr: 1e-3,
} as const;
const QUICK_SYNTHETIC = {
  dataset: 'synthetic:2048',
  epochs: 6,
  batchSize: 64,
  optimizer: 'adam',
  lr: 1e-3,
} as const;

/** Conv depths on top of the full head, and head depths without convs: depth = conv + linear. */
function depthVariants(maxConv: number): DepthVariant[] {
  const out: DepthVariant[] = [1, 2].map((l) => ({ convLayers: 0, linearLayers: l }));
  for (let c = 0; c <= maxConv; c++) out.push({ convLayers: c, linearLayers: 3 });
  return out;
}

export const EXPERIMENT_PRESETS: readonly ExperimentPreset[] = [
  {
    name: 'paper-linear',
    describe: 'i x EP x p for the linear network (the ConvNet with 0 conv layers)',
    quick: {
      axes: { factors: QUICK_FACTORS, eps: [0.2, 0.5, 0.8], ps: [16] },
      seeds: 1,
      base: { model: 'linear', ...QUICK_MNIST },
      data: 'default',
    },
    full: {
      axes: { factors: FULL_FACTORS, eps: FULL_EPS, ps: FULL_PS },
      seeds: 3,
      base: { model: 'linear', dataset: 'cifar10', ...PAPER_CONVNET_TRAINING },
      data: 'given',
      datasetKinds: CIFAR,
    },
  },
  {
    name: 'paper-convnet',
    describe: 'i x EP x p for the ConvNet (quick: 2 conv layers on a synthetic 8x8 task)',
    quick: {
      axes: { factors: QUICK_FACTORS, eps: [0.5, 0.7], ps: [16] },
      seeds: 1,
      base: {
        model: 'convnet',
        modelOptions: { convLayers: 2, linearLayers: 3 },
        ...QUICK_SYNTHETIC,
      },
      data: 'default',
    },
    full: {
      axes: { factors: FULL_FACTORS, eps: FULL_EPS, ps: FULL_PS },
      seeds: 3,
      base: { model: 'convnet', dataset: 'cifar10', ...PAPER_CONVNET_TRAINING },
      data: 'given',
      datasetKinds: CIFAR,
    },
  },
  {
    name: 'paper-depth',
    describe:
      'i x depth (conv layers with the full head, linear layers without convs): "gains grow with depth"',
    quick: {
      axes: { factors: QUICK_FACTORS, eps: [0.65], ps: [16], depths: depthVariants(3) },
      seeds: 1,
      base: { model: 'convnet', ...QUICK_SYNTHETIC },
      data: 'default',
    },
    full: {
      axes: { factors: FULL_FACTORS, eps: [0.5], ps: [16], depths: depthVariants(6) },
      seeds: 3,
      base: { model: 'convnet', dataset: 'cifar10', ...PAPER_CONVNET_TRAINING },
      data: 'given',
      datasetKinds: CIFAR,
    },
  },
  {
    name: 'gelu-scale',
    describe:
      'GELU scaling factor s x EP (activation gelu:s; quick: linear on MNIST, full: ConvNet)',
    quick: {
      axes: { scales: [0.5, 1, 2, 4], eps: [0.5, 0.8], ps: [16] },
      seeds: 1,
      base: { model: 'linear', ...QUICK_MNIST },
      data: 'default',
    },
    full: {
      axes: { scales: [0.25, 0.5, 1, 2, 3, 4, 6, 8], eps: FULL_EPS, ps: [16] },
      seeds: 3,
      base: { model: 'convnet', dataset: 'cifar10', ...PAPER_CONVNET_TRAINING },
      data: 'given',
      datasetKinds: CIFAR,
    },
  },
  {
    name: 'paper-vit',
    describe: 'i x EP for the ViT with noise on the input image only (full size only)',
    full: {
      axes: { factors: FULL_FACTORS, eps: [0.2, 0.5, 0.8], ps: [16] },
      seeds: 3,
      base: { model: 'vit', dataset: 'cifar10', ...PAPER_LARGE_TRAINING },
      data: 'given',
      datasetKinds: CIFAR,
    },
    cellModelOptions: ({ ep }) => ({ inputEp: ep }),
  },
  {
    name: 'paper-vgg-a',
    describe: 'i x EP for VGG-A (VGG-11, no batch norm; the paper uses CIFAR-100) (full size only)',
    full: {
      axes: { factors: FULL_FACTORS, eps: [0.2, 0.5, 0.8], ps: [16] },
      seeds: 3,
      base: { model: 'vgg-a', dataset: 'cifar100', ...PAPER_LARGE_TRAINING },
      data: 'given',
      datasetKinds: CIFAR,
    },
  },
  {
    name: 'paper-resnet18',
    describe: 'i x EP for ResNet-18 (batch norm; the paper uses CIFAR-100) (full size only)',
    full: {
      axes: { factors: FULL_FACTORS, eps: [0.2, 0.5, 0.8], ps: [16] },
      seeds: 3,
      base: { model: 'resnet18', dataset: 'cifar100', ...PAPER_LARGE_TRAINING },
      data: 'given',
      datasetKinds: CIFAR,
    },
  },
];

export function experimentPresetNames(): string[] {
  return EXPERIMENT_PRESETS.map((p) => p.name);
}
