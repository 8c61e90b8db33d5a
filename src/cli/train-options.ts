import { Command, InvalidArgumentError, Option } from 'commander';
import { BLAS_THREADS_ENV, parseBlasThreads, setBlasThreads } from '../compute/openblas-kernels.js';
import type { TrainConfigInput } from '../train/config.js';
import { integer, keyValue, nonNegativeNumber, positiveNumber } from './parse.js';

/**
 * `--threads`: OpenBLAS intra-op threads for this run (a count or "auto"), applied before the
 * action runs. For one interactive run; a sweep instead runs one single-threaded trial per core.
 */
function addThreadsOption(cmd: Command): Command {
  return cmd
    .option(
      '--threads <n|auto>',
      `intra-op threads for this run (OpenBLAS and the native host kernels): a count or "auto" (every core); default ${BLAS_THREADS_ENV} or 1`,
      (v: string) => {
        try {
          return parseBlasThreads(v, '--threads');
        } catch (e) {
          throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
        }
      },
    )
    .hook('preAction', (c) => {
      const n = (c.opts() as { threads?: number }).threads;
      if (n !== undefined) setBlasThreads(n);
    });
}

/** The options `train` and `compare` share: model, data, device, optimisation, seed. */
export function addTrainingOptions(cmd: Command): Command {
  return addThreadsOption(cmd)
    .option('--model <preset>', 'model preset: mlp, linear, convnet, vgg-a, resnet18, vit', 'mlp')
    .option(
      '--model-option <key=value>',
      'preset option, repeatable (e.g. convLayers=4)',
      keyValue,
      {},
    )
    .addOption(
      new Option('--analog <which>', 'which weight layers run on the device')
        .choices(['all', 'none', 'all-but-head'])
        .default('all'),
    )
    .option(
      '--device <uri>',
      'ideal:, sim:paper?p=16&ep=0.5, sim:<profile.json>, serial:<port>',
      'sim:paper?p=16&ep=0.5',
    )
    .option(
      '--dataset <spec>',
      'mnist (embedded), idx:<dir>, cifar10:<dir>, cifar100:<dir>, synthetic[:n]',
      'mnist',
    )
    .option('--grey', 'convert colour images to one luminance channel')
    .option(
      '--augment',
      "the paper's CIFAR augmentation (random crop with padding 4, horizontal flip)",
    )
    .option('--epochs <n>', 'epochs to train', integer(1), 10)
    .option('--batch-size <n>', 'samples per batch', integer(1), 128)
    .addOption(
      new Option('--optimizer <name>', 'optimizer')
        .choices(['adam', 'adamw', 'sgd'])
        .default('adam'),
    )
    .option('--lr <rate>', 'learning rate', positiveNumber, 1e-3)
    .option('--momentum <m>', 'SGD momentum', nonNegativeNumber, 0.9)
    .option('--weight-decay <wd>', 'weight decay', nonNegativeNumber, 0)
    .option(
      '--schedule <spec>',
      'constant, step:k[:gamma], cosine[:min[:epochs]], optional +warmup:w',
      'constant',
    )
    .option('--clip-norm <n>', 'clip the global gradient norm (0 = off)', nonNegativeNumber, 0)
    .option(
      '--eval-noise-off',
      'also evaluate each epoch on the ideal device with the same weights',
    )
    .option(
      '--patience <n>',
      'stop after n epochs without a test-accuracy gain (0 = never)',
      integer(0),
      0,
    )
    .option('--train-limit <n>', 'use only the first n training samples (0 = all)', integer(0), 0)
    .option('--test-limit <n>', 'use only the first n test samples (0 = all)', integer(0), 0)
    .option(
      '--json',
      'print JSON lines instead of a progress bar (the default when stdout is not a terminal)',
    );
}

export interface TrainingCliOptions {
  model: string;
  modelOption: Record<string, unknown>;
  analog: 'all' | 'none' | 'all-but-head';
  device: string;
  dataset: string;
  grey?: boolean;
  augment?: boolean;
  epochs: number;
  batchSize: number;
  optimizer: 'adam' | 'adamw' | 'sgd';
  lr: number;
  momentum: number;
  weightDecay: number;
  schedule: string;
  clipNorm: number;
  evalNoiseOff?: boolean;
  patience: number;
  trainLimit: number;
  testLimit: number;
  json?: boolean;
  /** Applied by the option's preAction hook; not part of the training config. */
  threads?: number;
}

export function toTrainConfig(
  o: TrainingCliOptions,
  activation: string,
  seed: number,
): TrainConfigInput {
  return {
    model: o.model,
    modelOptions: o.modelOption,
    analog: o.analog,
    activation,
    device: o.device,
    dataset: o.dataset,
    grey: o.grey ?? false,
    augment: o.augment ?? false,
    trainLimit: o.trainLimit,
    testLimit: o.testLimit,
    epochs: o.epochs,
    batchSize: o.batchSize,
    optimizer: o.optimizer,
    lr: o.lr,
    momentum: o.momentum,
    weightDecay: o.weightDecay,
    schedule: o.schedule,
    clipNorm: o.clipNorm,
    seed,
    evalNoiseOff: o.evalNoiseOff ?? false,
    patience: o.patience,
  };
}
