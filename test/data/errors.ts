import { expect } from 'vitest';
import { DatasetError } from '../../src/data/index.js';

/** The DatasetError a call rejects with (fails the test if it resolves or throws another type). */
export async function datasetError(run: () => unknown): Promise<DatasetError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    return err as DatasetError;
  }
  throw new Error('expected a DatasetError, but the call succeeded');
}
