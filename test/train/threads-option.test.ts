/**
 * `--threads` of train and compare (issue 7, item 4): intra-op BLAS threads for one interactive
 * run, applied before the action runs; absent, the run keeps ANALOOP_BLAS_THREADS or 1.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  openblasProvider,
  setBlasThreads,
  type OpenblasKernels,
} from '../../src/compute/openblas-kernels.js';
import { addTrainingOptions } from '../../src/cli/train-options.js';

const blas = (await openblasProvider.load().catch(() => undefined)) as OpenblasKernels | undefined;

async function threadsSeenByAction(argv: string[]): Promise<number | undefined> {
  let seen: number | undefined;
  const cmd = addTrainingOptions(new Command('t')).action(() => {
    seen = blas?.info.threads;
  });
  await cmd.parseAsync(argv, { from: 'user' });
  return seen;
}

describe.skipIf(!blas)('--threads', () => {
  it('sets the BLAS threads before the action; without it the count stays', async () => {
    try {
      expect(await threadsSeenByAction(['--threads', '2'])).toBe(2);
      expect(await threadsSeenByAction([])).toBe(2);
      expect(await threadsSeenByAction(['--threads', '1'])).toBe(1);
    } finally {
      setBlasThreads(1);
    }
  });

  it('rejects a count that is not a positive integer or "auto"', async () => {
    const cmd = addTrainingOptions(new Command('t'))
      .exitOverride()
      .configureOutput({ writeErr: () => {} })
      .action(() => {});
    await expect(cmd.parseAsync(['--threads', 'none'], { from: 'user' })).rejects.toThrow(
      /--threads must be a positive integer or "auto"/,
    );
  });
});
