/**
 * A dataset that cannot be loaded. The message always starts with the offending file (or
 * directory) and says what was expected, because "invalid data" without a path is useless when a
 * user points analoop at a folder of downloads.
 */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  /** The file or directory at fault, when there is one. */
  readonly file: string | undefined;

  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super(file === undefined ? message : `${file}: ${message}`, options);
    this.file = file;
  }
}
