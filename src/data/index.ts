/** Datasets, deterministic batching and augmentation for training (see docs: method.md section 6). */
export { DatasetError } from './errors.js';
export {
  checkDataset,
  datasetInfo,
  labelsLike,
  newLabels,
  sampleSize,
  subset,
  take,
  type DataSplit,
  type Dataset,
  type DatasetInfo,
  type Labels,
} from './dataset.js';
export {
  fmix32,
  hash32,
  randomBelow,
  randomNormal,
  randomUnit,
  splitmix32,
  type Rng,
} from './prng.js';
export { epochPermutation } from './shuffle.js';
export { batchCount, batches, type Batch, type BatchOptions } from './batches.js';
export {
  augmentDraw,
  CIFAR_AUGMENT,
  cropFlip,
  hflip,
  type AugmentDraw,
  type AugmentOptions,
} from './augment.js';
export { LUMA_WEIGHTS, toGrey } from './grey.js';
export { isGzip, readDataFile, type DataFile } from './files.js';
export { decodeIdx, loadIdx, type IdxArray, type IdxOptions } from './idx.js';
export { loadCifar10, loadCifar100, type Cifar100Labels } from './cifar.js';
export { loadMnist, MNIST_TEST_SIZE, MNIST_TRAIN_SIZE } from './mnist.js';
export { makeSynthetic, SYNTHETIC_DEFAULTS, type SyntheticOptions } from './synthetic.js';
export {
  DATASET_SPECS,
  loadDataset,
  parseDatasetSpec,
  type DatasetSpec,
  type LoadOptions,
} from './spec.js';
